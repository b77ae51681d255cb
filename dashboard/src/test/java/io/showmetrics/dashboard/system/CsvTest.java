package io.showmetrics.dashboard.system;

import static io.showmetrics.dashboard.system.Csv.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Nested
    class Cells {
        @Test
        void nullIsAnEmptyCell() {
            assertThat(Csv.cell(null)).isEmpty();
        }

        @Test
        void nonFiniteDoubleIsAnEmptyCellNeverNaN() {
            assertThat(Csv.cell(Double.NaN)).isEmpty();
            assertThat(Csv.cell(Double.POSITIVE_INFINITY)).isEmpty();
        }

        @Test
        void numbersArePlainWithoutExponentOrTrailingZeros() {
            assertThat(Csv.cell(0.25)).isEqualTo("0.25");
            assertThat(Csv.cell(1.0E7)).isEqualTo("10000000");
            assertThat(Csv.cell(new BigDecimal("79.9000"))).isEqualTo("79.9");
            assertThat(Csv.cell(-3L)).isEqualTo("-3");
        }

        @Test
        void instantsAreIsoUtc() {
            assertThat(Csv.cell(Instant.parse("2026-03-01T19:00:00Z"))).isEqualTo("2026-03-01T19:00:00Z");
        }

        @Test
        void textWithCommaQuoteOrNewlineIsQuoted() {
            assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
            assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        }

        @Test
        void textThatASpreadsheetWouldRunAsFormulaIsNeutralised() {
            assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
            assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
            assertThat(Csv.cell("-x")).isEqualTo("'-x");
        }

        @Test
        void textStartingWithTabOrCarriageReturnIsNeutralisedToo() {
            // OWASP CSV injection: a leading TAB or CR can hide a formula from a naive check.
            assertThat(Csv.cell("\t=1+1")).isEqualTo("'\t=1+1");
            assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
            assertThat(Csv.cell("a\tb")).isEqualTo("a\tb");
        }
    }

    @Test
    void documentHasAHeaderAndCrlfLineEnds() {
        record Point(String name, Long value) {
        }
        String csv = Csv.write(List.of(column("name", Point::name), column("value", Point::value)),
                List.of(new Point("a", 1L), new Point("b", null)));

        assertThat(csv).isEqualTo("name,value\r\na,1\r\nb,\r\n");
    }

    @Nested
    class Downloads {
        record Point(String name, Long value) {
        }

        private final List<Csv.Column<Point>> columns = List.of(column("name", Point::name), column("value", Point::value));

        @Test
        void startWithTheUtf8ByteOrderMarkSoThatExcelReadsUtf8() {
            var response = Csv.download("points.csv", columns, List.of(new Point("Café €", 1L)));

            byte[] bytes = response.getBody().getBytes(Csv.TEXT_CSV.getCharset());
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(response.getBody()).isEqualTo("\uFEFFname,value\r\nCafé €,1\r\n");
            assertThat(response.getHeaders().getContentType()).isEqualTo(Csv.TEXT_CSV);
        }

        @Test
        void anEmptyTableIsTheMarkAndTheHeader() {
            assertThat(Csv.download("points.csv", columns, List.of()).getBody()).isEqualTo("\uFEFFname,value\r\n");
        }

        @Test
        void areAttachmentsWithTheirFileName() {
            assertThat(Csv.download("points.csv", columns, List.of()).getHeaders().getContentDisposition().getFilename())
                    .isEqualTo("points.csv");
        }
    }
}
