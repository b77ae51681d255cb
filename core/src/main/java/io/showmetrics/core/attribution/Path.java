package io.showmetrics.core.attribution;

import java.util.List;
import java.util.Objects;

/**
 * One customer journey through the Markov chain: {@code start → shows[0] → … → shows[k−1] → outcome}, where
 * the outcome is {@code visit} when {@code converted}, else {@code null}.
 *
 * <p>The Spark job builds one path per influenced visit (the shows that ended in its window, ordered by end
 * time, converted) and one per watched show not followed by a visit within 7 days (the shows the customer
 * watched that ended in the 7 days up to that show's end, ordered, not converted); {@link
 * Attribution#paths} does the same for one customer. Every consecutive pair is counted as one transition, so a
 * repeated show ({@code [A, A]}) is a self-loop {@code A → A} and a revisit ({@code [A, B, A]}) the
 * transitions {@code A → B} and {@code B → A}. An empty path is the direct transition {@code start →
 * outcome}.
 *
 * @param shows the show ids in journey order; copied, no null elements
 * @param converted whether the journey ended in a store visit
 */
public record Path(List<String> shows, boolean converted) {
    public Path {
        Objects.requireNonNull(shows, "shows");
        shows = List.copyOf(shows);
    }

    /** A path from the given shows. */
    public static Path of(boolean converted, String... shows) {
        return new Path(List.of(shows), converted);
    }
}
