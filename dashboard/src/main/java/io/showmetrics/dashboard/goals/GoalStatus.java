package io.showmetrics.dashboard.goals;

import java.time.Instant;

/**
 * A goal evaluated against its show's KPI at one instant ({@link GoalEvaluation}).
 *
 * @param status {@code pending} (the show is not processed yet: no {@code show_kpi} row, or the metric is
 *     NULL there), {@code in_progress} (the show is on air: live numbers so far), {@code met} or {@code missed}
 * @param actual the metric's value, {@code null} while pending
 * @param attainment actual / target; {@code null} while pending or when the target is 0
 * @param provisional whether the metric's window is still open (the clock or the data through is before
 *     {@code finalAt}), so the status can still change; false once final
 * @param finalAt when the metric's window ends: the show's {@code ends_at + final_after_seconds}
 * @param awaitingData the data through is before {@code finalAt}: the window stays open until later data
 *     arrives, whatever the clock says
 */
public record GoalStatus(String status, Double actual, Double attainment, boolean provisional, Instant finalAt,
                         boolean awaitingData) {
    public static final String PENDING = "pending";
    public static final String MET = "met";
    public static final String MISSED = "missed";
    /**
     * The show is on air (its {@code show_kpi} row is {@code live}): {@code actual} and {@code attainment} are the
     * numbers so far; never met or missed before the batch run has computed the show.
     */
    public static final String IN_PROGRESS = "in_progress";

    /** Met or missed: an outcome, which pending and in-progress goals are not yet. */
    public boolean settled() {
        return MET.equals(status) || MISSED.equals(status);
    }
}
