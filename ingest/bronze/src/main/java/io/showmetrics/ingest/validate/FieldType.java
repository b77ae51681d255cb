package io.showmetrics.ingest.validate;

/**
 * The type of one input field and the Java value the validator produces for it.
 *
 * <ul>
 *   <li>{@code STRING}, {@code IDENTIFIER}, {@code ENUM}, {@code CURRENCY}: {@link String}
 *   <li>{@code TIMESTAMP}: {@link java.time.Instant} (ISO-8601 with an offset or {@code Z})
 *   <li>{@code BOOLEAN}: {@link Boolean} ({@code true}/{@code false}, any case)
 *   <li>{@code INT}: {@link Integer}; {@code LONG}: {@link Long}
 *   <li>{@code DECIMAL}: {@link java.math.BigDecimal} fitting the field's precision and scale
 *   <li>{@code DATE}: {@link java.time.LocalDate} ({@code yyyy-MM-dd})
 *   <li>{@code STRING_LIST}: {@code List<String>} (JSON array, or {@code |}-separated text)
 *   <li>{@code DOUBLE_MAP}: {@code Map<String, Double>} (JSON object, or its JSON text in CSV)
 * </ul>
 */
public enum FieldType {
  STRING,
  IDENTIFIER,
  ENUM,
  CURRENCY,
  TIMESTAMP,
  BOOLEAN,
  INT,
  LONG,
  DECIMAL,
  DATE,
  STRING_LIST,
  DOUBLE_MAP
}
