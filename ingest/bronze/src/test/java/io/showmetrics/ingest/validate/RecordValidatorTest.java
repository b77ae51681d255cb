package io.showmetrics.ingest.validate;

import static io.showmetrics.ingest.validate.TestRecords.chatEvent;
import static io.showmetrics.ingest.validate.TestRecords.customer;
import static io.showmetrics.ingest.validate.TestRecords.experiment;
import static io.showmetrics.ingest.validate.TestRecords.fxRate;
import static io.showmetrics.ingest.validate.TestRecords.order;
import static io.showmetrics.ingest.validate.TestRecords.playerEvent;
import static io.showmetrics.ingest.validate.TestRecords.show;
import static io.showmetrics.ingest.validate.TestRecords.showMoment;
import static io.showmetrics.ingest.validate.TestRecords.stock;
import static io.showmetrics.ingest.validate.TestRecords.storeVisit;
import static io.showmetrics.ingest.validate.TestRecords.viewerEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.ingest.validate.ValidationResult.Accepted;
import io.showmetrics.ingest.validate.ValidationResult.Rejected;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordValidatorTest {

  static final Instant RUN_STARTED_AT = Instant.parse("2026-03-05T00:00:00Z");
  static final String FILE = "file:/landing/x.jsonl";

  static ValidationResult json(TestRecords record) {
    return new RecordValidator(record.schema(), RUN_STARTED_AT).validateJson(FILE, 7, record.json());
  }

  static ValidationResult csv(TestRecords record) {
    return new RecordValidator(record.schema(), RUN_STARTED_AT).validateCsv(FILE, 7, record.csvHeader(), record.csvRow());
  }

  static Rejected rejected(ValidationResult result) {
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }

  static Accepted accepted(ValidationResult result) {
    assertThat(result).as("%s", result).isInstanceOf(Accepted.class);
    return (Accepted) result;
  }

  static void assertRejected(ValidationResult result, Reason reason, String field) {
    Rejected r = rejected(result);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.field()).isEqualTo(field);
    assertThat(r.message()).startsWith(FILE + ":7").contains(field == null ? "" : "'" + field + "'");
  }

  static Object value(Accepted accepted, EntitySchema schema, String field) {
    return accepted.values()[schema.indexOf(field)];
  }

  static List<TestRecords> everyEntity() {
    return TestRecords.oneOfEach();
  }

  @ParameterizedTest
  @MethodSource("everyEntity")
  void acceptsTheValidRecordOfEveryEntityInJsonAndCsv(TestRecords record) {
    Accepted fromJson = accepted(json(record));
    Accepted fromCsv = accepted(csv(record));
    assertThat(fromCsv.hash()).isEqualTo(fromJson.hash());
    assertThat(fromJson.hash()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void wholeNumbersKeepTheirJavaTypeForTheSparkSchemaFromJsonAndCsv() {
    for (ValidationResult r : List.of(json(customer()), csv(customer()))) {
      assertThat(value(accepted(r), Entities.CUSTOMERS, "birth_year")).isInstanceOf(Integer.class).isEqualTo(1990);
    }
    for (ValidationResult r : List.of(json(order()), csv(order()))) {
      assertThat(value(accepted(r), Entities.ORDERS, "quantity")).isInstanceOf(Long.class);
    }
  }

  @Nested
  class MissingField {
    @Test
    void requiredFieldAbsentIsMissing() {
      assertRejected(json(viewerEvent().without("viewer_id")), Reason.MISSING_FIELD, "viewer_id");
    }

    @Test
    void jsonNullCountsAsAbsent() {
      assertRejected(json(order().with("currency", null)), Reason.MISSING_FIELD, "currency");
    }

    @Test
    void emptyCsvCellCountsAsAbsent() {
      assertRejected(csv(order().with("quantity", "")), Reason.MISSING_FIELD, "quantity");
    }

    @Test
    void optionalFieldMayBeAbsent() {
      Accepted a = accepted(json(viewerEvent().without("customer_id").without("channel")));
      assertThat(value(a, Entities.VIEWER_EVENTS, "customer_id")).isNull();
    }
  }

  @Nested
  class BadType {
    @Test
    void nonNumericQuantity() {
      assertRejected(csv(order().with("quantity", "two")), Reason.BAD_TYPE, "quantity");
    }

    @Test
    void fractionalQuantity() {
      assertRejected(json(order().with("quantity", 1.5)), Reason.BAD_TYPE, "quantity");
    }

    @Test
    void nonBooleanReplay() {
      assertRejected(json(viewerEvent().with("replay", "yes")), Reason.BAD_TYPE, "replay");
    }

    @Test
    void priceWithMoreIntegerDigitsThanTheColumn() {
      assertRejected(json(order().with("unit_price", "123456789012345")), Reason.BAD_TYPE, "unit_price");
    }

    @Test
    void birthYearAsText() {
      assertRejected(json(customer().with("birth_year", "nineteen")), Reason.BAD_TYPE, "birth_year");
    }

    @Test
    void expectedSplitThatIsNotAnObject() {
      assertRejected(json(experiment().with("expected_split", List.of(0.5))), Reason.BAD_TYPE, "expected_split");
    }

    @Test
    void numbersAndBooleansAsCsvTextAreTyped() {
      Accepted a = accepted(csv(viewerEvent().with("replay", "TRUE")));
      assertThat(value(a, Entities.VIEWER_EVENTS, "replay")).isEqualTo(true);
    }
  }

  @Nested
  class BadTimestamp {
    @Test
    void timestampWithoutOffset() {
      Rejected r = rejected(json(viewerEvent().with("ts", "2026-03-01T18:00:00")));
      assertThat(r.reason()).isEqualTo(Reason.BAD_TIMESTAMP);
      assertThat(r.message()).contains("has no UTC offset");
    }

    @Test
    void unparseableTimestamp() {
      assertRejected(json(viewerEvent().with("ts", "yesterday")), Reason.BAD_TIMESTAMP, "ts");
    }

    @Test
    void epochNumberIsNotATimestamp() {
      assertRejected(json(viewerEvent().with("ts", 1772388000)), Reason.BAD_TIMESTAMP, "ts");
    }

    @Test
    void badFxDate() {
      assertRejected(json(fxRate().with("date", "01/03/2026")), Reason.BAD_TIMESTAMP, "date");
    }

    @Test
    void offsetsAreNormalisedToUtc() {
      Accepted a = accepted(json(viewerEvent().with("ts", "2026-03-01T19:00:00+01:00")));
      assertThat(value(a, Entities.VIEWER_EVENTS, "ts")).isEqualTo(Instant.parse("2026-03-01T18:00:00Z"));
    }
  }

  @Nested
  class UnknownValue {
    @Test
    void unknownViewerEventType() {
      assertRejected(json(viewerEvent().with("type", "jump")), Reason.UNKNOWN_VALUE, "type");
    }

    @Test
    void enumValuesAreCaseSensitive() {
      assertRejected(json(chatEvent().with("type", "Message")), Reason.UNKNOWN_VALUE, "type");
    }

    @Test
    void unknownOrderChannelAndStatus() {
      assertRejected(json(order().with("channel", "phone")), Reason.UNKNOWN_VALUE, "channel");
      assertRejected(json(order().with("status", "lost")), Reason.UNKNOWN_VALUE, "status");
    }

    @Test
    void unknownMomentAndPlayerType() {
      assertRejected(json(showMoment().with("type", "dance")), Reason.UNKNOWN_VALUE, "type");
      assertRejected(json(playerEvent().with("type", "wishlist")), Reason.UNKNOWN_VALUE, "type");
    }

    @Test
    void messageListsTheAllowedValues() {
      assertThat(rejected(json(order().with("status", "lost"))).message()).contains("cancelled, placed, returned");
    }
  }

  /** SPEC §1 "Closed and open vocabularies": an open label never sends a record to quarantine. */
  @Nested
  class OpenLabels {
    static final String LONG_LABEL = "shop.brand.example/live/" + "x".repeat(80);

    /** Every open field of SPEC §1 with a value no list holds, in JSON and in CSV. */
    static List<Object[]> unseenLabels() {
      return List.of(
          new Object[] {show().with("channel", "multistream"), "channel", "multistream"},
          new Object[] {show().with("channel", "whatnot"), "channel", "whatnot"},
          new Object[] {show().with("channel", "shop.brand.example"), "channel", "shop.brand.example"},
          new Object[] {show().with("host", "DJ Zoë & the Crew (guest: @maya_k)"), "host", "DJ Zoë & the Crew (guest: @maya_k)"},
          new Object[] {viewerEvent().with("channel", "myspace"), "channel", "myspace"},
          new Object[] {viewerEvent().with("channel", "Instagram"), "channel", "Instagram"},
          new Object[] {viewerEvent().with("device", "smart-fridge"), "device", "smart-fridge"},
          new Object[] {storeVisit().with("source", "billboard"), "source", "billboard"},
          new Object[] {customer().with("region", "Île-de-France / Paris 11e"), "region", "Île-de-France / Paris 11e"},
          new Object[] {showMoment().with("label", "Flash sale, 3 for 2 \"today only\""), "label", "Flash sale, 3 for 2 \"today only\""},
          new Object[] {viewerEvent().with("channel", LONG_LABEL), "channel", LONG_LABEL});
    }

    @ParameterizedTest
    @MethodSource("unseenLabels")
    void anUnseenLabelIsAcceptedAndKeptAsGiven(TestRecords record, String field, String label) {
      for (ValidationResult r : List.of(json(record), csv(record))) {
        assertThat(value(accepted(r), record.schema(), field)).isEqualTo(label);
      }
    }

    @Test
    void aLabelLongerThanSixtyFourCharactersIsKeptInFull() {
      assertThat(OpenLabels.LONG_LABEL.length()).isGreaterThan(Field.OPEN_LABEL_MAX_LENGTH);
      assertThat(value(accepted(json(viewerEvent().with("device", LONG_LABEL))), Entities.VIEWER_EVENTS, "device"))
          .isEqualTo(LONG_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankLabelIsAbsentAndHashesLikeAnAbsentOne(String blank) {
      Accepted withBlank = accepted(json(storeVisit().with("source", blank)));
      Accepted without = accepted(json(storeVisit().without("source")));
      assertThat(value(withBlank, Entities.STORE_VISITS, "source")).isNull();
      assertThat(withBlank.hash()).isEqualTo(without.hash());
    }

    @Test
    void aNonTextLabelIsKeptAsItsText() {
      assertThat(value(accepted(json(customer().with("region", 75))), Entities.CUSTOMERS, "region")).isEqualTo("75");
      assertThat(value(accepted(json(show().with("host", true))), Entities.SHOWS, "host")).isEqualTo("true");
      assertThat(value(accepted(json(showMoment().with("label", List.of("a", "b")))), Entities.SHOW_MOMENTS, "label"))
          .isEqualTo("[\"a\",\"b\"]");
      assertThat(value(accepted(json(viewerEvent().with("device", Map.of("os", "ios")))), Entities.VIEWER_EVENTS, "device"))
          .isEqualTo("{\"os\":\"ios\"}");
    }

    @Test
    void everyOpenFieldOfTheSpecIsAnOpenLabelAndNothingElseIs() {
      Map<String, List<String>> open = new java.util.TreeMap<>();
      for (EntitySchema e : Entities.ALL) {
        for (Field f : e.fields()) {
          if (f.type() == FieldType.OPEN_LABEL) {
            open.computeIfAbsent(e.name(), k -> new java.util.ArrayList<>()).add(f.name());
          }
        }
      }
      assertThat(open).containsExactlyInAnyOrderEntriesOf(Map.of(
          "shows", List.of("host", "channel"),
          "customers", List.of("region"),
          "viewer_events", List.of("channel", "device"),
          "show_moments", List.of("label"),
          "store_visits", List.of("source")));
    }

    @Test
    void closedSetsStillRejectAnUnknownValue() {
      assertRejected(json(order().with("channel", "multistream")), Reason.UNKNOWN_VALUE, "channel");
      assertRejected(json(viewerEvent().with("type", "whatnot")), Reason.UNKNOWN_VALUE, "type");
    }
  }

  @Nested
  class NegativeValue {
    @Test
    void negativeQuantity() {
      assertRejected(json(order().with("quantity", -1)), Reason.NEGATIVE_VALUE, "quantity");
    }

    @Test
    void negativeUnitPrice() {
      assertRejected(json(order().with("unit_price", "-0.01")), Reason.NEGATIVE_VALUE, "unit_price");
    }

    @Test
    void zeroOrNegativeRate() {
      assertRejected(json(fxRate().with("rate_to_reporting", 0)), Reason.NEGATIVE_VALUE, "rate_to_reporting");
      assertRejected(json(fxRate().with("rate_to_reporting", -1.1)), Reason.NEGATIVE_VALUE, "rate_to_reporting");
    }

    @Test
    void zeroQuantityAndFreeItemsAreAllowed() {
      accepted(json(order().with("quantity", 0).with("unit_price", 0)));
    }

    @Test
    void negativeStockIsAllowed() {
      accepted(json(stock().with("available_qty", -2)));
    }

    @Test
    void aNegativeShowCostIsQuarantinedWithAdviceForShows() {
      Rejected r = rejected(json(show().with("cost", "-250.00")));
      assertThat(r.reason()).isEqualTo(Reason.NEGATIVE_VALUE);
      assertThat(r.field()).isEqualTo("cost");
      assertThat(r.message()).contains("'cost' = '-250.00' is negative").contains("leave the field out")
          .doesNotContain("cancelled");
    }

    @Test
    void anOrderKeepsItsAdviceToSendACancelledRow() {
      assertThat(rejected(json(order().with("quantity", -1))).message()).contains("cancelled or returned row");
    }
  }

  @Nested
  class ShowCost {
    @Test
    void isOptionalAndKeptToFourDecimalsInJsonAndCsv() {
      assertThat(value(accepted(json(show())), Entities.SHOWS, "cost")).isNull();
      for (ValidationResult r : List.of(json(show().with("cost", "1250.5")), csv(show().with("cost", "1250.5")))) {
        assertThat(value(accepted(r), Entities.SHOWS, "cost")).isEqualTo(new BigDecimal("1250.5000"));
      }
      assertThat(value(accepted(json(show().with("cost", 0))), Entities.SHOWS, "cost"))
          .isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void aShowWithoutCostKeepsTheHashItHadBeforeCostExisted() {
      List<Field> before = Entities.SHOWS.fields().stream().filter(f -> !f.name().equals("cost")).toList();
      EntitySchema old = new EntitySchema("shows", before, Identity.UPDATE, List.of("show_id"), "starts_at",
          "ends_at", null);
      Accepted now = accepted(json(show()));
      Object[] oldValues = new Object[before.size()];
      System.arraycopy(now.values(), 0, oldValues, 0, before.size());
      assertThat(Entities.SHOWS.indexOf("cost")).isEqualTo(before.size());
      assertThat(now.hash()).isEqualTo(CanonicalContent.hash(old, oldValues, null));
      assertThat(accepted(json(show().with("cost", "10"))).hash()).isNotEqualTo(now.hash());
    }
  }

  @Nested
  class UnknownCurrency {
    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "ZZZ", "E1R"})
    void notAnIso4217Code(String code) {
      assertRejected(json(order().with("currency", code)), Reason.UNKNOWN_CURRENCY, "currency");
    }

    @Test
    void fxRateCurrencyIsCheckedToo() {
      assertRejected(json(fxRate().with("currency", "ABC")), Reason.UNKNOWN_CURRENCY, "currency");
    }
  }

  @Nested
  class BadIdentifier {
    @Test
    void emptyJsonIdentifier() {
      assertRejected(json(viewerEvent().with("event_id", "")), Reason.BAD_IDENTIFIER, "event_id");
    }

    @Test
    void blankIdentifier() {
      assertRejected(json(viewerEvent().with("viewer_id", "   ")), Reason.BAD_IDENTIFIER, "viewer_id");
    }

    @Test
    void identifierLongerThan128() {
      assertRejected(json(viewerEvent().with("show_id", "s".repeat(129))), Reason.BAD_IDENTIFIER, "show_id");
    }

    @Test
    void identifierOf128IsFine() {
      accepted(json(viewerEvent().with("show_id", "s".repeat(128))));
    }

    @Test
    void emptyFeaturedSku() {
      assertRejected(csv(show().with("featured_skus", "sku1||sku2")), Reason.BAD_IDENTIFIER, "featured_skus");
    }
  }

  @Nested
  class FutureTimestamp {
    @Test
    void eventMoreThanTwoDaysAfterRunStart() {
      assertRejected(json(viewerEvent().with("ts", "2026-03-07T00:00:01Z")), Reason.FUTURE_TIMESTAMP, "ts");
    }

    @Test
    void exactlyTwoDaysAheadIsAccepted() {
      accepted(json(viewerEvent().with("ts", "2026-03-07T00:00:00Z")));
    }

    @Test
    void scheduledShowsMayLieInTheFuture() {
      accepted(json(show().with("starts_at", "2026-06-01T18:00:00Z").with("ends_at", "2026-06-01T19:00:00Z")));
    }

    @Test
    void assignmentInTheFuture() {
      assertRejected(json(TestRecords.assignment().with("assigned_at", "2027-01-01T00:00:00Z")), Reason.FUTURE_TIMESTAMP, "assigned_at");
    }
  }

  @Nested
  class BadRange {
    @Test
    void showEndingBeforeItStarts() {
      assertRejected(json(show().with("ends_at", "2026-03-01T17:59:59Z")), Reason.BAD_RANGE, "ends_at");
    }

    @Test
    void experimentEndingBeforeItStarts() {
      assertRejected(json(experiment().with("ends_at", "2026-01-01T00:00:00Z")), Reason.BAD_RANGE, "ends_at");
    }

    @Test
    void zeroLengthShowIsAllowed() {
      accepted(json(show().with("ends_at", "2026-03-01T18:00:00Z")));
    }
  }

  @Nested
  class MalformedJson {
    @ParameterizedTest
    @ValueSource(strings = {"{\"event_id\":\"e1\",\"show_id\"", "[1,2]", "\"text\"", "{\"event_id\":\"e1\"} trailing",
        "{\"event_id\":\"e1\",\"event_id\":\"e2\"}"})
    void notOneJsonObject(String line) {
      ValidationResult r = new RecordValidator(Entities.VIEWER_EVENTS, RUN_STARTED_AT).validateJson(FILE, 7, line);
      assertRejected(r, Reason.MALFORMED_JSON, null);
    }
  }

  @Nested
  class MalformedCsv {
    RecordValidator validator = new RecordValidator(Entities.STOCK, RUN_STARTED_AT);

    @Test
    void wrongColumnCount() {
      assertRejected(validator.validateCsv(FILE, 7, "sku,ts,available_qty", "sku1,2026-03-01T18:00:00Z"), Reason.MALFORMED_CSV, null);
    }

    @Test
    void badQuote() {
      assertRejected(validator.validateCsv(FILE, 7, "sku,ts,available_qty", "sku1,\"2026-03-01T18:00:00Z,3"), Reason.MALFORMED_CSV, null);
    }

    @Test
    void headerRepeatingAColumn() {
      Rejected r = rejected(validator.validateCsv(FILE, 7, "sku,ts,sku", "a,2026-03-01T18:00:00Z,b"));
      assertThat(r.reason()).isEqualTo(Reason.MALFORMED_CSV);
      assertThat(r.message()).contains("repeats column 'sku'");
    }

    @Test
    void headerNamesAreTrimmedAndColumnsMayComeInAnyOrder() {
      accepted(validator.validateCsv(FILE, 7, "available_qty , sku,ts", "3,sku1,2026-03-01T18:00:00Z"));
    }
  }

  @Nested
  class Defaults {
    @Test
    void replayDefaultsToFalse() {
      Accepted a = accepted(json(viewerEvent()));
      assertThat(value(a, Entities.VIEWER_EVENTS, "replay")).isEqualTo(false);
    }

    @Test
    void orderLineNoDefaultsToSkuAndStatusToPlaced() {
      Accepted a = accepted(json(order()));
      assertThat(value(a, Entities.ORDERS, "line_no")).isEqualTo("sku1");
      assertThat(value(a, Entities.ORDERS, "status")).isEqualTo("placed");
      assertThat(value(a, Entities.ORDERS, "unit_price")).isEqualTo(new BigDecimal("19.9900000000"));
    }

    @Test
    void moneyIsADecimalNumberOfAnyScale() {
      // Kept exactly up to the column's scale (10 for prices, 14 for rates), HALF_UP beyond it; never refused.
      assertThat(value(accepted(json(order().with("unit_price", "9.99999"))), Entities.ORDERS, "unit_price"))
          .isEqualTo(new BigDecimal("9.9999900000"));
      assertThat(value(accepted(json(order().with("unit_price", "1.00000000005"))), Entities.ORDERS, "unit_price"))
          .isEqualTo(new BigDecimal("1.0000000001"));
      assertThat(value(accepted(json(fxRate().with("rate_to_reporting", 0.9211495946941234))), Entities.FX_RATES,
          "rate_to_reporting")).isEqualTo(new BigDecimal("0.92114959469412"));
    }

    @Test
    void explicitDefaultsHashLikeAbsentOnes() {
      assertThat(accepted(json(order().with("line_no", "sku1").with("status", "placed"))).hash())
          .isEqualTo(accepted(json(order())).hash());
    }

    @Test
    void typedOptionalValues() {
      Accepted a = accepted(json(show()));
      assertThat(value(a, Entities.SHOWS, "featured_skus")).isEqualTo(List.of("sku1", "sku2"));
      Accepted e = accepted(csv(experiment()));
      assertThat(value(e, Entities.EXPERIMENTS, "expected_split")).isEqualTo(Map.of("holdout", 0.5, "push", 0.5));
      Accepted f = accepted(json(fxRate()));
      assertThat(value(f, Entities.FX_RATES, "date")).isEqualTo(LocalDate.of(2026, 3, 1));
    }
  }

  @Nested
  class ExtrasAndHash {
    @Test
    void unknownFieldsAreKeptAsSortedJson() {
      Accepted a = accepted(json(viewerEvent().with("zeta", 1).with("alpha", Map.of("b", 2, "a", "x")).with("gone", null)));
      assertThat(a.extraJson()).isEqualTo("{\"alpha\":{\"a\":\"x\",\"b\":2},\"zeta\":1}");
    }

    @Test
    void noExtrasGiveNull() {
      assertThat(accepted(json(viewerEvent())).extraJson()).isNull();
    }

    @Test
    void extrasArePartOfTheContent() {
      assertThat(accepted(json(viewerEvent().with("campaign", "spring"))).hash())
          .isNotEqualTo(accepted(json(viewerEvent())).hash());
    }

    @Test
    void hashIgnoresOffsetNotationKeyOrderAndTrailingZeros() {
      String a = accepted(json(order())).hash();
      String b = accepted(json(order().with("ts", "2026-03-01T19:10:00.000+01:00").with("unit_price", 19.990))).hash();
      assertThat(b).isEqualTo(a);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
      assertThat(accepted(json(order().with("quantity", 3))).hash()).isNotEqualTo(accepted(json(order())).hash());
    }
  }
}
