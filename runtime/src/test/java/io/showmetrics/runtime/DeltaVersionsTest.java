package io.showmetrics.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaVersionsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheVersionAndEachCommitsMetadataFromTheLog() {
        SparkSession spark = TestSparkSession.get();
        String path = dir.resolve("t").toString();
        assertThat(DeltaVersions.current(spark, path)).isEqualTo(-1);

        spark.range(3).write().format("delta").option("userMetadata", "first").save(path);
        spark.range(2).write().format("delta").mode("append").save(path);
        spark.range(1).write().format("delta").mode("append").option("userMetadata", "third").save(path);

        assertThat(DeltaVersions.current(spark, path)).isEqualTo(2);
        assertThat(DeltaVersions.userMetadata(spark, path, 0)).isEqualTo("first");
        assertThat(DeltaVersions.userMetadata(spark, path, 1)).isNull();
        assertThat(DeltaVersions.userMetadata(spark, path, 2)).isEqualTo("third");
    }
}
