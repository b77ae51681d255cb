package io.showmetrics.core.attribution;

import java.util.List;
import java.util.Objects;

/**
 * One show-influenced store visit and the shows that may share its credit.
 *
 * <p>{@code touches} are the shows the customer had live presence in, in any order. The models use only the
 * touches that ended in the attribution window {@code (visit − 7 days, visit]} ({@link
 * Attribution#inWindow(Journey)}); a show listed twice counts once, with its latest end time inside the
 * window.
 *
 * @param visitId the visit's identifier (carried through to the result, not interpreted)
 * @param visitMillis the visit time in epoch milliseconds
 * @param touches the shows watched; copied, no null elements
 */
public record Journey(String visitId, long visitMillis, List<Touch> touches) {
    public Journey {
        Objects.requireNonNull(touches, "touches");
        touches = List.copyOf(touches);
    }
}
