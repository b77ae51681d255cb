package io.showmetrics.dashboard.system;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether published numbers can still move (SPEC section 2): a show's KPIs or an experiment's results are
 * {@code provisional} until the last window that feeds them has closed, and {@code final} from then on. A window
 * has closed only when both the clock and the data have passed its end ({@code final_at}): the run's <b>data
 * through</b> (the earliest, over viewer events, orders and store visits, of the latest accepted timestamp) must
 * have reached it too, so a window whose data has not arrived stays open however old it is. The dashboard derives
 * this from the server's clock at read time, so a status written by the last pipeline run never goes stale.
 */
public final class Provisional {
    public static final String PROVISIONAL = "provisional";
    public static final String FINAL = "final";
    /**
     * A show on air (SPEC section 6, live mode): {@code ./showmetrics live} wrote its KPIs so far, with
     * {@code final_at} NULL; the batch run later replaces them with provisional or final ones.
     */
    public static final String LIVE = "live";
    /**
     * SQL expression: the data through of the results in the serving tables, i.e. of the latest run that
     * recorded one ({@code pipeline_run.data_through}); NULL before any such run.
     */
    public static final String LATEST_DATA_THROUGH_SQL = "(SELECT data_through FROM pipeline_run "
            + "WHERE data_through IS NOT NULL ORDER BY started_at DESC, run_id DESC LIMIT 1)";

    private Provisional() {
    }

    /** The data through of the published results ({@link #LATEST_DATA_THROUGH_SQL}); {@code null} before any. */
    public static Instant latestDataThrough(JdbcClient jdbc) {
        // A RowMapper may return null (a ResultSetExtractor may not): one row, NULL before any run recorded one.
        return jdbc.sql("SELECT " + LATEST_DATA_THROUGH_SQL + " AS data_through")
                .query((rs, i) -> Rows.getInstant(rs, "data_through")).list().get(0);
    }

    /**
     * The status at {@code now}.
     *
     * @param stored the status column written by the pipeline; used only when {@code finalAt} is unknown
     * @param finalAt when the last feeding window ends (inclusive: final at exactly {@code finalAt} once the data
     *     has reached it too); {@code null} when the pipeline did not say
     * @param dataThrough the data through of the run that computed the numbers; {@code null} when unknown (a run
     *     without any event data, or one published before data through existed): the clock alone decides
     * @return {@code live} whenever {@code stored} is {@code live} (the live process's numbers so far, whatever the
     *     clock says), else {@code provisional} or {@code final}; {@code null} when {@code stored} and
     *     {@code finalAt} are both {@code null} (not computed yet)
     */
    public static String status(String stored, Instant finalAt, Instant now, Instant dataThrough) {
        if (LIVE.equals(stored) || finalAt == null) {
            return stored;
        }
        return closed(finalAt, now, dataThrough) ? FINAL : PROVISIONAL;
    }

    /** Whether a window ending at {@code end} has closed: the clock and the data through have both reached it. */
    public static boolean closed(Instant end, Instant now, Instant dataThrough) {
        return !now.isBefore(end) && !awaitingData(end, dataThrough);
    }

    /**
     * Whether the data has not yet reached the end of a window ({@code dataThrough < end}): the window is open
     * until later data arrives, whatever the clock says. The dashboard then says "open: data through …, window
     * ends …" rather than "provisional until …", which would promise a time the data may not keep.
     */
    public static boolean awaitingData(Instant end, Instant dataThrough) {
        return end != null && dataThrough != null && dataThrough.isBefore(end);
    }
}
