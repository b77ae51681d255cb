package io.showmetrics.ingest.read;

import io.showmetrics.ingest.validate.CsvRecords;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits one decompressed landing file into records with their 1-based physical line numbers.
 *
 * <ul>
 *   <li>JSON Lines: one record per non-blank line.
 *   <li>CSV: line 1 (after any blank lines) is the header; each following non-blank record is one
 *       record, numbered by its first line. A quoted cell may hold line breaks; a quote that is
 *       still open at the end of the file or after {@value #MAX_RECORD_LINES} lines makes the
 *       first line a record on its own (validation then reports {@code malformed_csv}) and reading
 *       resumes on the line after it. The same happens when the quote closes but the lines it
 *       joined do not form a valid row of the header's width.
 *   <li>A line that is not UTF-8 becomes a {@link RawRecord#BAD_ENCODING} record.
 *   <li>An I/O error (truncated gzip, lost file) ends the file with one {@link RawRecord#UNREADABLE}
 *       record at the line after the last complete one; the records before it are kept.
 * </ul>
 */
public final class LandingRecordReader implements Iterator<RawRecord>, Closeable {

  /** The longest a quoted CSV cell may run over line breaks before the quote counts as broken. */
  public static final int MAX_RECORD_LINES = 200;

  /** Opens the file's content stream; called once, lazily, so open failures become records. */
  @FunctionalInterface
  public interface StreamOpener {
    InputStream open() throws IOException;
  }

  private record Line(long number, String text, boolean badEncoding) {}

  private final LandingFile file;
  private final StreamOpener opener;
  private final boolean csv;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private InputStream stream;
  private PhysicalLineReader lines;
  private long lastLineRead;
  private String header;
  private RawRecord next;
  private boolean done;

  public LandingRecordReader(LandingFile file, StreamOpener opener) {
    this.file = file;
    this.opener = opener;
    this.csv = LandingFile.CSV.equals(file.getFormat());
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + file.getPath());
    }
    RawRecord result = next;
    next = null;
    return result;
  }

  private RawRecord computeNext() {
    while (true) {
      Line line;
      try {
        line = nextLine();
      } catch (IOException | RuntimeException e) {
        return fault(lastLineRead + 1, e);
      }
      if (line == null) {
        finish();
        return null;
      }
      if (line.badEncoding() && !(csv && header == null)) {
        return record(line.number(), RawRecord.BAD_ENCODING, line.text());
      }
      if (line.text().isBlank()) {
        continue;
      }
      if (!csv) {
        return record(line.number(), RawRecord.RECORD, line.text());
      }
      if (header == null) {
        header = line.text();
        continue;
      }
      if (!CsvRecords.continuesOnNextLine(line.text())) {
        return record(line.number(), RawRecord.RECORD, line.text());
      }
      RawRecord multiLine = readMultiLine(line);
      if (multiLine != null) {
        return multiLine;
      }
    }
  }

  private RawRecord readMultiLine(Line first) {
    List<Line> taken = new ArrayList<>();
    taken.add(first);
    StringBuilder text = new StringBuilder(first.text());
    while (true) {
      Line more;
      try {
        more = nextLine();
      } catch (IOException | RuntimeException e) {
        return fault(first.number(), e);
      }
      if (more == null || taken.size() >= MAX_RECORD_LINES) {
        if (more != null) {
          taken.add(more);
        }
        for (int i = taken.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(taken.get(i));
        }
        return record(first.number(), RawRecord.RECORD, first.text());
      }
      taken.add(more);
      text.append('\n').append(more.text());
      String joined = text.toString();
      if (!CsvRecords.continuesOnNextLine(joined)) {
        if (isCompleteRow(joined)) {
          return record(first.number(), RawRecord.RECORD, joined);
        }
        // The quote closed somewhere that does not make a valid row: the first line is broken.
        for (int i = taken.size() - 1; i >= 1; i--) {
          pushedBack.addFirst(taken.get(i));
        }
        return record(first.number(), RawRecord.RECORD, first.text());
      }
    }
  }

  /** A multi-line candidate counts as one row only if it parses and has the header's width. */
  private boolean isCompleteRow(String text) {
    try {
      int cells = CsvRecords.parse(text).size();
      return cells == CsvRecords.parse(header).size();
    } catch (CsvRecords.CsvFormatException e) {
      return false;
    }
  }

  private Line nextLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    if (lines == null) {
      stream = opener.open();
      lines = new PhysicalLineReader(stream);
    }
    byte[] bytes = lines.next();
    if (bytes == null) {
      return null;
    }
    lastLineRead++;
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean bad = text.indexOf('\uFFFD') >= 0 && !isUtf8(bytes);
    if (lastLineRead == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new Line(lastLineRead, text, bad);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private RawRecord record(long line, String kind, String text) {
    return new RawRecord(file.getPath(), file.getFileOrder(), line, file.getFormat(), kind, csv ? header : null, text);
  }

  private RawRecord fault(long line, Exception cause) {
    String detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    done = true;
    pushedBack.clear();
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException closeFailure) {
        detail = detail + "; closing it also failed: " + closeFailure.getMessage();
      }
      stream = null;
    }
    return new RawRecord(file.getPath(), file.getFileOrder(), line, file.getFormat(), RawRecord.UNREADABLE, header, detail);
  }

  private void finish() {
    done = true;
    pushedBack.clear();
    close();
  }

  /** Closes the underlying stream; a failure to close is reported as an unchecked exception. */
  @Override
  public void close() {
    if (stream != null) {
      InputStream toClose = stream;
      stream = null;
      try {
        toClose.close();
      } catch (IOException e) {
        throw new IllegalStateException("Could not close landing file " + file.getPath() + ": " + e.getMessage(), e);
      }
    }
  }
}
