package io.showmetrics.ingest.validate;

import java.util.Set;

/**
 * One field of an entity.
 *
 * @param name the field name in the input and the bronze column name
 * @param type how the raw value is parsed
 * @param required a missing value is quarantined as {@code missing_field}
 * @param allowed for {@link FieldType#ENUM}: the accepted values (exact, case-sensitive)
 * @param precision for {@link FieldType#DECIMAL}: total digits
 * @param scale for {@link FieldType#DECIMAL}: digits after the point
 * @param minimum "none", "non_negative" or "positive": a smaller value is {@code negative_value}
 * @param futureChecked timestamps later than run start + 2 days are {@code future_timestamp}
 * @param defaultValue value used when absent (a constant), or null
 * @param defaultFrom name of another field whose value is used when absent, or null
 * @param addedLater an optional field added to the entity after lakes were first written: when absent it adds
 *     nothing to the content hash ({@link CanonicalContent}), so a record without it keeps the hash it had before
 *     the field existed and is still a duplicate of its earlier copy
 */
public record Field(
    String name,
    FieldType type,
    boolean required,
    Set<String> allowed,
    int precision,
    int scale,
    Minimum minimum,
    boolean futureChecked,
    Object defaultValue,
    String defaultFrom,
    boolean addedLater) {

  /**
   * The length SPEC §1 gives open labels ("at most 64 characters"). Not enforced: a longer label is kept in
   * full, because an open label never sends a record to quarantine and is never altered.
   */
  public static final int OPEN_LABEL_MAX_LENGTH = 64;

  /** Lower bound a numeric field must respect. */
  public enum Minimum {
    NONE,
    NON_NEGATIVE,
    POSITIVE
  }

  public static Field required(String name, FieldType type) {
    return new Field(name, type, true, Set.of(), 0, 0, Minimum.NONE, type == FieldType.TIMESTAMP, null, null, false);
  }

  public static Field optional(String name, FieldType type) {
    return new Field(name, type, false, Set.of(), 0, 0, Minimum.NONE, type == FieldType.TIMESTAMP, null, null, false);
  }

  public Field allowing(Set<String> values) {
    return new Field(name, type, required, Set.copyOf(values), precision, scale, minimum, futureChecked, defaultValue, defaultFrom, addedLater);
  }

  public Field decimal(int newPrecision, int newScale) {
    return new Field(name, type, required, allowed, newPrecision, newScale, minimum, futureChecked, defaultValue, defaultFrom, addedLater);
  }

  public Field atLeast(Minimum newMinimum) {
    return new Field(name, type, required, allowed, precision, scale, newMinimum, futureChecked, defaultValue, defaultFrom, addedLater);
  }

  /** A schedule (a show or experiment planned ahead) may lie in the future. */
  public Field scheduled() {
    return new Field(name, type, required, allowed, precision, scale, minimum, false, defaultValue, defaultFrom, addedLater);
  }

  public Field withDefault(Object value) {
    return new Field(name, type, required, allowed, precision, scale, minimum, futureChecked, value, defaultFrom, addedLater);
  }

  /**
   * An optional field added after lakes were first written (see {@code addedLater}); bronze tables that lack its
   * column gain it on their next append and read as NULL before that.
   */
  public Field asAddedLater() {
    if (required) {
      throw new IllegalStateException("A required field cannot be added later: old records lack it (" + name + ")");
    }
    return new Field(name, type, required, allowed, precision, scale, minimum, futureChecked, defaultValue, defaultFrom, true);
  }

  public Field defaultingTo(String otherField) {
    return new Field(name, type, required, allowed, precision, scale, minimum, futureChecked, defaultValue, otherField, addedLater);
  }
}
