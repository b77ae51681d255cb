package io.showmetrics.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {
    @Test
    void settingsHoldInsideTheBodyAndAreRestoredOrUnsetAfterItEvenWhenItFails() {
        SparkSession spark = TestSparkSession.get();
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        spark.conf().unset("spark.sql.codegen.factoryMode");
        String mode = spark.conf().get("spark.sql.codegen.factoryMode");

        long rows = SparkSessions.withSettings(spark, SparkSessions.SMALL_QUERIES, () -> {
            assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("1");
            assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
            // Interpreted expressions and sort-merge joins give the same answer.
            return spark.range(100).join(spark.range(50, 150), "id").selectExpr("id * 2 AS x").filter("x % 3 = 0")
                    .count();
        });
        assertThat(rows).isEqualTo(17);
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
        assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo(mode).isNotEqualTo("NO_CODEGEN");

        assertThatThrownBy(() -> SparkSessions.withSettings(spark, Map.of("spark.sql.shuffle.partitions", "5"), () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    }
}
