package io.showmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  final IngestReport report = new IngestReport("r1", List.of(
      new FileReport("orders", "file:/l/orders/a.csv", 10, 6, 3, 1),
      new FileReport("orders", "file:/l/orders/b.csv", 5, 5, 0, 0),
      new FileReport("shows", "file:/l/shows/b.jsonl", 2, 2, 0, 0)),
      List.of("orders", "shows"), Map.of("bad_type", 3L), 4);

  @Test
  void totalsSumEveryFile() {
    assertThat(report.totals()).isEqualTo(new IngestReport.Totals(3, 17, 13, 3, 1));
  }

  @Test
  void reconciliationTableHasOneLinePerFileAndATotal() {
    String table = report.reconciliationTable();
    assertThat(table.lines()).hasSize(5);
    assertThat(table.lines().toList().get(1)).contains("orders file:/l/orders/a.csv").contains("10").contains("6");
    assertThat(table.lines().toList().get(4)).startsWith("total (3 files, 4 already loaded)");
  }

  @Test
  void entitySummaryHasOneLinePerEntityAndTheSameTotal() {
    assertThat(report.byEntity()).containsExactly(
        new IngestReport.EntityTotals("orders", 2, 15, 11, 3, 1),
        new IngestReport.EntityTotals("shows", 1, 2, 2, 0, 0));
    List<String> lines = report.entitySummaryTable().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split(" +")).containsExactly("entity", "files", "read", "accepted", "quarantined", "duplicates");
    assertThat(lines.get(1).split(" +")).containsExactly("orders", "2", "15", "11", "3", "1");
    assertThat(lines.get(2).split(" +")).containsExactly("shows", "1", "2", "2", "0", "0");
    assertThat(lines.get(3)).startsWith("total (3 files, 4 already loaded)").endsWith(" 17           13            3            1");
    assertThat(report.entitySummaryTable()).doesNotContain("a.csv");
  }

  @Test
  void printsTheEntitySummaryOrEveryFile() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    report.printReconciliation(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), false);
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(report.entitySummaryTable());
    bytes.reset();
    report.printReconciliation(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), true);
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(report.reconciliationTable());
  }
}
