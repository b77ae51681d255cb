package io.showmetrics.ingest.spark;

import io.showmetrics.ingest.read.RawRecord;
import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.read.LandingRecordReader;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads one landing file on an executor through the Hadoop {@link FileSystem} (so {@code s3a://}
 * and friends work), decompressing by file suffix, and yields its records with line numbers.
 */
public final class ReadLandingFile implements FlatMapFunction<LandingFile, RawRecord> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<? extends Map<String, String>> hadoopConf;

  /** @param hadoopConf the driver's Hadoop configuration as a plain map */
  public ReadLandingFile(Broadcast<? extends Map<String, String>> hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  @Override
  public Iterator<RawRecord> call(LandingFile file) {
    Configuration conf = new Configuration(false);
    hadoopConf.value().forEach(conf::set);
    LandingRecordReader reader = new LandingRecordReader(file, () -> open(conf, file.getPath()));
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> reader.close());
    }
    return reader;
  }

  static InputStream open(Configuration conf, String file) throws java.io.IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    InputStream in = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    return codec == null ? in : codec.createInputStream(in);
  }
}
