package io.showmetrics.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** Sums over the files of one entity in this run. */
  public record EntityTotals(String entity, int files, long read, long accepted, long quarantined, long duplicates) {}

  /** One line per entity that had files in this run, in processing order (the order of {@link #files()}). */
  public List<EntityTotals> byEntity() {
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (FileReport f : files) {
      long[] s = sums.computeIfAbsent(f.entity(), e -> new long[5]);
      s[0]++;
      s[1] += f.read();
      s[2] += f.accepted();
      s[3] += f.quarantined();
      s[4] += f.duplicates();
    }
    List<EntityTotals> out = new ArrayList<>();
    sums.forEach((entity, s) -> out.add(new EntityTotals(entity, (int) s[0], s[1], s[2], s[3], s[4])));
    return out;
  }

  /**
   * The reconciliation per entity as plain text: one line per entity with files in this run (files, read,
   * accepted, quarantined, duplicates) and a total line. The per-file lines are {@link #reconciliationTable()}.
   */
  public String entitySummaryTable() {
    Totals t = totals();
    String total = "total (" + t.files() + " files, " + filesSkipped + " already loaded)";
    int width = Math.max("entity".length(), total.length());
    for (FileReport f : files) {
      width = Math.max(width, f.entity().length());
    }
    String format = "%-" + width + "s %7s %12s %12s %12s %12s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "entity", "files", "read", "accepted", "quarantined", "duplicates"));
    for (EntityTotals e : byEntity()) {
      out.append(String.format(format, e.entity(), e.files(), e.read(), e.accepted(), e.quarantined(), e.duplicates()));
    }
    out.append(String.format(format, total, "", t.read(), t.accepted(), t.quarantined(), t.duplicates()));
    return out.toString();
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

  /** Prints {@link #entitySummaryTable()}, or {@link #reconciliationTable()} (one line per file) when {@code perFile}. */
  public void printReconciliation(PrintStream out, boolean perFile) {
    out.print(perFile ? reconciliationTable() : entitySummaryTable());
  }
}
