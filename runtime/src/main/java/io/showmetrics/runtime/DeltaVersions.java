package io.showmetrics.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * A Delta table's version and the metadata of one commit, read from its log without a Spark job ({@code
 * DeltaTable.history} runs one per call, about a third of a second here, which a live cycle paid for every table).
 */
public final class DeltaVersions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaVersions() {}

    /** The table's latest version (its log listed again now), or -1 when {@code path} holds no Delta table. */
    public static long current(SparkSession spark, String path) {
        return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
    }

    /**
     * The {@code userMetadata} of the commit that made {@code version} (the {@code commitInfo} action of its log file,
     * Delta protocol), or null when the commit has none.
     */
    public static String userMetadata(SparkSession spark, String path, long version) {
        Path commit = new Path(new Path(path, "_delta_log"), String.format("%020d.json", version));
        try {
            FileSystem fs = commit.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode info = JSON.readTree(line).get("commitInfo");
                    if (info != null) {
                        JsonNode metadata = info.get("userMetadata");
                        return metadata == null || metadata.isNull() ? null : metadata.asText();
                    }
                }
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Delta commit " + commit + ": " + e.getMessage(), e);
        }
    }
}
