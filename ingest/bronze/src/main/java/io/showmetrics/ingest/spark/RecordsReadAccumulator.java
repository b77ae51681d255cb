package io.showmetrics.ingest.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Records read per landing file, reported by the reader when it has read a file to its end. A file
 * is read whole by one task, so its count is a value, not a sum: a task that reads the file again
 * (a retry or a recomputation) reports the same number and replaces it, never doubles it.
 */
public final class RecordsReadAccumulator extends AccumulatorV2<Map.Entry<String, Long>, Map<String, Long>> {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, Long> counts = new HashMap<>();

  @Override
  public boolean isZero() {
    synchronized (counts) {
      return counts.isEmpty();
    }
  }

  @Override
  public RecordsReadAccumulator copy() {
    RecordsReadAccumulator copy = new RecordsReadAccumulator();
    synchronized (counts) {
      copy.counts.putAll(counts);
    }
    return copy;
  }

  @Override
  public void reset() {
    synchronized (counts) {
      counts.clear();
    }
  }

  @Override
  public void add(Map.Entry<String, Long> fileAndCount) {
    synchronized (counts) {
      counts.put(fileAndCount.getKey(), fileAndCount.getValue());
    }
  }

  @Override
  public void merge(AccumulatorV2<Map.Entry<String, Long>, Map<String, Long>> other) {
    Map<String, Long> theirs = other.value();
    synchronized (counts) {
      counts.putAll(theirs);
    }
  }

  /** A copy: file path to the number of records its reader yielded. */
  @Override
  public Map<String, Long> value() {
    synchronized (counts) {
      return new HashMap<>(counts);
    }
  }
}
