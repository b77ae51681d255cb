package io.showmetrics.dashboard.goals;

import io.showmetrics.dashboard.system.Provisional;
import java.time.Duration;
import java.time.Instant;

/**
 * Evaluates a goal (SPEC section 2, "Goals"): {@code pending} until the show is processed, {@code in_progress} while
 * it is on air (live mode, SPEC section 6), then {@code met} or
 * {@code missed} by direction, with attainment = actual / target, and whether the result is still provisional
 * at {@code now}: a met or missed goal is not settled while the metric's window is open, i.e. until both the
 * clock and the data through have reached its end ({@link Provisional}). Plain Java, driven by the caller's clock.
 */
public final class GoalEvaluation {
    public static final String AT_LEAST = "at_least";
    public static final String AT_MOST = "at_most";

    private GoalEvaluation() {
    }

    /**
     * @param target the goal's target (finite)
     * @param direction {@code at_least} (met when actual ≥ target) or {@code at_most} (met when actual ≤ target)
     * @param actual the show's value of the metric; {@code null} when the show has no {@code show_kpi} row or the
     *     metric is NULL there (not computed yet, or not computable): the goal is then {@code pending}
     * @param endsAt the show's {@code ends_at}
     * @param finalAfterSeconds the metric's {@code final_after_seconds}; {@code null} (a metric without a window
     *     after the show) counts as 0, final as soon as the show has ended
     * @param now the server's clock
     * @param dataThrough the data through of the run that computed {@code actual}; {@code null} when unknown (the
     *     clock alone decides)
     * @return the status; provisional until both {@code now} and {@code dataThrough} have reached
     *     {@code endsAt + finalAfterSeconds} (final at exactly that instant)
     * @throws IllegalArgumentException for an unknown direction
     */
    public static GoalStatus evaluate(double target, String direction, Double actual, Instant endsAt,
                                      Long finalAfterSeconds, Instant now, Instant dataThrough) {
        return evaluate(target, direction, actual, endsAt, finalAfterSeconds, now, dataThrough, false);
    }

    /**
     * As {@link #evaluate(double, String, Double, Instant, Long, Instant, Instant)}, for a show that may be on air.
     *
     * @param onAir the show's {@code show_kpi} row is {@code live} (written by {@code ./showmetrics live}): the goal
     *     is {@code in_progress}, with the actual and attainment so far (both {@code null} for a metric the live
     *     process does not compute), provisional, and never met or missed before the batch run computes the show
     */
    public static GoalStatus evaluate(double target, String direction, Double actual, Instant endsAt,
                                      Long finalAfterSeconds, Instant now, Instant dataThrough, boolean onAir) {
        Instant finalAt = endsAt.plus(Duration.ofSeconds(finalAfterSeconds == null ? 0 : finalAfterSeconds));
        boolean number = actual != null && !actual.isNaN() && !actual.isInfinite();
        if (onAir) {
            return new GoalStatus(GoalStatus.IN_PROGRESS, number ? actual : null,
                    number && target != 0 ? actual / target : null, true, finalAt,
                    Provisional.awaitingData(finalAt, dataThrough));
        }
        if (!number) {
            return new GoalStatus(GoalStatus.PENDING, null, null, false, finalAt, false);
        }
        boolean met = switch (direction) {
            case AT_LEAST -> actual >= target;
            case AT_MOST -> actual <= target;
            default -> throw new IllegalArgumentException("Unknown goal direction '" + direction
                    + "': use at_least or at_most.");
        };
        Double attainment = target == 0 ? null : actual / target;
        return new GoalStatus(met ? GoalStatus.MET : GoalStatus.MISSED, actual, attainment,
                !Provisional.closed(finalAt, now, dataThrough), finalAt, Provisional.awaitingData(finalAt, dataThrough));
    }
}
