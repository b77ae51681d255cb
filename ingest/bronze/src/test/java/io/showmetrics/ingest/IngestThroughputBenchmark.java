package io.showmetrics.ingest;

import io.showmetrics.runtime.SparkSessions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of one ingest run on a generated viewer_events file (not part of {@code mvn verify};
 * run by hand, see the module README).
 *
 * <p>Arguments: scratch folder, number of lines (default 1,000,000), number of files (default 1),
 * master (default local[2]).
 */
public final class IngestThroughputBenchmark {

  private IngestThroughputBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path scratch = Path.of(args[0]);
    long lines = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int files = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String master = args.length > 3 ? args[3] : "local[2]";
    Path landing = scratch.resolve("landing");
    Path lake = scratch.resolve("lake");
    long bytes = generate(landing.resolve("viewer_events"), lines, files);

    SparkSession spark = SparkSessions.local(master, 2);
    Instant started = Instant.parse("2026-03-05T00:00:00Z");
    long t0 = System.nanoTime();
    long[] entityStart = new long[1];
    IngestReport report = IngestJob.run(spark, new IngestOptions(landing.toString(), lake.toString(), "bench-1", started, "EUR"),
        new IngestListener() {
          @Override
          public void entityStarted(String entity, int files) {
            if (files > 0) {
              entityStart[0] = System.nanoTime();
              System.out.printf(Locale.ROOT, "setup (tables, listing): %.1f s%n", (entityStart[0] - t0) / 1e9);
            }
          }

          @Override
          public void entityFinished(String entity, List<FileReport> reports) {
            if (!reports.isEmpty()) {
              System.out.printf(Locale.ROOT, "%s: %.1f s%n", entity, (System.nanoTime() - entityStart[0]) / 1e9);
            }
          }
        });
    double seconds = (System.nanoTime() - t0) / 1e9;
    IngestReport.Totals t = report.totals();
    System.out.printf(Locale.ROOT, "ingested %d records (%d accepted, %d quarantined, %d duplicates) from %d file(s), %.1f MB, in %.1f s:"
            + " %.0f records/s, %.1f MB/s%n", t.read(), t.accepted(), t.quarantined(), t.duplicates(), t.files(),
        bytes / 1e6, seconds, t.read() / seconds, bytes / 1e6 / seconds);
    spark.stop();
  }

  /** Viewer events over 200 shows and 50,000 viewers; one line in 1,000 is broken on purpose. */
  static long generate(Path folder, long lines, int files) throws IOException {
    Files.createDirectories(folder);
    String[] types = {"join", "heartbeat", "heartbeat", "heartbeat", "leave"};
    String[] channels = {"web", "app", "instagram", "tiktok", "youtube", "facebook"};
    long base = Instant.parse("2026-03-01T18:00:00Z").getEpochSecond();
    long written = 0;
    long perFile = (lines + files - 1) / files;
    long i = 0;
    for (int f = 0; f < files; f++) {
      Path file = folder.resolve(String.format(Locale.ROOT, "dt=2026-03-01/part-%04d.jsonl", f));
      Files.createDirectories(file.getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (long n = 0; n < perFile && i < lines; n++, i++) {
          String line = i % 1000 == 999
              ? "{\"event_id\":\"ev" + i + "\",\"show_id\":\"s1\",\"ts\":\"not a time\"}"
              : String.format(Locale.ROOT,
                  "{\"event_id\":\"ev%d\",\"show_id\":\"s%d\",\"viewer_id\":\"v%d\",\"type\":\"%s\",\"ts\":\"%s\","
                      + "\"customer_id\":\"c%d\",\"channel\":\"%s\",\"device\":\"ios\",\"replay\":false}",
                  i, i % 200, i % 50_000, types[(int) (i % types.length)], Instant.ofEpochSecond(base + i % 86_400),
                  i % 50_000, channels[(int) (i % channels.length)]);
          out.write(line);
          out.write('\n');
        }
      }
      written += Files.size(file);
    }
    return written;
  }
}
