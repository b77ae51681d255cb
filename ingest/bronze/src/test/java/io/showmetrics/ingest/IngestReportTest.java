package io.showmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {

  final IngestReport report = new IngestReport("r1", List.of(
      new FileReport("orders", "file:/l/orders/a.csv", 10, 6, 3, 1),
      new FileReport("shows", "file:/l/shows/b.jsonl", 2, 2, 0, 0)),
      List.of("orders", "shows"), Map.of("bad_type", 3L), 4);

  @Test
  void totalsSumEveryFile() {
    assertThat(report.totals()).isEqualTo(new IngestReport.Totals(2, 12, 8, 3, 1));
  }

  @Test
  void reconciliationTableHasOneLinePerFileAndATotal() {
    String table = report.reconciliationTable();
    assertThat(table.lines()).hasSize(4);
    assertThat(table.lines().toList().get(1)).contains("orders file:/l/orders/a.csv").contains("10").contains("6");
    assertThat(table.lines().toList().get(3)).startsWith("total (2 files, 4 already loaded)");
  }
}
