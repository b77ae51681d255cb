package io.showmetrics.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one ingest run.
 *
 * @param runId the run
 * @param files one report per file loaded in this run, by entity then path
 * @param entitiesWithNewRecords entities whose bronze table received at least one record
 * @param quarantinedByReason quarantined records of this run per reason code
 * @param filesSkipped landing files already loaded by an earlier run (same path, size, mtime)
 */
public record IngestReport(String runId, List<FileReport> files, List<String> entitiesWithNewRecords,
    Map<String, Long> quarantinedByReason, int filesSkipped) {

  public IngestReport {
    files = List.copyOf(files);
    entitiesWithNewRecords = List.copyOf(entitiesWithNewRecords);
    quarantinedByReason = Map.copyOf(quarantinedByReason);
  }

  /** Sums over all files of the run. */
  public record Totals(int files, long read, long accepted, long quarantined, long duplicates) {}

  public Totals totals() {
    long read = 0;
    long accepted = 0;
    long quarantined = 0;
    long duplicates = 0;
    for (FileReport f : files) {
      read += f.read();
      accepted += f.accepted();
      quarantined += f.quarantined();
      duplicates += f.duplicates();
    }
    return new Totals(files.size(), read, accepted, quarantined, duplicates);
  }

  /** The per-file reconciliation table as plain text, one line per file and a total line. */
  public String reconciliationTable() {
    int width = "file".length();
    for (FileReport f : files) {
      width = Math.max(width, f.entity().length() + 1 + f.file().length());
    }
    String format = "%-" + width + "s %12s %12s %12s %12s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "file", "read", "accepted", "quarantined", "duplicates"));
    for (FileReport f : files) {
      out.append(String.format(format, f.entity() + " " + f.file(), f.read(), f.accepted(), f.quarantined(), f.duplicates()));
    }
    Totals t = totals();
    out.append(String.format(format, "total (" + t.files() + " files, " + filesSkipped + " already loaded)",
        t.read(), t.accepted(), t.quarantined(), t.duplicates()));
    return out.toString();
  }

  public void printReconciliation(PrintStream out) {
    out.print(reconciliationTable());
  }
}
