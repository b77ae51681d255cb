package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.max;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A run's <b>data through</b> (SPEC section 2): the earliest, over {@code viewer_events}, {@code orders} and
 * {@code store_visits}, of the latest accepted {@code ts} of that entity. A window that ends after it is still
 * open, however old it is: the data cannot yet say what happened in it.
 *
 * <p>An entity without a single accepted row is left out of the minimum (a brand that loads no store visits
 * still has a data through: the earlier of its latest viewer event and latest order); with no row in any of
 * the three, the data through is NULL and the clock alone decides.
 */
public final class DataThrough {
    private DataThrough() {}

    /**
     * One row: {@code viewer_events_through}, {@code orders_through}, {@code store_visits_through} (each the
     * latest accepted {@code ts} of the entity, NULL when it has no row), and {@code data_through} (the earliest
     * of those that are not NULL; NULL when all three are).
     *
     * <p>Every accepted row counts: replay events, cancels and returns included.
     *
     * @param viewerEvents bronze {@code viewer_events} (needs {@code ts})
     * @param orders bronze {@code orders} (needs {@code ts})
     * @param visits bronze {@code store_visits} (needs {@code ts})
     */
    static Dataset<Row> dataThrough(Dataset<Row> viewerEvents, Dataset<Row> orders, Dataset<Row> visits) {
        Dataset<Row> v = viewerEvents.agg(max(col("ts")).as("viewer_events_through"));
        Dataset<Row> o = orders.agg(max(col("ts")).as("orders_through"));
        Dataset<Row> s = visits.agg(max(col("ts")).as("store_visits_through"));
        // least skips NULLs: an entity without rows does not hold the data through back.
        return v.crossJoin(o).crossJoin(s).select(col("viewer_events_through"), col("orders_through"),
                col("store_visits_through"),
                least(col("viewer_events_through"), col("orders_through"), col("store_visits_through"))
                        .as("data_through"));
    }

    /** The {@code data_through} of a {@link #dataThrough} row as an instant; {@code null} when there is no data. */
    static Instant instant(Row row) {
        Timestamp t = row.getAs("data_through");
        return t == null ? null : t.toInstant();
    }
}
