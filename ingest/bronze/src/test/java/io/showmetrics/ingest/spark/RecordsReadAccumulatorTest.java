package io.showmetrics.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file read again (task retry, recomputed cache) reports the same count: it replaces, never adds. */
class RecordsReadAccumulatorTest {

  @Test
  void aFileReadTwiceKeepsItsCountAndOtherFilesAreKept() {
    RecordsReadAccumulator driver = new RecordsReadAccumulator();
    RecordsReadAccumulator task1 = driver.copy();
    task1.add(Map.entry("a", 3L));
    task1.add(Map.entry("b", 0L));
    RecordsReadAccumulator retry = driver.copy();
    retry.add(Map.entry("a", 3L));
    driver.merge(task1);
    driver.merge(retry);
    assertThat(driver.value()).containsOnly(Map.entry("a", 3L), Map.entry("b", 0L));
    assertThat(driver.isZero()).isFalse();
    driver.reset();
    assertThat(driver.isZero()).isTrue();
  }
}
