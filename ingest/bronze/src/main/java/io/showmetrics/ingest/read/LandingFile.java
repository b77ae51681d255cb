package io.showmetrics.ingest.read;

import java.io.Serializable;

/** One landing file to load (a Java bean, so it can travel in a {@code Dataset}). */
public class LandingFile implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Format of the file's content once decompressed. */
  public static final String JSONL = "jsonl";
  public static final String CSV = "csv";

  private String entity;
  private String path;
  private long size;
  private long modifiedAtMillis;
  private int fileOrder;
  private String format;

  public LandingFile() {}

  public LandingFile(String entity, String path, long size, long modifiedAtMillis, int fileOrder, String format) {
    this.entity = entity;
    this.path = path;
    this.size = size;
    this.modifiedAtMillis = modifiedAtMillis;
    this.fileOrder = fileOrder;
    this.format = format;
  }

  public String getEntity() { return entity; }
  public void setEntity(String entity) { this.entity = entity; }
  public String getPath() { return path; }
  public void setPath(String path) { this.path = path; }
  public long getSize() { return size; }
  public void setSize(long size) { this.size = size; }
  public long getModifiedAtMillis() { return modifiedAtMillis; }
  public void setModifiedAtMillis(long modifiedAtMillis) { this.modifiedAtMillis = modifiedAtMillis; }
  public int getFileOrder() { return fileOrder; }
  public void setFileOrder(int fileOrder) { this.fileOrder = fileOrder; }
  public String getFormat() { return format; }
  public void setFormat(String format) { this.format = format; }

  @Override
  public String toString() {
    return path;
  }
}
