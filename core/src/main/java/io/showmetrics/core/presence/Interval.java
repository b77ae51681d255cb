package io.showmetrics.core.presence;

/**
 * A half-open time interval {@code [start, end)} in epoch milliseconds (UTC).
 *
 * @param start first instant included
 * @param end first instant excluded; {@code end >= start}
 */
public record Interval(long start, long end) {
    public Interval {
        if (end < start) {
            throw new IllegalArgumentException("interval ends before it starts: [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }
}
