package io.showmetrics.dashboard.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * RFC 4180 CSV for the "Download CSV" links: a header row, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break. A NULL value is an empty cell (the pages show it as "–"); timestamps are
 * ISO-8601 UTC; ratios stay ratios (0.25, not 25%). Text cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, or with a TAB or CR as OWASP lists) are prefixed with an apostrophe.
 *
 * <p>A download ({@link #download}) starts with the UTF-8 byte-order mark {@link #BOM}: without it Excel reads a
 * CSV file in the machine's ANSI code page, so "Café Live" or "€" come out garbled; with it Excel, LibreOffice and
 * Numbers all read UTF-8. Readers that do not expect it (Python's {@code csv} with {@code encoding="utf-8-sig"},
 * pandas, R's readr, the goals import) skip it.
 */
public final class Csv {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The UTF-8 byte-order mark (bytes EF BB BF) every download starts with, so that Excel reads it as UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** One column: its header and how to read its value from a row. */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    public static <T> Column<T> column(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }

    /** The whole document for {@code rows}. */
    public static <T> String write(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        appendRow(out, columns.stream().map(c -> (Object) c.header()).toList());
        for (T row : rows) {
            appendRow(out, columns.stream().map(c -> c.value().apply(row)).toList());
        }
        return out.toString();
    }

    /** A download response named {@code fileName}: the byte-order mark, then the document ({@link #write}). */
    public static <T> ResponseEntity<String> download(String fileName, List<Column<T>> columns, List<T> rows) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(BOM + write(columns, rows));
    }

    private static void appendRow(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof Double d) {
            text = d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } else if (value instanceof BigDecimal b) {
            text = b.stripTrailingZeros().toPlainString();
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Instant) {
            text = value.toString();
        } else {
            text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
