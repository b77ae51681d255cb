package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * SPEC's update rule for bronze rows: of several rows with the same key, the file loaded last wins
 * (later ingest run, then later file of the run, then later line).
 */
final class LoadOrder {
    private LoadOrder() {}

    /** The latest-loaded row per key; the metadata columns stay. */
    static Dataset<Row> latest(Dataset<Row> rows, String... keys) {
        Column[] partition = new Column[keys.length];
        for (int i = 0; i < keys.length; i++) {
            partition[i] = col(keys[i]);
        }
        return rows.withColumn("_rank", row_number().over(Window.partitionBy(partition)
                        .orderBy(col("_run_id").desc(), col("_file_order").desc(), col("_line").desc())))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
    }
}
