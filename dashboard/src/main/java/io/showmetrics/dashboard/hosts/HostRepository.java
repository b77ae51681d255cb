package io.showmetrics.dashboard.hosts;

import static io.showmetrics.dashboard.system.Rows.getDouble;

import io.showmetrics.dashboard.goals.GoalOutcomes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code show}, {@code show_kpi}, {@code experiment} and {@code experiment_decision} per host. */
@Repository
class HostRepository {
    /** How shows without a host are listed. */
    static final String NO_HOST = "(no host)";

    private final JdbcClient jdbc;
    private final GoalOutcomes goals;

    HostRepository(JdbcClient jdbc, GoalOutcomes goals) {
        this.jdbc = jdbc;
        this.goals = goals;
    }

    /** Every host with a computed show, best GMV per live hour first (then more shows, then name). */
    List<HostRow> findAll() {
        Map<String, GoalOutcomes.Outcome> outcomes = goals.byShow();
        Map<String, int[]> goalCounts = new LinkedHashMap<>();
        jdbc.sql("SELECT show_id, COALESCE(host, :none) AS host FROM show").param("none", NO_HOST)
                .query(rs -> {
                    GoalOutcomes.Outcome o = outcomes.get(rs.getString("show_id"));
                    if (o != null) {
                        int[] c = goalCounts.computeIfAbsent(rs.getString("host"), h -> new int[3]);
                        c[0] += o.met();
                        c[1] += o.missed();
                        c[2] += o.pending();
                    }
                });
        Map<String, List<HostRow.HostExperiment>> experiments = experiments();
        List<HostRow> rows = new ArrayList<>(jdbc.sql("""
                        SELECT COALESCE(s.host, :none) AS host, count(*) AS shows,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY k.unique_viewers) AS median_viewers,
                               sum(k.buyers_24h) AS buyers, sum(k.identified_viewers) AS identified,
                               COALESCE(sum(k.live_gmv), 0) AS live_gmv,
                               sum(EXTRACT(EPOCH FROM (s.ends_at - s.starts_at))) / 3600.0 AS live_hours
                        FROM show s JOIN show_kpi k ON k.show_id = s.show_id
                        WHERE k.status <> 'live' -- a show on air joins its host's figures once the batch run has it
                        GROUP BY 1""")
                .param("none", NO_HOST)
                .query((rs, i) -> {
                    String host = rs.getString("host");
                    long identified = rs.getLong("identified");
                    BigDecimal gmv = rs.getBigDecimal("live_gmv");
                    double hours = rs.getDouble("live_hours");
                    int[] c = goalCounts.getOrDefault(host, new int[3]);
                    return new HostRow(host, rs.getLong("shows"), getDouble(rs, "median_viewers"),
                            identified > 0 ? rs.getLong("buyers") / (double) identified : null, gmv, hours,
                            hours > 0 ? gmv.divide(BigDecimal.valueOf(hours), MathContext.DECIMAL64).doubleValue() : null,
                            c[0], c[1], c[2], c[0] + c[1] > 0 ? c[0] / (double) (c[0] + c[1]) : null,
                            experiments.getOrDefault(host, List.of()));
                })
                .list());
        rows.sort(java.util.Comparator.comparing((HostRow r) -> r.gmvPerLiveHour() == null ? Double.NEGATIVE_INFINITY
                        : r.gmvPerLiveHour()).reversed()
                .thenComparing(HostRow::shows, java.util.Comparator.reverseOrder())
                .thenComparing(HostRow::host));
        return rows;
    }

    /** Per host, the experiments covering their shows with the decision per treatment variant, by experiment id. */
    private Map<String, List<HostRow.HostExperiment>> experiments() {
        Map<String, List<HostRow.HostExperiment>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT COALESCE(s.host, :none) AS host, e.experiment_id, e.name, d.variant, d.decision,
                               d.reason
                        FROM show s JOIN experiment e ON e.experiment_id = s.experiment_id
                        LEFT JOIN experiment_decision d ON d.experiment_id = e.experiment_id
                        ORDER BY e.experiment_id, d.variant""")
                .param("none", NO_HOST)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("host"), h -> new ArrayList<>()).add(new HostRow.HostExperiment(
                            rs.getString("experiment_id"), rs.getString("name"), rs.getString("variant"),
                            rs.getString("decision"), rs.getString("reason")));
                });
        return out;
    }
}
