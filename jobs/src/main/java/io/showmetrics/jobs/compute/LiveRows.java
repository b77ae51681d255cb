package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;

import io.showmetrics.ingest.spark.BronzeSchemas;
import io.showmetrics.ingest.spark.InterruptedRuns;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.runtime.DeltaVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze rows live mode computes from (SPEC section 6), held on the driver between cycles: every viewer, chat and
 * player event of the shows in play, and the order rows their KPIs need. The first cycle of a set of shows reads
 * them from bronze ({@link #load}); each later cycle adds only the rows its ingest run appended ({@link #add}, found by
 * the run id every bronze row carries, which Delta's file statistics skip to), so a cycle no longer re-reads the
 * shows' whole history from the lake.
 *
 * <p>Held equal to a fresh load: a viewer, chat or player row belongs to the shows by its {@code show_id}, and every
 * row with one of the shows is in bronze or in a later run. An order row belongs through its line: a cancel or return
 * need not carry the show, so every order row added since the load is kept, and {@link LiveMetrics} picks the lines of
 * the shows from all of them, as it would from bronze ({@code LiveRowsTest} checks the two ways agree).
 */
public final class LiveRows {
    static final List<String> VIEWER_COLUMNS = List.of("show_id", "viewer_id", "type", "ts", "replay", "customer_id");
    static final List<String> CHAT_COLUMNS = List.of("show_id", "viewer_id", "type", "ts", "customer_id");
    static final List<String> PLAYER_COLUMNS = List.of("event_id", "show_id", "viewer_id", "type", "sku", "ts",
            "customer_id");
    /** What the net order lines read: the line, its status and price, and its place in the load order. */
    static final List<String> ORDER_COLUMNS = List.of("order_id", "line_no", "status", "ts", "channel", "sku",
            "quantity", "unit_price_reporting", "customer_id", "show_id", "store_id", "_run_id", "_file_order",
            "_line");

    private final Set<String> showIds;
    private final Table viewerEvents;
    private final Table chatEvents;
    private final Table playerEvents;
    private final Table orders;

    private LiveRows(Set<String> showIds, Table viewerEvents, Table chatEvents, Table playerEvents, Table orders) {
        this.showIds = showIds;
        this.viewerEvents = viewerEvents;
        this.chatEvents = chatEvents;
        this.playerEvents = playerEvents;
        this.orders = orders;
    }

    /** Rows of one bronze table, with the schema they were read with. */
    private static final class Table {
        final String entity;
        final List<String> columns;
        StructType schema;
        final List<Row> rows = new ArrayList<>();
        /** The table's Delta version the rows held are complete up to. */
        long version = -1;

        Table(String entity, List<String> columns) {
            this.entity = entity;
            this.columns = columns;
        }

        /** Selects this table's columns and adds the rows of {@code ds} to those held. */
        void add(Dataset<Row> ds) {
            Dataset<Row> selected = ds.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
            if (schema == null) {
                schema = selected.schema();
            } else if (!schema.equals(selected.schema())) {
                throw new IllegalStateException("bronze/" + entity + " changed its layout during live mode; its rows "
                        + "are read again at the next poll");
            }
            rows.addAll(selected.collectAsList());
        }

        Dataset<Row> dataset(SparkSession spark) {
            return spark.createDataFrame(rows, schema);
        }
    }

    /** Everything bronze holds for {@code showIds}: what a first cycle (or a new set of shows in play) starts from. */
    public static LiveRows load(SparkSession spark, Lake lake, Collection<String> showIds) {
        LiveRows held = new LiveRows(new TreeSet<>(showIds), new Table("viewer_events", VIEWER_COLUMNS),
                new Table("chat_events", CHAT_COLUMNS), new Table("player_events", PLAYER_COLUMNS),
                new Table("orders", ORDER_COLUMNS));
        for (Table t : List.of(held.viewerEvents, held.chatEvents, held.playerEvents)) {
            t.add(readPinned(spark, lake, t).filter(held.inScope()));
        }
        held.orders.add(held.ofShowLines(readPinned(spark, lake, held.orders)));
        return held;
    }

    /** The shows these rows are for. */
    public Set<String> showIds() {
        return showIds;
    }

    /**
     * Adds the rows the ingest run {@code runId} appended to bronze. A table whose Delta version has not moved gained
     * nothing; one that moved only by this run's append gains the run's rows (its files are found by the run id's
     * statistics). If anything else wrote to a table since these rows were read (a batch {@code run} on the same lake,
     * a roll-back), the rows held are no longer known to be complete, and this returns false: {@link #load} again.
     *
     * @return whether the rows held are now complete
     */
    public boolean add(SparkSession spark, Lake lake, String runId) {
        String tag = InterruptedRuns.appendTag(runId);
        for (Table t : List.of(viewerEvents, chatEvents, playerEvents, orders)) {
            String path = lake.bronze(t.entity);
            long current = Lake.version(spark, path);
            if (current == t.version) {
                continue;
            }
            if (t.version < 0 || current < t.version) {
                return false;
            }
            for (long v = t.version + 1; v <= current; v++) {
                if (!tag.equals(DeltaVersions.userMetadata(spark, path, v))) {
                    return false;
                }
            }
            Dataset<Row> appended = pinned(spark, path, current).filter(col(BronzeSchemas.RUN_ID).equalTo(runId));
            t.add(t == orders ? appended : appended.filter(inScope()));
            t.version = current;
        }
        return true;
    }

    /** The shows' viewer events (the columns presence and the viewer KPIs read). */
    public Dataset<Row> viewerEvents(SparkSession spark) {
        return viewerEvents.dataset(spark);
    }

    /** The shows' chat events. */
    public Dataset<Row> chatEvents(SparkSession spark) {
        return chatEvents.dataset(spark);
    }

    /** The shows' player events. */
    public Dataset<Row> playerEvents(SparkSession spark) {
        return playerEvents.dataset(spark);
    }

    /** Every order row of a line that carries one of the shows (a cancel or return row need not carry it). */
    public Dataset<Row> showOrders(SparkSession spark) {
        return ofShowLines(orders.dataset(spark));
    }

    /** The rows of {@code orders} whose line (order, line number) has a row that carries one of the shows. */
    private Dataset<Row> ofShowLines(Dataset<Row> orders) {
        Dataset<Row> lines = orders.filter(inScope()).select("order_id", "line_no").distinct();
        return orders.join(lines, new String[] {"order_id", "line_no"}, "left_semi");
    }

    /** Per show, the latest {@code ts} of its viewer events held: the show's data through. */
    public Map<String, Instant> latestViewerEvent() {
        Map<String, Instant> through = new HashMap<>();
        int show = VIEWER_COLUMNS.indexOf("show_id");
        int ts = VIEWER_COLUMNS.indexOf("ts");
        for (Row r : viewerEvents.rows) {
            Instant t = r.getTimestamp(ts).toInstant();
            through.merge(r.getString(show), t, (a, b) -> a.isAfter(b) ? a : b);
        }
        return through;
    }

    /** Rows held, for the loop's log and the tests. */
    public long size() {
        return viewerEvents.rows.size() + chatEvents.rows.size() + playerEvents.rows.size() + orders.rows.size();
    }

    private Column inScope() {
        return col("show_id").isin(showIds.toArray());
    }

    /** The table at its current version, which {@code t} then holds rows up to. */
    private static Dataset<Row> readPinned(SparkSession spark, Lake lake, Table t) {
        String path = lake.bronze(t.entity);
        t.version = Lake.version(spark, path);
        if (t.version < 0) {
            throw new IllegalStateException("bronze/" + t.entity + " does not exist yet at " + path
                    + "; the live loop's first ingest run creates it");
        }
        return pinned(spark, path, t.version);
    }

    private static Dataset<Row> pinned(SparkSession spark, String path, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path);
    }
}
