package io.showmetrics.ingest.validate;

/**
 * The type of one input field and the Java value the validator produces for it.
 *
 * <ul>
 *   <li>{@code STRING}, {@code IDENTIFIER}, {@code ENUM}, {@code CURRENCY}: {@link String}
 *   <li>{@code OPEN_LABEL}: {@link String} kept exactly as given, or absent; never a reason to quarantine
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
  /** A closed set: a value outside {@link Field#allowed()} is {@code unknown_value}. */
  ENUM,
  /**
   * An open label (SPEC §1 "Closed and open vocabularies"): a show's or viewer's {@code channel},
   * {@code device}, a store visit's {@code source}, {@code region}, {@code host}, {@code label}. Any
   * value is accepted and kept as given; a blank one is absent; a number or boolean is kept as its text,
   * an array or object as its JSON text; longer than {@link Field#OPEN_LABEL_MAX_LENGTH} is kept in full.
   */
  OPEN_LABEL,
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
