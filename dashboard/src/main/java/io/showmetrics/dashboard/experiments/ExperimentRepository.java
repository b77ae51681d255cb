package io.showmetrics.dashboard.experiments;

import static io.showmetrics.dashboard.system.Rows.getDouble;
import static io.showmetrics.dashboard.system.Rows.getInstant;
import static io.showmetrics.dashboard.system.Rows.getLong;

import io.showmetrics.dashboard.system.Provisional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code experiment}, {@code experiment_variant}, {@code experiment_result}, {@code experiment_decision}
 * and the experiment's shows,
 * and writes {@code srm_acknowledgement} (the dashboard's only write besides demo users). An experiment's
 * status is derived from {@code final_at} and {@code clock} ({@link Provisional}).
 */
@Repository
class ExperimentRepository {
    private static final String EXPERIMENT_COLUMNS = """
            experiment_id, name, hypothesis, primary_metric, control_variant, starts_at, ends_at, assigned,
            srm_p_value, srm_flagged, srm_error_code, last_show_end, status, final_at,
            """ + Provisional.LATEST_DATA_THROUGH_SQL + " AS data_through";

    private final JdbcClient jdbc;
    private final Clock clock;

    ExperimentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every experiment with its variants (control first), latest start first (unknown starts last). */
    List<Experiment> findAll() {
        Map<String, List<ExperimentVariant>> variants = variants(null);
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + EXPERIMENT_COLUMNS
                        + " FROM experiment ORDER BY starts_at DESC NULLS LAST, experiment_id")
                .query((rs, i) -> experiment(rs, variants.getOrDefault(rs.getString("experiment_id"), List.of()), now))
                .list();
    }

    /** The experiment with its variants, or empty when there is none with this id. */
    Optional<Experiment> findById(String experimentId) {
        Map<String, List<ExperimentVariant>> variants = variants(experimentId);
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE experiment_id = :id")
                .param("id", experimentId)
                .query((rs, i) -> experiment(rs, variants.getOrDefault(experimentId, List.of()), now))
                .optional();
    }

    /** The shows of the experiment ({@code show.experiment_id}) in start order. */
    List<ExperimentShow> findShows(String experimentId) {
        return jdbc.sql("""
                        SELECT show_id, title, starts_at, ends_at FROM show WHERE experiment_id = :id
                        ORDER BY starts_at, show_id""")
                .param("id", experimentId)
                .query((rs, i) -> new ExperimentShow(rs.getString("show_id"), rs.getString("title"),
                        getInstant(rs, "starts_at"), getInstant(rs, "ends_at")))
                .list();
    }

    /**
     * The experiment's results: metrics in the order converted, revenue, visited_store (others after, by
     * name), then variant, the raw row before the CUPED row.
     */
    List<ExperimentResult> findResults(String experimentId) {
        return jdbc.sql("""
                        SELECT * FROM experiment_result WHERE experiment_id = :id
                        ORDER BY CASE metric WHEN 'converted' THEN 0 WHEN 'revenue' THEN 1
                                             WHEN 'visited_store' THEN 2 ELSE 3 END,
                                 metric, variant, adjusted""")
                .param("id", experimentId)
                .query((rs, i) -> new ExperimentResult(rs.getString("experiment_id"), rs.getString("metric"),
                        rs.getString("variant"), rs.getBoolean("adjusted"), getLong(rs, "n"), getDouble(rs, "value"),
                        getLong(rs, "control_n"), getDouble(rs, "control_value"), getDouble(rs, "abs_lift"),
                        getDouble(rs, "abs_ci_low"), getDouble(rs, "abs_ci_high"), getDouble(rs, "rel_lift"),
                        getDouble(rs, "rel_ci_low"), getDouble(rs, "rel_ci_high"), getDouble(rs, "p_value"),
                        getDouble(rs, "p_value_holm"), getDouble(rs, "p_value_bh"), getDouble(rs, "seq_ci_low"),
                        getDouble(rs, "seq_ci_high"), getDouble(rs, "theta"), getDouble(rs, "variance_reduction"),
                        getDouble(rs, "srm_p_value"), rs.getString("error_code")))
                .list();
    }

    /** The experiment's decisions ({@code experiment_decision}), one per treatment variant, by variant. */
    List<ExperimentDecision> findDecisions(String experimentId) {
        return jdbc.sql("""
                        SELECT variant, metric, decision, reason, mde_abs, power_10pct, n_needed_10pct
                        FROM experiment_decision WHERE experiment_id = :id ORDER BY variant""")
                .param("id", experimentId)
                .query((rs, i) -> new ExperimentDecision(rs.getString("variant"), rs.getString("metric"),
                        rs.getString("decision"), rs.getString("reason"), getDouble(rs, "mde_abs"),
                        getDouble(rs, "power_10pct"), getDouble(rs, "n_needed_10pct")))
                .list();
    }

    /** The median identified viewers of the latest shows with a KPI row, and how many shows that is over. */
    record Audience(Double median, int shows) {
    }

    /** The brand's usual audience: the median {@code identified_viewers} of the {@code last} latest shows. */
    Audience recentAudience(int last) {
        return jdbc.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY identified_viewers) AS median, count(*) AS n
                        FROM (SELECT k.identified_viewers FROM show_kpi k JOIN show s USING (show_id)
                              WHERE k.identified_viewers IS NOT NULL
                              ORDER BY s.starts_at DESC, s.show_id DESC LIMIT :last) recent""")
                .param("last", last)
                .query((rs, i) -> new Audience(getDouble(rs, "median"), rs.getInt("n")))
                .single();
    }

    /** A row of {@code experiment_incremental}: the variant's numbers and whether the control is a holdout. */
    record IncrementalRow(boolean holdout, ExperimentVisits.Variant variant) {
    }

    /** The experiment's store-visit differences per treatment variant ({@code experiment_incremental}), by variant. */
    List<IncrementalRow> findIncrementalVisits(String experimentId) {
        return jdbc.sql("""
                        SELECT variant, control_variant, holdout, treated, control_n, visits, ci_low, ci_high, error_code
                        FROM experiment_incremental WHERE experiment_id = :id ORDER BY variant""")
                .param("id", experimentId)
                .query((rs, i) -> new IncrementalRow(rs.getBoolean("holdout"), new ExperimentVisits.Variant(
                        rs.getString("variant"), rs.getString("control_variant"), rs.getLong("treated"),
                        rs.getLong("control_n"), getDouble(rs, "visits"), getDouble(rs, "ci_low"),
                        getDouble(rs, "ci_high"), rs.getString("error_code"))))
                .list();
    }

    /** Whether {@code experiment_result} has rows of {@code metric} for the experiment. */
    boolean hasResults(String experimentId, String metric) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM experiment_result WHERE experiment_id = :id AND metric = :metric)")
                .param("id", experimentId)
                .param("metric", metric)
                .query(Boolean.class).single();
    }

    /** When {@code username} acknowledged the experiment's sample-ratio mismatch, or empty if never. */
    Optional<Instant> findAcknowledgement(String experimentId, String username) {
        return jdbc.sql("SELECT acknowledged_at FROM srm_acknowledgement WHERE experiment_id = :id AND username = :user")
                .param("id", experimentId)
                .param("user", username)
                .query((rs, i) -> getInstant(rs, "acknowledged_at"))
                .optional();
    }

    /**
     * Records that {@code username} acknowledged the mismatch now (clock time). Idempotent: a second call
     * keeps, and returns, the first acknowledgement.
     */
    SrmAcknowledgement acknowledge(String experimentId, String username) {
        jdbc.sql("""
                        INSERT INTO srm_acknowledgement (experiment_id, username, acknowledged_at)
                        VALUES (:id, :user, :at) ON CONFLICT (experiment_id, username) DO NOTHING""")
                .param("id", experimentId)
                .param("user", username)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        Instant at = findAcknowledgement(experimentId, username).orElseThrow();
        return new SrmAcknowledgement(experimentId, username, at);
    }

    private Map<String, List<ExperimentVariant>> variants(String experimentId) {
        record Raw(String experimentId, String variant, long assigned, Double expectedShare, boolean control) {
        }
        List<Raw> rows = jdbc.sql("""
                        SELECT experiment_id, variant, assigned, expected_share, is_control FROM experiment_variant
                        WHERE CAST(:id AS text) IS NULL OR experiment_id = :id
                        ORDER BY experiment_id, is_control DESC, variant""")
                .param("id", experimentId)
                .query((rs, i) -> new Raw(rs.getString("experiment_id"), rs.getString("variant"),
                        rs.getLong("assigned"), getDouble(rs, "expected_share"), rs.getBoolean("is_control")))
                .list();
        Map<String, List<Raw>> byExperiment = rows.stream()
                .collect(Collectors.groupingBy(Raw::experimentId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<ExperimentVariant>> result = new LinkedHashMap<>();
        byExperiment.forEach((id, arms) -> {
            long total = arms.stream().mapToLong(Raw::assigned).sum();
            result.put(id, arms.stream().map(a -> new ExperimentVariant(a.variant(), a.assigned(), a.expectedShare(),
                    total == 0 ? null : (double) a.assigned() / total, a.control())).toList());
        });
        return result;
    }

    private static Experiment experiment(ResultSet rs, List<ExperimentVariant> variants, Instant now)
            throws SQLException {
        Instant finalAt = getInstant(rs, "final_at");
        return new Experiment(rs.getString("experiment_id"), rs.getString("name"), rs.getString("hypothesis"),
                rs.getString("primary_metric"), rs.getString("control_variant"), getInstant(rs, "starts_at"),
                getInstant(rs, "ends_at"), rs.getLong("assigned"), getDouble(rs, "srm_p_value"),
                rs.getBoolean("srm_flagged"), rs.getString("srm_error_code"), getInstant(rs, "last_show_end"),
                Provisional.status(rs.getString("status"), finalAt, now, getInstant(rs, "data_through")), finalAt,
                variants, getInstant(rs, "data_through"));
    }
}
