package io.showmetrics.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.showmetrics.ingest.validate.CsvRecords.CsvFormatException;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  @Test
  void splitsPlainAndQuotedCells() throws CsvFormatException {
    assertThat(CsvRecords.parse("a,\"b,c\",,\"d \"\"e\"\"\"")).containsExactly("a", "b,c", "", "d \"e\"");
  }

  @Test
  void keepsLineBreaksInsideQuotes() throws CsvFormatException {
    assertThat(CsvRecords.parse("a,\"one\ntwo\"")).containsExactly("a", "one\ntwo");
  }

  @Test
  void trailingCommaMeansAnEmptyLastCell() throws CsvFormatException {
    assertThat(CsvRecords.parse("a,")).containsExactly("a", "");
  }

  @Test
  void quoteInsideAnUnquotedCellIsAnError() {
    assertThatThrownBy(() -> CsvRecords.parse("a,b\"c")).isInstanceOf(CsvFormatException.class).hasMessageContaining("column 4");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> CsvRecords.parse("\"a\"b,c")).isInstanceOf(CsvFormatException.class);
  }

  @Test
  void onlyAnOpenQuotedCellContinuesOnTheNextLine() {
    assertThat(CsvRecords.continuesOnNextLine("a,\"one")).isTrue();
    assertThat(CsvRecords.continuesOnNextLine("a,b\"c")).isFalse();
    assertThat(CsvRecords.continuesOnNextLine("a,\"b\"")).isFalse();
  }
}
