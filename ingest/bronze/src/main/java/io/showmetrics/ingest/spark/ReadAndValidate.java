package io.showmetrics.ingest.spark;

import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.read.RawRecord;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * {@link ReadLandingFile} then {@link ValidateRecord} in one pass over a bin of files (several
 * small files share one task), so records go from text to staging rows without being encoded into
 * a Dataset in between (measured: the separate bean round trip cost about a third of the
 * read-and-validate stage). When a file has been read to its end, its number of records goes to a
 * {@link RecordsReadAccumulator}: the reconciliation's "read", counted apart from classification.
 */
public final class ReadAndValidate implements FlatMapFunction<List<LandingFile>, Row> {
  private static final long serialVersionUID = 1L;

  private final ReadLandingFile read;
  private final ValidateRecord validate;
  private final RecordsReadAccumulator recordsRead;

  public ReadAndValidate(Broadcast<HashMap<String, String>> hadoopConf, String entity, Instant runStartedAt,
      RecordsReadAccumulator recordsRead) {
    this.read = new ReadLandingFile(hadoopConf);
    this.validate = new ValidateRecord(entity, runStartedAt);
    this.recordsRead = recordsRead;
  }

  @Override
  public Iterator<Row> call(List<LandingFile> bin) {
    Iterator<LandingFile> files = bin.iterator();
    return new Iterator<>() {
      private LandingFile file;
      private Iterator<RawRecord> records;
      private long count;

      @Override
      public boolean hasNext() {
        while (records == null || !records.hasNext()) {
          if (records != null) {
            recordsRead.add(new AbstractMap.SimpleImmutableEntry<>(file.getPath(), count));
            records = null;
          }
          if (!files.hasNext()) {
            return false;
          }
          file = files.next();
          records = read.call(file);
          count = 0;
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more records in this bin of landing files");
        }
        count++;
        try {
          return validate.call(records.next());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("Internal error: could not encode a validated record of " + file.getPath(), e);
        }
      }
    };
  }
}
