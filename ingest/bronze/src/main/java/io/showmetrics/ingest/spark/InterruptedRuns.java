package io.showmetrics.ingest.spark;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.showmetrics.ingest.validate.EntitySchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back the appends of ingest runs that died before writing their {@code _ingest_log} rows.
 *
 * <p>A run appends to the entity tables, then to {@code quarantine}, then to {@code _ingest_log}. A run killed in
 * between leaves rows in some tables but no log, so the next run loads its files again; without this, it would
 * count the dead run's records as duplicates of themselves. Every append names its run in the Delta commit's
 * {@code userMetadata} ({@link BronzeTables#append}), so finding such runs reads only the newest commits of each
 * table: walking back from the latest commit, an append of a run that has no ingest log rows belongs to a dead run;
 * the walk stops at the first append of a run that finished (everything older was checked by the run that made
 * it), or at a commit that names no run (table creation, or a lake written before appends named their run). The
 * dead runs' rows are then deleted ({@code DELETE WHERE _run_id IN (...)}, one commit per table that names the
 * runs it rolled back), before the new run classifies anything.
 *
 * <p>A run marks its ingest as begun ({@link #begin}) and clears the mark once its ingest log is committed
 * ({@link #finish}); the history is read only when a mark is left over, so a lake whose runs all finished pays
 * one directory listing.
 *
 * <p>Runs are assumed not to overlap on one lake (the command line runs one pipeline at a time).
 */
public final class InterruptedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);
    static final String APPEND_TAG = "showmetrics-run:";
    static final String ROLLBACK_TAG = "showmetrics-rollback:";
    /** One empty file per run whose ingest began and has not finished: {@code bronze/_runs_in_progress/<run>}. */
    public static final String IN_PROGRESS = "_runs_in_progress";
    /** Commits read per table at first; enough unless many crashes in a row left nothing in between. */
    private static final int FIRST_LOOK = 16;
    /** Commits that change no rows and name no run: the walk goes past them. */
    private static final Set<String> MAINTENANCE = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END",
            "SET TBLPROPERTIES", "UNSET TBLPROPERTIES", "FSCK");

    private InterruptedRuns() {}

    /** The {@code userMetadata} of every bronze append of the ingest run {@code runId} ({@link BronzeTables#append}). */
    public static String appendTag(String runId) {
        return APPEND_TAG + runId;
    }

    /**
     * Deletes the rows that runs without an ingest log appended to the entity tables and the quarantine.
     *
     * @return per table, the dead runs whose rows were deleted there (empty when no run died)
     */
    public static Map<String, Set<String>> rollBack(BronzeTables tables, List<EntitySchema> entities) {
        List<Path> markers = markers(tables);
        if (markers.isEmpty()) {
            // Every run that began an ingest also finished it: no Delta history to read.
            return Map.of();
        }
        Map<String, Set<String>> dead = rollBackUnfinished(tables, entities);
        for (Path marker : markers) {
            delete(tables, marker);
        }
        return dead;
    }

    /**
     * Marks {@code runId}'s ingest as begun, before its first append: the mark stays if the run dies, and only
     * then does the next run read the tables' recent commits ({@link #rollBack}).
     */
    public static void begin(BronzeTables tables, String runId) {
        Path marker = new Path(tables.path(IN_PROGRESS), runId);
        try {
            marker.getFileSystem(hadoopConf(tables)).create(marker, true).close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker + ": " + e.getMessage()
                    + "; check that the lake path is writable", e);
        }
    }

    /** Clears the mark of {@link #begin} once the run's ingest log is committed. */
    public static void finish(BronzeTables tables, String runId) {
        delete(tables, new Path(tables.path(IN_PROGRESS), runId));
    }

    private static List<Path> markers(BronzeTables tables) {
        Path dir = new Path(tables.path(IN_PROGRESS));
        try {
            FileSystem fs = dir.getFileSystem(hadoopConf(tables));
            if (!fs.exists(dir)) {
                return List.of();
            }
            List<Path> found = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                found.add(status.getPath());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage()
                    + "; check that the lake path is reachable", e);
        }
    }

    private static void delete(BronzeTables tables, Path marker) {
        try {
            marker.getFileSystem(hadoopConf(tables)).delete(marker, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + marker + ": " + e.getMessage()
                    + "; check that the lake path is writable", e);
        }
    }

    private static org.apache.hadoop.conf.Configuration hadoopConf(BronzeTables tables) {
        return tables.spark().sparkContext().hadoopConfiguration();
    }

    private static Map<String, Set<String>> rollBackUnfinished(BronzeTables tables, List<EntitySchema> entities) {
        SparkSession spark = tables.spark();
        Map<String, String> runColumn = new LinkedHashMap<>();
        for (EntitySchema entity : entities) {
            runColumn.put(entity.name(), BronzeSchemas.RUN_ID);
        }
        runColumn.put(BronzeSchemas.QUARANTINE, "run_id");

        Set<String> finished = tables.exists(BronzeSchemas.INGEST_LOG)
                ? recentTags(spark, tables.path(BronzeSchemas.INGEST_LOG)) : new HashSet<>();
        Map<String, Set<String>> dead = new LinkedHashMap<>();
        for (String table : runColumn.keySet()) {
            if (!tables.exists(table)) {
                continue;
            }
            Set<String> runs = unfinishedAppends(spark, tables, table, finished);
            if (!runs.isEmpty()) {
                dead.put(table, runs);
            }
        }
        for (Map.Entry<String, Set<String>> e : dead.entrySet()) {
            String table = e.getKey();
            Set<String> runs = e.getValue();
            tables.withCommitMetadata(ROLLBACK_TAG + String.join(",", runs), () ->
                    DeltaTable.forPath(spark, tables.path(table)).delete(col(runColumn.get(table)).isin(runs.toArray())));
            LOG.warn("Rolled back the rows of {} in bronze/{}: the run stopped before writing its ingest log, so its "
                    + "files are loaded again now", String.join(", ", runs), table);
        }
        return dead;
    }

    /**
     * Runs whose appends to {@code table} are newer than its newest append of a finished run, and that have no
     * ingest log rows and were not rolled back yet.
     *
     * @param finished runs known to have written their ingest log (grows as the log is looked up)
     */
    private static Set<String> unfinishedAppends(SparkSession spark, BronzeTables tables, String table,
            Set<String> finished) {
        String path = tables.path(table);
        int limit = FIRST_LOOK;
        while (true) {
            List<Row> commits = DeltaTable.forPath(spark, path).history(limit)
                    .select("version", "operation", "userMetadata").orderBy(col("version").desc()).collectAsList();
            Set<String> rolledBack = new HashSet<>();
            Set<String> candidates = new LinkedHashSet<>();
            boolean stopped = false;
            for (Row commit : commits) {
                String operation = commit.getString(1);
                String tag = commit.isNullAt(2) ? "" : commit.getString(2);
                if (tag.startsWith(ROLLBACK_TAG)) {
                    rolledBack.addAll(List.of(tag.substring(ROLLBACK_TAG.length()).split(",")));
                } else if (tag.startsWith(APPEND_TAG)) {
                    String run = tag.substring(APPEND_TAG.length());
                    if (rolledBack.contains(run)) {
                        continue;
                    }
                    if (finished.contains(run) || hasIngestLog(spark, tables, run)) {
                        finished.add(run);
                        stopped = true;
                        break;
                    }
                    candidates.add(run);
                } else if (!MAINTENANCE.contains(operation)) {
                    stopped = true;
                    break;
                }
            }
            if (stopped || commits.size() < limit) {
                return candidates;
            }
            limit *= 8;
        }
    }

    /** The runs named by the newest commits of the ingest log: runs that finished. */
    private static Set<String> recentTags(SparkSession spark, String ingestLog) {
        Set<String> runs = new HashSet<>();
        for (Row r : DeltaTable.forPath(spark, ingestLog).history(FIRST_LOOK).select("userMetadata").collectAsList()) {
            if (!r.isNullAt(0) && r.getString(0).startsWith(APPEND_TAG)) {
                runs.add(r.getString(0).substring(APPEND_TAG.length()));
            }
        }
        return runs;
    }

    private static boolean hasIngestLog(SparkSession spark, BronzeTables tables, String run) {
        if (!tables.exists(BronzeSchemas.INGEST_LOG)) {
            return false;
        }
        List<String> found = tables.read(BronzeSchemas.INGEST_LOG).filter(col("run_id").equalTo(run))
                .select("run_id").limit(1).as(Encoders.STRING()).collectAsList();
        return !found.isEmpty();
    }

    /** For tests and logs: every run named by an append commit of the table, newest first. */
    static List<String> appendTags(SparkSession spark, String path) {
        List<String> runs = new ArrayList<>();
        for (Row r : DeltaTable.forPath(spark, path).history().orderBy(col("version").desc()).select("userMetadata")
                .collectAsList()) {
            if (!r.isNullAt(0) && r.getString(0).startsWith(APPEND_TAG)) {
                runs.add(r.getString(0).substring(APPEND_TAG.length()));
            }
        }
        return runs;
    }
}
