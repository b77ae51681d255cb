package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.attribution.Model;
import io.showmetrics.core.windows.Windows;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The executive omnichannel report (SPEC section 2, "Omnichannel"): net revenue, orders and customers
 * per month and channel; the multichannel share per month and quarter; show-influenced revenue and
 * store visits.
 *
 * <p>Every number follows SPEC's definition over all the data (the UTC month of the placed line). The month
 * (quarter) that holds the run's data through ({@link DataThrough}), and any later one, is partial (month to
 * date); the one holding the data through gets {@code prev_span_*} columns with the same span of the period
 * before it (from its start to the same day and time, clamped to its last day), which is what it is compared
 * with, never the whole previous period (SPEC section 2).
 */
public final class OmnichannelMetrics {
    /** Influenced revenue counts web, app and store lines in [ends_at, ends_at + 24 h) of a watched show. */
    public static final long INFLUENCE_WINDOW_MILLIS = Windows.DEFAULTS.conversion().toMillis();

    private OmnichannelMetrics() {}

    static Column month(Column ts) {
        return to_date(date_trunc("month", ts));
    }

    /**
     * The partial period that holds {@code dataThrough}, and the same span of the period before it.
     *
     * @param start the first day of the period that holds the data through
     * @param previousFrom the first instant of the period before it
     * @param previousThrough the data through moved back by one period (day of month clamped to the shorter
     *     month: 31 March → 28 February), inclusive like the data through itself
     */
    record Span(LocalDate start, Instant previousFrom, Instant previousThrough) {
        /** @param months 1 for a month, 3 for a quarter */
        static Span of(Instant dataThrough, int months) {
            ZonedDateTime through = dataThrough.atZone(ZoneOffset.UTC);
            int firstMonth = (through.getMonthValue() - 1) / months * months + 1;
            LocalDate start = LocalDate.of(through.getYear(), firstMonth, 1);
            return new Span(start, start.minusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    through.minusMonths(months).toInstant());
        }

        Column previousSpan(Column ts) {
            return ts.geq(lit(Timestamp.from(previousFrom))).and(ts.leq(lit(Timestamp.from(previousThrough))));
        }
    }

    /** {@code channel_month}: per UTC month of the placed line and channel. */
    static Dataset<Row> channelMonth(Dataset<Row> netLines, Instant dataThrough) {
        return monthly(netLines, dataThrough);
    }

    /**
     * Revenue, orders and customers per month and channel of {@code lines}, with
     * {@code partial} and, for the partial month, {@code prev_span_revenue} per channel (a channel that sold
     * in that span but not yet this month gets a row with zeros, so totals compare like with like).
     */
    private static Dataset<Row> monthly(Dataset<Row> lines, Instant dataThrough) {
        Dataset<Row> months = lines.groupBy(month(col("ts")).as("month"), col("channel")).agg(
                sum("revenue").cast("decimal(20,4)").as("revenue"),
                countDistinct("order_id").as("orders"),
                countDistinct("customer_id").as("customers"));
        if (dataThrough == null) {
            return months.withColumn("partial", lit(false))
                    .withColumn("prev_span_revenue", lit(null).cast("decimal(20,4)"));
        }
        Span span = Span.of(dataThrough, 1);
        Column partialMonth = lit(java.sql.Date.valueOf(span.start()));
        Dataset<Row> previous = lines.filter(span.previousSpan(col("ts"))).groupBy(col("channel"))
                .agg(sum("revenue").cast("decimal(20,4)").as("prev_span_revenue"))
                .withColumn("month", partialMonth);
        return months.join(previous, new String[] {"month", "channel"}, "full_outer").select(col("month"),
                col("channel"), coalesce(col("revenue"), lit(0).cast("decimal(20,4)")).as("revenue"),
                coalesce(col("orders"), lit(0L)).as("orders"), coalesce(col("customers"), lit(0L)).as("customers"),
                col("month").geq(partialMonth).as("partial"),
                when(col("month").equalTo(partialMonth), coalesce(col("prev_span_revenue"),
                        lit(0).cast("decimal(20,4)"))).as("prev_span_revenue"));
    }

