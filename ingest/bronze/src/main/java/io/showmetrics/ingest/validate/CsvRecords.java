package io.showmetrics.ingest.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV with a comma separator: cells may be quoted with {@code "}, a quote inside a quoted
 * cell is doubled, a quoted cell may span lines. A quote inside an unquoted cell, text after a
 * closing quote and a quote that is never closed are errors.
 */
public final class CsvRecords {

  private CsvRecords() {}

  /** A CSV syntax error; the message says what and at which column (1-based character). */
  public static final class CsvFormatException extends Exception {
    private final boolean unclosedQuote;

    CsvFormatException(String message, boolean unclosedQuote) {
      super(message);
      this.unclosedQuote = unclosedQuote;
    }

    public boolean unclosedQuote() {
      return unclosedQuote;
    }
  }

  /** Splits one record (possibly with line breaks inside quoted cells) into its cells. */
  public static List<String> parse(String record) throws CsvFormatException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      cell.setLength(0);
      if (i < n && record.charAt(i) == '"') {
        int open = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char c = record.charAt(i);
          if (c == '"') {
            if (i + 1 < n && record.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
            } else {
              closed = true;
              i++;
              break;
            }
          } else {
            cell.append(c);
            i++;
          }
        }
        if (!closed) {
          throw new CsvFormatException("quote opened at column " + (open + 1) + " is never closed", true);
        }
        if (i < n && record.charAt(i) != ',') {
          throw new CsvFormatException("unexpected character after the closing quote at column " + (i + 1), false);
        }
      } else {
        while (i < n && record.charAt(i) != ',') {
          char c = record.charAt(i);
          if (c == '"') {
            throw new CsvFormatException("quote inside an unquoted cell at column " + (i + 1), false);
          }
          cell.append(c);
          i++;
        }
      }
      cells.add(cell.toString());
      if (i >= n) {
        return cells;
      }
      i++; // the comma
    }
  }

  /** True when {@code text} ends inside a properly opened quoted cell, so the record goes on. */
  public static boolean continuesOnNextLine(String text) {
    if (text.indexOf('"') < 0) {
      return false;
    }
    try {
      parse(text);
      return false;
    } catch (CsvFormatException e) {
      return e.unclosedQuote();
    }
  }
}
