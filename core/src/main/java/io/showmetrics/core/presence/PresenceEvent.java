package io.showmetrics.core.presence;

/**
 * One viewer event of a show as the presence state machine sees it.
 *
 * @param ts epoch milliseconds (UTC)
 * @param kind join, heartbeat or leave
 */
public record PresenceEvent(long ts, Kind kind) {
    /** Declared in the order applied at equal timestamps: heartbeat, then leave, then join. */
    public enum Kind {
        HEARTBEAT, LEAVE, JOIN;

        /** Parses the SPEC's lower-case {@code type} value. */
        public static Kind of(String type) {
            return switch (type) {
                case "join" -> JOIN;
                case "heartbeat" -> HEARTBEAT;
                case "leave" -> LEAVE;
                default -> throw new IllegalArgumentException("not a viewer event type: " + type);
            };
        }
    }

    public static PresenceEvent join(long ts) {
        return new PresenceEvent(ts, Kind.JOIN);
    }

    public static PresenceEvent heartbeat(long ts) {
        return new PresenceEvent(ts, Kind.HEARTBEAT);
    }

    public static PresenceEvent leave(long ts) {
        return new PresenceEvent(ts, Kind.LEAVE);
    }
}
