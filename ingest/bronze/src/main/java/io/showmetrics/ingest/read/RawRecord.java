package io.showmetrics.ingest.read;

import java.io.Serializable;

/**
 * One record as read from a landing file, before validation (a Java bean for {@code Dataset}).
 * {@link #getKind()} says whether it is a record, a line that is not UTF-8, or the point where
 * the file stopped being readable.
 */
public class RawRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String RECORD = "record";
  public static final String BAD_ENCODING = "bad_encoding";
  public static final String UNREADABLE = "unreadable";

  private String file;
  private int fileOrder;
  private long line;
  private String format;
  private String kind;
  private String header;
  private String raw;

  public RawRecord() {}

  public RawRecord(String file, int fileOrder, long line, String format, String kind, String header, String raw) {
    this.file = file;
    this.fileOrder = fileOrder;
    this.line = line;
    this.format = format;
    this.kind = kind;
    this.header = header;
    this.raw = raw;
  }

  public String getFile() { return file; }
  public void setFile(String file) { this.file = file; }
  public int getFileOrder() { return fileOrder; }
  public void setFileOrder(int fileOrder) { this.fileOrder = fileOrder; }
  public long getLine() { return line; }
  public void setLine(long line) { this.line = line; }
  public String getFormat() { return format; }
  public void setFormat(String format) { this.format = format; }
  /** {@link #RECORD}, {@link #BAD_ENCODING} or {@link #UNREADABLE} (then {@code raw} holds the cause). */
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  /** The CSV header line (null for JSON Lines). */
  public String getHeader() { return header; }
  public void setHeader(String header) { this.header = header; }
  public String getRaw() { return raw; }
  public void setRaw(String raw) { this.raw = raw; }
}
