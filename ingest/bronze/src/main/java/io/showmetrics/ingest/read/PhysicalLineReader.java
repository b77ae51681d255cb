package io.showmetrics.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an input stream as physical lines of bytes, split on {@code \n} with a trailing
 * {@code \r} removed, so that line numbers match what an editor shows.
 */
final class PhysicalLineReader {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;

  PhysicalLineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  byte[] next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (position >= limit) {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        if (read <= 0) {
          limit = 0;
          return any ? finish() : null;
        }
        limit = read;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++; // the '\n'
        return finish();
      }
    }
  }

  private void append(int start, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, start, line, length, count);
    length += count;
  }

  private byte[] finish() {
    int end = length;
    if (end > 0 && line[end - 1] == '\r') {
      end--;
    }
    return Arrays.copyOf(line, end);
  }
}
