package io.showmetrics.jobs.lake;

import io.delta.tables.DeltaTable;
import io.showmetrics.runtime.DeltaVersions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where each table of the lake lives: {@code <lake>/bronze/<entity>}, {@code <lake>/silver/<name>},
 * {@code <lake>/gold/<name>}. The lake is any Hadoop-compatible URI (a local folder, {@code s3a://}, ...).
 */
public record Lake(String root) {
    public Lake {
        while (root.endsWith("/") && root.length() > 1) {
            root = root.substring(0, root.length() - 1);
        }
    }

    public String bronze(String entity) {
        return root + "/bronze/" + entity;
    }

    public String silver(String name) {
        return root + "/silver/" + name;
    }

    public String gold(String name) {
        return root + "/gold/" + name;
    }

    public String ingestLog() {
        return bronze("_ingest_log");
    }

    public String quarantine() {
        return bronze("quarantine");
    }

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    public static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().format("delta").load(path);
    }

    /** The table's current Delta version, or -1 when it does not exist yet (read from its log, no Spark job). */
    public static long version(SparkSession spark, String path) {
        return DeltaVersions.current(spark, path);
    }
}
