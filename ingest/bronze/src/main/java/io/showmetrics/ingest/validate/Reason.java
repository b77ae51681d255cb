package io.showmetrics.ingest.validate;

/** Why a record went to quarantine. {@link #code()} is the value stored in {@code quarantine.reason}. */
public enum Reason {
  MALFORMED_JSON("malformed_json"),
  MALFORMED_CSV("malformed_csv"),
  MISSING_FIELD("missing_field"),
  BAD_TYPE("bad_type"),
  BAD_TIMESTAMP("bad_timestamp"),
  UNKNOWN_VALUE("unknown_value"),
  NEGATIVE_VALUE("negative_value"),
  UNKNOWN_CURRENCY("unknown_currency"),
  BAD_IDENTIFIER("bad_identifier"),
  FUTURE_TIMESTAMP("future_timestamp"),
  BAD_RANGE("bad_range"),
  CONFLICTING_ID("conflicting_id"),
  NO_FX_RATE("no_fx_rate"),
  UNREADABLE_FILE("unreadable_file");

  private final String code;

  Reason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
