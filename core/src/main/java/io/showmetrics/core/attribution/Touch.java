package io.showmetrics.core.attribution;

import java.util.Comparator;
import java.util.Objects;

/**
 * One show a customer watched live before a store visit: the show and the instant it ended ({@code ends_at},
 * epoch milliseconds, UTC).
 *
 * @param showId the show's {@code show_id}, not null
 * @param showEndMillis the show's {@code ends_at} in epoch milliseconds
 */
public record Touch(String showId, long showEndMillis) {
    /**
     * The touch order used by every model: end time ascending, then {@code show_id} ascending (String
     * natural order) for equal end times. First touch is the first in this order, last touch the last.
     */
    public static final Comparator<Touch> ORDER =
            Comparator.comparingLong(Touch::showEndMillis).thenComparing(Touch::showId);

    public Touch {
        Objects.requireNonNull(showId, "showId");
    }
}
