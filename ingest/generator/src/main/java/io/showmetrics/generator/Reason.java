package io.showmetrics.generator;

/** Why a planted record is bad; the codes are the quarantine reason codes of SPEC section 1. */
enum Reason {
    MALFORMED_JSON("malformed_json"),
    MALFORMED_CSV("malformed_csv"),
    MISSING_FIELD("missing_field"),
    UNKNOWN_VALUE("unknown_value"),
    BAD_TIMESTAMP("bad_timestamp"),
    NEGATIVE_VALUE("negative_value"),
    UNKNOWN_CURRENCY("unknown_currency"),
    BAD_IDENTIFIER("bad_identifier"),
    FUTURE_TIMESTAMP("future_timestamp"),
    CONFLICTING_ID("conflicting_id");

    final String code;

    Reason(String code) {
        this.code = code;
    }
}
