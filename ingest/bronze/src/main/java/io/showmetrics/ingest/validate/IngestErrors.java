package io.showmetrics.ingest.validate;

import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Every user-facing ingest message: what is wrong, where (file, line, field) and how to fix it.
 * The quarantine table stores these in {@code message}; the Spark stages use the templates for the
 * rules they check ({@code conflicting_id}, {@code no_fx_rate}).
 */
public final class IngestErrors {

  private static final int MAX_VALUE_CHARS = 80;

  /**
   * {@code String.format} template for {@code conflicting_id}; arguments: file, line, key field,
   * key value.
   */
  public static final String CONFLICTING_ID_TEMPLATE =
      "%s:%d: field '%s' = '%s' was already loaded with different content; an event id must identify"
          + " one event, so give this event a new id or drop the altered copy";

  /**
   * {@code String.format} template for {@code no_fx_rate}; arguments: file, line, currency,
   * currency, UTC date, reporting currency.
   */
  public static final String NO_FX_RATE_TEMPLATE =
      "%s:%d: field 'currency' = '%s' but fx_rates has no rate for %s on %s (UTC); add an fx_rates"
          + " record (currency, date, rate_to_reporting) for that day or send the order in %s";

  /**
   * {@code String.format} template for a converted price that does not fit {@code decimal(30,12)}
   * ({@code bad_type}); arguments: file, line, unit price, currency, reporting currency.
   */
  public static final String CONVERTED_PRICE_TOO_LARGE_TEMPLATE =
      "%s:%d: field 'unit_price' = '%s' %s does not fit decimal(30,12) once converted to %s; check the"
          + " price and the fx rate of that day";

  private IngestErrors() {}

  public static String malformedJson(String file, long line, String detail) {
    return where(file, line) + ": not a valid JSON object (" + detail + "); write one JSON object"
        + " per line, e.g. {\"event_id\":\"e1\",...}";
  }

  public static String malformedCsv(String file, long line, String detail) {
    return where(file, line) + ": not a valid CSV row (" + detail + "); quote cells that contain"
        + " commas, quotes or line breaks with \"...\" and double inner quotes";
  }

  public static String badEncoding(String file, long line) {
    return where(file, line) + ": the line is not valid UTF-8; re-export the file as UTF-8";
  }

  public static String missingField(String file, long line, String field) {
    return at(file, line, field) + " is missing; it is required, so add it (null and an empty CSV"
        + " cell count as missing)";
  }

  public static String badType(String file, long line, String field, String value, String expected) {
    return at(file, line, field) + " = " + quote(value) + " is not " + expected + "; write it as "
        + expected;
  }

  public static String badTimestamp(String file, long line, String field, String value, boolean missingOffset) {
    String problem = missingOffset ? " has no UTC offset" : " is not an ISO-8601 timestamp";
    return at(file, line, field) + " = " + quote(value) + problem
        + "; write it with an offset or Z, e.g. 2026-03-01T18:00:00Z or 2026-03-01T19:00:00+01:00";
  }

  public static String badDate(String file, long line, String field, String value) {
    return at(file, line, field) + " = " + quote(value) + " is not an ISO-8601 date; write it as"
        + " yyyy-MM-dd, e.g. 2026-03-01";
  }

  public static String unknownValue(String file, long line, String field, String value, Collection<String> allowed) {
    return at(file, line, field) + " = " + quote(value) + " is not a known value; use one of "
        + String.join(", ", new TreeSet<>(allowed)) + " (exact spelling, lower case)";
  }

  /**
   * A value below its field's minimum; the advice fits the entity (an order line is taken back by a cancelled or
   * returned row, a show's unknown cost is left out).
   */
  public static String negativeValue(String file, long line, String entity, String field, String value,
      boolean zeroAllowed) {
    if (!zeroAllowed) {
      return at(file, line, field) + " = " + quote(value) + " must be greater than 0; correct the value";
    }
    String advice = switch (entity) {
      case "orders" -> "send a cancelled or returned row to take a line back";
      case "shows" -> "what the show cost to produce and promote, in the reporting currency; leave the field out"
          + " when it is not known";
      default -> "correct the value";
    };
    return at(file, line, field) + " = " + quote(value) + " is negative; it must be 0 or more (" + advice + ")";
  }

  public static String unknownCurrency(String file, long line, String field, String value) {
    return at(file, line, field) + " = " + quote(value) + " is not an ISO-4217 currency code; use"
        + " a three-letter upper-case code such as EUR, USD or GBP";
  }

  public static String badIdentifier(String file, long line, String field, String value) {
    String problem = value.isBlank() ? " is empty" : " is longer than 128 characters";
    return at(file, line, field) + " = " + quote(value) + problem
        + "; identifiers are non-empty strings of at most 128 characters";
  }

  public static String futureTimestamp(String file, long line, String field, String value, Instant limit) {
    return at(file, line, field) + " = " + quote(value) + " is after " + limit
        + " (run start + 2 days); fix the clock or time zone of the exporting system";
  }

  public static String badRange(String file, long line, String startField, String endField, Instant start, Instant end) {
    return at(file, line, endField) + " = " + end + " is before " + startField + " = " + start
        + "; swap or correct the two times";
  }

  public static String unreadableFile(String file, long line, String detail) {
    return where(file, line) + ": the file cannot be read from here on (" + detail + "); records"
        + " before this line were loaded; replace the file with a complete copy (a new size or"
        + " modification time makes the next run load it again)";
  }

  /** An internal invariant broke: a bug, not bad input. */
  public static IllegalStateException reconciliationFailed(String entity, String file, long read,
      long accepted, long quarantined, long duplicates) {
    return new IllegalStateException("Internal error: " + entity + " file " + file + " read " + read
        + " records but accepted " + accepted + " + quarantined " + quarantined + " + duplicates "
        + duplicates + " = " + (accepted + quarantined + duplicates)
        + "; nothing of this entity's log entry was written, please report this with the file");
  }

  public static IllegalArgumentException badOption(String option, String value, String fix) {
    return new IllegalArgumentException("Ingest option " + option + " = " + quote(value)
        + " is invalid; " + fix);
  }

  private static String where(String file, long line) {
    return file + ":" + line;
  }

  private static String at(String file, long line, String field) {
    return where(file, line) + ": field '" + field + "'";
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
    return "'" + shown + "'";
  }
}
