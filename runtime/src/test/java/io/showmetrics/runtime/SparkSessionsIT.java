package io.showmetrics.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsIT {

  @Test
  void testSessionHasDeltaUtcAndTwoShufflePartitions() {
    SparkSession spark = TestSparkSession.get();
    assertThat(spark.conf().get("spark.sql.extensions")).isEqualTo("io.delta.sql.DeltaSparkSessionExtension");
    assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    assertThat(TestSparkSession.get()).isSameAs(spark);
  }

  @Test
  void localReusesTheActiveSession() {
    SparkSession spark = TestSparkSession.get();
    assertThat(SparkSessions.local("local[1]", 7)).isSameAs(spark);
  }
}
