package io.showmetrics.dashboard.system;

import java.time.Instant;

/**
 * Whether published numbers can still move (SPEC section 2): a show's KPIs or an experiment's results are
 * {@code provisional} until {@code final_at}, when the last window that feeds them closes, and
 * {@code final} from then on. The dashboard derives this from the server's clock at read time, so a
 * status written by the last pipeline run never goes stale.
 */
public final class Provisional {
    public static final String PROVISIONAL = "provisional";
    public static final String FINAL = "final";

    private Provisional() {
    }

    /**
     * The status at {@code now}.
     *
     * @param stored the status column written by the pipeline; used only when {@code finalAt} is unknown
     * @param finalAt when the last feeding window closes (inclusive: final at exactly {@code finalAt});
     *     {@code null} when the pipeline did not say
     * @return {@code provisional} or {@code final}; {@code null} when {@code stored} and {@code finalAt}
     *     are both {@code null} (not computed yet)
     */
    public static String status(String stored, Instant finalAt, Instant now) {
        if (finalAt == null) {
            return stored;
        }
        return now.isBefore(finalAt) ? PROVISIONAL : FINAL;
    }
}
