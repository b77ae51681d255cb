package io.showmetrics.ingest.validate;

/** Outcome of validating one record: typed values, or a quarantine reason. */
public sealed interface ValidationResult {

  /**
   * A record that passed every per-record rule.
   *
   * @param values typed values in {@link EntitySchema#fields()} order (see {@link FieldType} for the
   *     Java types); null for an absent optional field
   * @param extraJson unknown fields as a JSON object with sorted keys, or null when there are none
   * @param hash SHA-256 hex of the canonical content (typed values and extras)
   */
  record Accepted(Object[] values, String extraJson, String hash) implements ValidationResult {}

  /**
   * A record for the quarantine table.
   *
   * @param reason the reason code
   * @param field the field at fault, or null when the record as a whole is at fault
   * @param message what, where and how to fix, from {@link IngestErrors}
   */
  record Rejected(Reason reason, String field, String message) implements ValidationResult {}
}
