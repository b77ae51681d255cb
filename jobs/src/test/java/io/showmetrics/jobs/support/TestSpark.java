package io.showmetrics.jobs.support;

import org.apache.spark.sql.SparkSession;

public final class TestSpark {
    private TestSpark() {}

    public static synchronized SparkSession get() {
        return SparkSession.builder().master("local[2]").appName("showmetrics-jobs-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.databricks.delta.snapshotPartitions", "1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .getOrCreate();
    }
}
