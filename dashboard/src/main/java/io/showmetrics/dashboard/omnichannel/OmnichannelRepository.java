package io.showmetrics.dashboard.omnichannel;

import static io.showmetrics.dashboard.system.Rows.getDouble;

import io.showmetrics.dashboard.system.Provisional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code channel_month}, {@code omnichannel_period}, {@code influenced_revenue} and {@code show_month}. Month-over-month changes
 * compare with the previous calendar month (previous quarter) only: a gap gives NULL, never a change across it. A
 * partial period (month to date) is compared with the same span of the previous one ({@code prev_span_*}, written
 * by compute), never with the whole of it.
 */
@Repository
class OmnichannelRepository {
    private final JdbcClient jdbc;

    OmnichannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChannelMonth> findChannelMonths() {
        return months("channel_month");
    }

    List<ChannelMonth> findInfluencedRevenue() {
        return months("influenced_revenue");
    }

    /** {@code table} is one of two constants above, never user input. */
    private List<ChannelMonth> months(String table) {
        return jdbc.sql("""
                        SELECT t.month, t.channel, t.revenue, t.orders, t.customers, t.partial, t.prev_span_revenue,
                               CASE WHEN t.partial THEN
                                         CASE WHEN t.prev_span_revenue IS NULL OR t.prev_span_revenue = 0 THEN NULL
                                         ELSE ((t.revenue - t.prev_span_revenue) / t.prev_span_revenue)::double precision
                                         END
                                    WHEN p.revenue IS NULL OR p.revenue = 0 THEN NULL
                                    ELSE ((t.revenue - p.revenue) / p.revenue)::double precision END AS change
                        FROM %1$s t LEFT JOIN %1$s p
                          ON p.channel = t.channel AND p.month = (t.month - INTERVAL '1 month')::date
                        ORDER BY t.month, t.channel""".formatted(table))
                .query((rs, i) -> new ChannelMonth(rs.getObject("month", LocalDate.class), rs.getString("channel"),
                        rs.getBigDecimal("revenue") == null ? BigDecimal.ZERO : rs.getBigDecimal("revenue"),
                        rs.getLong("orders"), rs.getLong("customers"), getDouble(rs, "change"), rs.getBoolean("partial"),
                        rs.getBigDecimal("prev_span_revenue")))
                .list();
    }

    /** What the shows of each month drove (show_month), oldest first. */
    List<ShowMonth> findShowMonths() {
        return jdbc.sql("""
                        SELECT month, shows, live_gmv, influenced_revenue, influenced_store_visits, partial,
                               prev_span_shows, prev_span_live_gmv, prev_span_influenced_revenue
                        FROM show_month ORDER BY month""")
                .query((rs, i) -> new ShowMonth(rs.getObject("month", LocalDate.class), rs.getLong("shows"),
                        rs.getBigDecimal("live_gmv"), rs.getBigDecimal("influenced_revenue"),
                        rs.getDouble("influenced_store_visits"), rs.getBoolean("partial"),
                        io.showmetrics.dashboard.system.Rows.getLong(rs, "prev_span_shows"),
                        rs.getBigDecimal("prev_span_live_gmv"), rs.getBigDecimal("prev_span_influenced_revenue")))
                .list();
    }

    /** Months then quarters, each in time order. */
    List<OmnichannelPeriod> findPeriods() {
        return jdbc.sql("""
                        SELECT t.*, CASE WHEN t.partial THEN
                                    CASE WHEN t.prev_span_influenced_visits IS NULL OR t.prev_span_influenced_visits = 0
                                         THEN NULL
                                    ELSE (t.influenced_visits - t.prev_span_influenced_visits)::double precision
                                         / t.prev_span_influenced_visits END
                               WHEN p.influenced_visits IS NULL OR p.influenced_visits = 0 THEN NULL
                               ELSE (t.influenced_visits - p.influenced_visits)::double precision / p.influenced_visits
                               END AS change
                        FROM omnichannel_period t LEFT JOIN omnichannel_period p
                          ON p.period = t.period AND p.period_start = (t.period_start - CASE t.period
                               WHEN 'month' THEN INTERVAL '1 month' ELSE INTERVAL '3 months' END)::date
                        ORDER BY t.period = 'quarter', t.period_start""")
                .query((rs, i) -> new OmnichannelPeriod(rs.getString("period"),
                        rs.getObject("period_start", LocalDate.class), rs.getLong("customers"),
                        rs.getLong("multichannel_customers"), getDouble(rs, "multichannel_share"),
                        rs.getLong("influenced_visits"), rs.getLong("store_visits"), getDouble(rs, "change"),
                        rs.getBoolean("partial")))
                .list();
    }

    /** The data through of the published results; {@code null} before any run recorded one. */
    Instant findDataThrough() {
        return Provisional.latestDataThrough(jdbc);
    }
}
