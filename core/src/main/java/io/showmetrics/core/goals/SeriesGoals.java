package io.showmetrics.core.goals;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The rules of series goals (SPEC section 6, migration V6): which shows a series goal covers, and which series goal
 * wins when several cover a show on one metric. One home for the dashboard (Goals and Show pages) and the live mode's
 * pacing alerts. A show's own goal on a metric always wins over a series goal; callers apply that first.
 */
public final class SeriesGoals {
    /** A series by title: every show whose title starts with the pattern, without regard to case. */
    public static final String TITLE_PREFIX = "title_prefix";
    /** A series by host: every show the host (the pattern, without regard to case) presents. */
    public static final String HOST = "host";

    private SeriesGoals() {
    }

    /**
     * Whether a series goal of this kind and pattern, set at {@code appliesFrom}, covers a show with this title, host
     * and start: the series matches and the show starts at or after the series goal was set.
     */
    public static boolean covers(String kind, String pattern, Instant appliesFrom, String title, String host,
            Instant startsAt) {
        if (startsAt.isBefore(appliesFrom)) {
            return false;
        }
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case TITLE_PREFIX -> title != null && title.toLowerCase(Locale.ROOT).startsWith(p);
            case HOST -> host != null && host.strip().toLowerCase(Locale.ROOT).equals(p);
            default -> false;
        };
    }

    /**
     * The order in which covering series goals on one metric compete, the winner first: a title prefix over a host,
     * a longer prefix over a shorter one, then the earlier series goal (lower id).
     */
    public static <G> Comparator<G> mostSpecificFirst(Function<G, String> kind, Function<G, String> pattern,
            ToLongFunction<G> id) {
        return Comparator.comparing((G g) -> TITLE_PREFIX.equals(kind.apply(g)) ? 0 : 1)
                .thenComparing(g -> -pattern.apply(g).strip().length())
                .thenComparingLong(id);
    }
}
