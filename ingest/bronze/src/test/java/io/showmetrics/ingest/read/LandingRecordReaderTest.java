package io.showmetrics.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LandingRecordReaderTest {

  static List<RawRecord> read(String format, byte[] content) {
    LandingFile file = new LandingFile("viewer_events", "file:/l/f", content.length, 0L, 3, format);
    List<RawRecord> out = new ArrayList<>();
    try (LandingRecordReader reader = new LandingRecordReader(file, () -> new ByteArrayInputStream(content))) {
      reader.forEachRemaining(out::add);
    }
    return out;
  }

  static List<RawRecord> read(String format, String content) {
    return read(format, content.getBytes(StandardCharsets.UTF_8));
  }

  static List<Long> lines(List<RawRecord> records) {
    return records.stream().map(RawRecord::getLine).toList();
  }

  @Test
  void jsonLinesSkipBlankLinesAndKeepPhysicalLineNumbers() {
    List<RawRecord> records = read(LandingFile.JSONL, "{\"a\":1}\r\n\n   \n{\"a\":2}\n{\"a\":3}");
    assertThat(lines(records)).containsExactly(1L, 4L, 5L);
    assertThat(records.get(0).getRaw()).isEqualTo("{\"a\":1}");
    assertThat(records.get(2).getRaw()).isEqualTo("{\"a\":3}");
    assertThat(records.get(0).getFileOrder()).isEqualTo(3);
  }

  @Test
  void byteOrderMarkIsDropped() {
    List<RawRecord> records = read(LandingFile.CSV, "\uFEFFsku,ts\nx,y\n");
    assertThat(records.get(0).getHeader()).isEqualTo("sku,ts");
  }

  @Test
  void csvHeaderIsLineOneAndTravelsWithEachRow() {
    List<RawRecord> records = read(LandingFile.CSV, "a,b\n1,2\n\n3,4\n");
    assertThat(lines(records)).containsExactly(2L, 4L);
    assertThat(records).allSatisfy(r -> assertThat(r.getHeader()).isEqualTo("a,b"));
  }

  @Test
  void csvQuotedLineBreakMakesOneRecordNumberedByItsFirstLine() {
    List<RawRecord> records = read(LandingFile.CSV, "a,b\n1,\"x\ny\"\n2,z\n");
    assertThat(lines(records)).containsExactly(2L, 4L);
    assertThat(records.get(0).getRaw()).isEqualTo("1,\"x\ny\"");
  }

  @Test
  void csvQuoteNeverClosedOnlyCostsItsOwnLine() {
    List<RawRecord> records = read(LandingFile.CSV, "a,b\n1,\"x\n2,y\n3,z\n");
    assertThat(lines(records)).containsExactly(2L, 3L, 4L);
    assertThat(records.get(0).getRaw()).isEqualTo("1,\"x");
  }

  @Test
  void csvQuoteClosingIntoAnInvalidRowOnlyCostsItsOwnLine() {
    List<RawRecord> records = read(LandingFile.CSV, "a,b\n1,\"x\n2,y\"z\n3,z\n");
    assertThat(lines(records)).containsExactly(2L, 3L, 4L);
  }

  @Test
  void invalidUtf8LineIsFlaggedAndReadingGoesOn() {
    byte[] content = concat("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8), new byte[] {'{', (byte) 0xC3, '}', '\n'},
        "{\"a\":3}\n".getBytes(StandardCharsets.UTF_8));
    List<RawRecord> records = read(LandingFile.JSONL, content);
    assertThat(records).extracting(RawRecord::getKind).containsExactly(RawRecord.RECORD, RawRecord.BAD_ENCODING, RawRecord.RECORD);
  }

  @Test
  void truncatedGzipKeepsCompleteLinesAndEndsWithOneUnreadableRecord() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("{\"event_id\":\"e").append(i).append("\",\"pad\":\"").append(Integer.toHexString(i * 7919 * 31)).append("\"}\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncated = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    LandingFile file = new LandingFile("viewer_events", "file:/l/f.jsonl.gz", truncated.length, 0L, 0, LandingFile.JSONL);
    List<RawRecord> records = new ArrayList<>();
    try (LandingRecordReader reader = new LandingRecordReader(file, () -> new GZIPInputStream(new ByteArrayInputStream(truncated)))) {
      reader.forEachRemaining(records::add);
    }
    RawRecord last = records.get(records.size() - 1);
    assertThat(last.getKind()).isEqualTo(RawRecord.UNREADABLE);
    assertThat(last.getLine()).isEqualTo(records.size());
    assertThat(records.subList(0, records.size() - 1))
        .allSatisfy(r -> assertThat(r.getRaw()).startsWith("{\"event_id\"").endsWith("\"}"));
    assertThat(records.size()).isBetween(2, 1999);
  }

  @Test
  void fileThatCannotBeOpenedIsOneUnreadableRecordAtLineOne() {
    LandingFile file = new LandingFile("viewer_events", "file:/l/gone.jsonl", 10, 0L, 0, LandingFile.JSONL);
    List<RawRecord> records = new ArrayList<>();
    try (LandingRecordReader reader = new LandingRecordReader(file, () -> {
      throw new FileNotFoundException("gone.jsonl");
    })) {
      reader.forEachRemaining(records::add);
    }
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo(RawRecord.UNREADABLE);
      assertThat(r.getLine()).isEqualTo(1L);
      assertThat(r.getRaw()).contains("FileNotFoundException");
    });
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
