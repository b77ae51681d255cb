package io.showmetrics.ingest.validate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of a record's content and its SHA-256. Values are written in one form per
 * type (instants in UTC, decimals without trailing zeros, defaults applied) and length-prefixed, so
 * the same record gives the same hash whatever the file, line, format or offset notation. A field added to an
 * entity later ({@link Field#addedLater()}) counts only when present, so adding one changes no stored hash.
 */
public final class CanonicalContent {

  private CanonicalContent() {}

  public static String hash(EntitySchema schema, Object[] values, String extraJson) {
    StringBuilder text = new StringBuilder(256);
    append(text, schema.name());
    List<Field> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      Object value = values[i];
      if (value == null && fields.get(i).addedLater()) {
        // Absent, as in every record written before the field existed: the hash stays what it was then.
        continue;
      }
      append(text, fields.get(i).name());
      if (value == null) {
        text.append("-;");
      } else {
        append(text, canonical(value));
      }
    }
    if (extraJson == null) {
      text.append("-;");
    } else {
      append(text, extraJson);
    }
    return sha256(text.toString());
  }

  static String canonical(Object value) {
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Instant t) {
      return t.toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : list) {
        append(b, String.valueOf(o));
      }
      return b.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      // Maps are TreeMaps from the validator, so iteration order is the key order.
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        append(b, String.valueOf(e.getKey()));
        append(b, String.valueOf(e.getValue()));
      }
      return b.append('}').toString();
    }
    return value.toString();
  }

  private static void append(StringBuilder b, String s) {
    b.append(s.length()).append(':').append(s).append(';');
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