    /**
     * {@code omnichannel_period}: per month and per quarter, identified customers with a net purchase,
     * those with purchases in two or more channels, their share (NULL with no customer), and store visits
     * (all, and those influenced by a show).
     *
     * The period that holds the data through (and any later one) is {@code partial}; the one holding it has {@code prev_span_influenced_visits}
     * counted over the same span of the period before it.
     *
     * @param visits {@code visit_id, ts, influenced} (influenced: the visit had a show in its 7-day window)
     * @param dataThrough the run's data through; {@code null} when there is no data (nothing is partial)
     */
    static Dataset<Row> periods(Dataset<Row> netLines, Dataset<Row> visits, Instant dataThrough) {
        Dataset<Row> out = null;
        for (String period : new String[] {"month", "quarter"}) {
            Column start = to_date(date_trunc(period, col("ts")));
            Dataset<Row> perCustomer = netLines.filter(col("customer_id").isNotNull())
                    .groupBy(start.as("period_start"), col("customer_id"))
                    .agg(countDistinct("channel").as("channels"));
            Dataset<Row> customers = perCustomer.groupBy("period_start").agg(
                    count(lit(1)).as("customers"),
                    count(when(col("channels").geq(2), lit(1))).as("multichannel_customers"));
            Dataset<Row> visitCounts = visits.groupBy(start.as("period_start")).agg(
                    count(lit(1)).as("store_visits"),
                    count(when(col("influenced"), lit(1))).as("influenced_visits"));
            Dataset<Row> one = customers.join(visitCounts, new String[] {"period_start"}, "full_outer")
                    .select(lit(period).as("period"), col("period_start"),
                            coalesce(col("customers"), lit(0L)).as("customers"),
                            coalesce(col("multichannel_customers"), lit(0L)).as("multichannel_customers"),
                            when(col("customers").gt(0), col("multichannel_customers").divide(col("customers")))
                                    .as("multichannel_share"),
                            coalesce(col("influenced_visits"), lit(0L)).as("influenced_visits"),
                            coalesce(col("store_visits"), lit(0L)).as("store_visits"));
            if (dataThrough == null) {
                one = one.withColumn("partial", lit(false))
                        .withColumn("prev_span_influenced_visits", lit(null).cast("bigint"));
            } else {
                Span span = Span.of(dataThrough, period.equals("month") ? 1 : 3);
                Column partialStart = lit(java.sql.Date.valueOf(span.start()));
                Dataset<Row> previous = visits.filter(span.previousSpan(col("ts")))
                        .agg(count(when(col("influenced"), lit(1))).as("prev_span_influenced_visits"))
                        .withColumn("period_start", partialStart);
                one = one.join(previous, new String[] {"period_start"}, "full_outer").select(lit(period).as("period"),
                        col("period_start"), coalesce(col("customers"), lit(0L)).as("customers"),
                        coalesce(col("multichannel_customers"), lit(0L)).as("multichannel_customers"),
                        col("multichannel_share"),
                        coalesce(col("influenced_visits"), lit(0L)).as("influenced_visits"),
                        coalesce(col("store_visits"), lit(0L)).as("store_visits"),
                        col("period_start").geq(partialStart).as("partial"),
                        when(col("period_start").equalTo(partialStart), col("prev_span_influenced_visits"))
                                .as("prev_span_influenced_visits"));
            }
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    /**
     * Gold {@code show_month} (SPEC section 6, "Show-driven revenue"): per UTC month of the shows' {@code ends_at},
     * over the shows that end in it: {@code shows} (how many), {@code live_gmv} (the sum of their live GMV: net lines
     * carrying their show_id), {@code influenced_revenue} (web, app and store net lines of identified customers in
     * {@code [ends_at, ends_at + 24 h)} of one of those shows they watched live, the rule of
     * {@link #influencedRevenue}; a line counts once in a month even when it follows two of its shows, and once in
     * each month when it follows shows of two months), {@code influenced_store_visits} (the {@code linear} credits
     * of {@code store_attribution} for those shows, so a visit after two shows is split, never counted twice) and
     * {@code partial}: true while the data through has not reached the first instant of the next month (the same
     * months as {@code channel_month.partial}); with no data through at all, the clock decides. The partial month
     * that holds the data through also gets {@code prev_span_shows}, {@code prev_span_live_gmv} and
     * {@code prev_span_influenced_revenue}: the same numbers over the shows that ended in the same span of the month
     * before ({@link Span}: from its first day to the data through moved back one month), what the month to date is
     * compared with (NULL for every other month).
     *
     * @param shows {@code show_id, ends_at}: every known show
     * @param watched {@code customer_id, show_id, end_ms}
     * @param attribution gold {@code store_attribution} ({@code show_id, model, visits})
     * @param dataThrough the run's data through, or null when there is no data
     * @param now the run's clock
     */
    static Dataset<Row> showMonth(Dataset<Row> shows, Dataset<Row> netLines, Dataset<Row> watched,
            Dataset<Row> attribution, Instant dataThrough, Instant now) {
        Dataset<Row> showMonths = shows.select(col("show_id"), month(col("ends_at")).as("month"));
        Dataset<Row> visits = attribution.filter(col("model").equalTo(Model.LINEAR.specName()))
                .join(showMonths, "show_id")
                .groupBy("month").agg(sum("visits").as("influenced_store_visits"));
        Span span = Span.of(dataThrough != null ? dataThrough : now, 1);
        Column partialMonth = lit(java.sql.Date.valueOf(span.start()));
        // The month to date against the same span of the month before: the shows that ended in that span.
        Dataset<Row> previous = drove(shows.filter(span.previousSpan(col("ends_at")))
                        .select(col("show_id"), partialMonth.as("month")), netLines, watched)
                .select(col("month"), col("shows").as("prev_span_shows"), col("live_gmv").as("prev_span_live_gmv"),
                        col("influenced_revenue").as("prev_span_influenced_revenue"));
        Column partial = col("month").equalTo(partialMonth);
        return drove(showMonths, netLines, watched)
                .join(visits, new String[] {"month"}, "left")
                .join(previous, new String[] {"month"}, "left")
                .select(col("month"), col("shows"), col("live_gmv"), col("influenced_revenue"),
                        coalesce(col("influenced_store_visits"), lit(0.0)).cast("double").as("influenced_store_visits"),
                        col("month").geq(partialMonth).as("partial"),
                        when(partial, coalesce(col("prev_span_shows"), lit(0L))).as("prev_span_shows"),
                        when(partial, coalesce(col("prev_span_live_gmv"), lit(0).cast("decimal(20,4)")))
                                .as("prev_span_live_gmv"),
                        when(partial, coalesce(col("prev_span_influenced_revenue"), lit(0).cast("decimal(20,4)")))
                                .as("prev_span_influenced_revenue"));
    }

    /**
     * What a set of shows drove, per {@code month} of the set: how many shows, the live GMV of their lines, and the
     * web, app and store net revenue of identified customers in {@code [ends_at, ends_at + 24 h)} of one of them they
     * watched live (each line once per month).
     *
     * @param showMonths {@code show_id, month}: the shows and the month each counts in
     */
    private static Dataset<Row> drove(Dataset<Row> showMonths, Dataset<Row> netLines, Dataset<Row> watched) {
        Dataset<Row> counts = showMonths.groupBy("month").agg(count(lit(1)).as("shows"));
        Dataset<Row> live = netLines.filter(col("show_id").isNotNull()).select("show_id", "revenue")
                .join(showMonths, "show_id")
                .groupBy("month").agg(sum("revenue").cast("decimal(20,4)").as("live_gmv"));
        Dataset<Row> influenced = influenceable(netLines).alias("l").join(watched.alias("w"), influencedBy())
                .join(showMonths.alias("s"), col("w.show_id").equalTo(col("s.show_id")))
                .select(col("s.month").as("month"), col("l.order_id").as("order_id"), col("l.line_no").as("line_no"),
                        col("l.revenue").as("revenue"))
                .distinct()
                .groupBy("month").agg(sum("revenue").cast("decimal(20,4)").as("influenced_revenue"));
        return counts.join(live, new String[] {"month"}, "left")
                .join(influenced, new String[] {"month"}, "left")
                .select(col("month"), col("shows"),
                        coalesce(col("live_gmv"), lit(0).cast("decimal(20,4)")).as("live_gmv"),
                        coalesce(col("influenced_revenue"), lit(0).cast("decimal(20,4)")).as("influenced_revenue"));
    }

    /**
     * {@code influenced_revenue}: web, app and store net lines of identified customers placed in
     * {@code [ends_at, ends_at + 24 h)} of a show they watched live, each line once, per month and channel.
     *
     * @param watched {@code customer_id, show_id, end_ms} (the show's ends_at)
     * @param dataThrough the run's data through, as for {@link #channelMonth}
     */
    static Dataset<Row> influencedRevenue(Dataset<Row> netLines, Dataset<Row> watched, Instant dataThrough) {
        return monthly(influenceable(netLines).alias("l").join(watched.alias("w"), influencedBy(), "left_semi"),
                dataThrough);
    }

    /** Lines a show can influence: web, app and store net lines of identified customers. */
    private static Dataset<Row> influenceable(Dataset<Row> netLines) {
        return netLines.filter(col("customer_id").isNotNull().and(col("channel").isin("web", "app", "store")));
    }

    /** Line {@code l} follows watched show {@code w}: same customer, placed in {@code [end, end + 24 h)}. */
    private static Column influencedBy() {
        return col("l.customer_id").equalTo(col("w.customer_id"))
                .and(col("l.ts_ms").geq(col("w.end_ms")))
                .and(col("l.ts_ms").lt(col("w.end_ms").plus(INFLUENCE_WINDOW_MILLIS)));
    }
}
