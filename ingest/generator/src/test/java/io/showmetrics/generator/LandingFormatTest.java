package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The landing folder written with no planted faults follows SPEC section 1 record by record. */
class LandingFormatTest {

    @TempDir
    static Path root;
    static Map<Entity, List<Landing.Row>> rows = new HashMap<>();

    @BeforeAll
    static void generate() {
        // 37 days reach the experiments' assignment days; no bad records, so every record must be good.
        Generator.generate(GeneratorOptions.defaults(root).withScale(0.005).withDays(37).withBadRate(0),
            GenerationListener.NONE);
        for (Entity e : Entity.values()) {
            rows.put(e, Landing.rows(root, e));
        }
    }

    @Test
    void writesEveryEntityFolderAndTruthAtTheRoot() {
        for (Entity e : Entity.values()) {
            assertThat(rows.get(e)).as(e.folder).isNotEmpty();
        }
        assertThat(root.resolve("truth.json")).isRegularFile();
    }

    @Test
    void everyRecordHasTheRequiredFieldsAndPassesEveryRule() {
        for (Entity e : Entity.values()) {
            for (Landing.Row r : rows.get(e)) {
                assertThat(Detector.fault(e, r)).as(r.file() + ":" + r.line() + " " + r.raw()).isNull();
            }
        }
    }

    @Test
    void noDuplicatesOrConflictsWithoutABadRate() {
        for (Map.Entry<Entity, Map<String, Long>> e : Detector.classify(root).entrySet()) {
            assertThat(e.getValue().keySet()).as(e.getKey().folder).containsOnly("good");
        }
    }

    @Test
    void timestampsCarryZOrAnOffsetAndSomeUseTheParisOffset() {
        Set<String> offsets = new HashSet<>();
        for (Landing.Row r : rows.get(Entity.VIEWER_EVENTS)) {
            offsets.add(OffsetDateTime.parse(r.get("ts")).getOffset().getId());
        }
        assertThat(offsets).contains("Z").containsAnyOf("+02:00", "+01:00");
    }

    /** A day's folder holds only that UTC day's records, so copying one new day's folders adds exactly that day. */
    @Test
    void everyTimestampLiesInTheUtcDayOfItsFolder() {
        for (Entity e : List.of(Entity.VIEWER_EVENTS, Entity.CHAT_EVENTS, Entity.PLAYER_EVENTS, Entity.ORDERS,
            Entity.STORE_VISITS, Entity.STOCK, Entity.SHOW_MOMENTS, Entity.SHOWS)) {
            for (Landing.Row r : rows.get(e)) {
                String folder = r.file().getParent().getFileName().toString();
                String ts = r.get(e == Entity.SHOWS ? "starts_at" : "ts");
                assertThat(folder).as(r.file() + ":" + r.line())
                    .isEqualTo("dt=" + OffsetDateTime.parse(ts).toInstant().toString().substring(0, 10));
            }
        }
    }

    @Test
    void fileLayoutMixesFormatsAndCompression() {
        assertThat(Landing.files(root, Entity.VIEWER_EVENTS)).allMatch(p -> p.toString().endsWith(".jsonl.gz"))
            .anyMatch(p -> p.toString().contains("/dt=2026-09-08/"));
        assertThat(Landing.files(root, Entity.CHAT_EVENTS)).allMatch(p -> p.toString().endsWith(".csv.gz"));
        assertThat(Landing.files(root, Entity.ORDERS)).allMatch(p -> p.toString().endsWith(".csv.gz"));
        assertThat(Landing.files(root, Entity.SHOWS)).anyMatch(p -> p.toString().endsWith(".jsonl"))
            .anyMatch(p -> p.toString().endsWith(".csv"));
        assertThat(Landing.files(root, Entity.CUSTOMERS)).anyMatch(p -> p.toString().endsWith(".csv"))
            .anyMatch(p -> p.toString().endsWith("base/customers.csv.gz"));
    }

    @Nested
    class ViewerSessions {

        @Test
        void heartbeatsFollowEachOtherEvery30SecondsWithinASession() {
            Map<String, List<Landing.Row>> byViewer = new HashMap<>();
            for (Landing.Row r : rows.get(Entity.VIEWER_EVENTS)) {
                if (r.get("replay") == null || r.get("replay").equals("false")) {
                    byViewer.computeIfAbsent(r.get("show_id") + "|" + r.get("viewer_id"), k -> new ArrayList<>()).add(r);
                }
            }
            long checked = 0;
            for (List<Landing.Row> events : byViewer.values()) {
                events.sort((a, b) -> OffsetDateTime.parse(a.get("ts")).compareTo(OffsetDateTime.parse(b.get("ts"))));
                OffsetDateTime last = null;
                for (Landing.Row e : events) {
                    OffsetDateTime t = OffsetDateTime.parse(e.get("ts"));
                    String type = e.get("type");
                    if ("heartbeat".equals(type) && last != null) {
                        assertThat(java.time.Duration.between(last, t).toMillis()).isEqualTo(30_000L);
                        checked++;
                    }
                    last = "leave".equals(type) ? null : t;
                }
            }
            assertThat(checked).isGreaterThan(1000);
        }

        @Test
        void includeLobbyJoinsGraceStaysMissingLeavesRejoinsAndReplays() {
            Map<String, JsonNode> shows = showsById();
            boolean lobby = false;
            boolean grace = false;
            boolean replay = false;
            Map<String, Integer> joins = new HashMap<>();
            Map<String, Integer> leaves = new HashMap<>();
            for (Landing.Row r : rows.get(Entity.VIEWER_EVENTS)) {
                JsonNode s = shows.get(r.get("show_id"));
                OffsetDateTime t = OffsetDateTime.parse(r.get("ts"));
                if ("true".equals(r.get("replay"))) {
                    replay = true;
                    continue;
                }
                lobby |= t.isBefore(OffsetDateTime.parse(s.path("starts_at").asText()));
                grace |= t.isAfter(OffsetDateTime.parse(s.path("ends_at").asText()).plusMinutes(2));
                String key = r.get("show_id") + "|" + r.get("viewer_id");
                if ("join".equals(r.get("type"))) {
                    joins.merge(key, 1, Integer::sum);
                } else if ("leave".equals(r.get("type"))) {
                    leaves.merge(key, 1, Integer::sum);
                }
            }
            assertThat(lobby).isTrue();
            assertThat(grace).isTrue();
            assertThat(replay).isTrue();
            assertThat(joins.values()).anyMatch(n -> n >= 2);
            assertThat(joins.keySet()).anyMatch(k -> !leaves.containsKey(k));
            assertThat(rows.get(Entity.VIEWER_EVENTS)).anyMatch(r -> r.get("customer_id") == null)
                .anyMatch(r -> r.get("customer_id") != null);
            Set<String> channels = new HashSet<>();
            rows.get(Entity.VIEWER_EVENTS).forEach(r -> channels.add(r.get("channel")));
            assertThat(channels).contains("web", "app", "facebook", "instagram", "tiktok", "youtube");
        }
    }

    @Nested
    class Csv {

        @Test
        void everyCsvRowHasTheHeadersColumnCount() {
            for (Entity e : Entity.values()) {
                for (Landing.Row r : rows.get(e)) {
                    if (r.columnCount() >= 0) {
                        assertThat(r.columnCount()).as(r.file() + ":" + r.line()).isEqualTo(r.headerCount());
                    }
                }
            }
        }

        @Test
        void chatTextKeepsCommasAndQuotesThroughARealCsvParser() {
            assertThat(rows.get(Entity.CHAT_EVENTS)).anyMatch(r -> r.get("text") != null && r.get("text").contains(","))
                .anyMatch(r -> r.get("text") != null && r.get("text").contains("\""));
            for (Landing.Row r : rows.get(Entity.CHAT_EVENTS)) {
                String text = r.get("text");
                if (text != null && text.contains("\"")) {
                    assertThat(List.of(Catalog.MESSAGES, Catalog.QUESTIONS)).as(text)
                        .anyMatch(options -> List.of(options).contains(text.strip()));
                    assertThat(r.raw()).contains(text.replace("\"", "\"\""));
                }
            }
        }

        @Test
        void featuredSkusAreJsonArraysInJsonlAndPipeSeparatedInCsv() {
            int csv = 0;
            for (Landing.Row r : rows.get(Entity.SHOWS)) {
                String raw = r.raw();
                if (r.columnCount() >= 0) {
                    csv++;
                    assertThat(r.get("featured_skus")).matches("SKU-[A-Z]{3}-\\d{3}(\\|SKU-[A-Z]{3}-\\d{3}){2,5}");
                } else {
                    assertThat(readJson(raw).path("featured_skus").isArray()).isTrue();
                }
                assertThat(Landing.asJson(r).path("featured_skus").size()).isBetween(3, 6);
            }
            assertThat(csv).isPositive();
        }

        @Test
        void someOrderFilesCarryAnUnknownExtraColumn() {
            assertThat(Landing.files(root, Entity.ORDERS)).anyMatch(f -> List.of(Landing.header(f)).contains("coupon_code"));
        }
    }

    @Nested
    class OrderRows {

        @Test
        void cancelledAndReturnedRowsReferToAnEarlierPlacedLine() {
            Map<String, OffsetDateTime> placed = new HashMap<>();
            List<Landing.Row> status = new ArrayList<>();
            for (Landing.Row r : rows.get(Entity.ORDERS)) {
                String key = r.get("order_id") + "|" + (r.get("line_no") != null ? r.get("line_no") : r.get("sku"));
                String s = r.get("status");
                if (s == null || s.equals("placed")) {
                    placed.put(key, OffsetDateTime.parse(r.get("ts")));
                } else {
                    status.add(r);
                }
            }
            assertThat(status).anyMatch(r -> r.get("status").equals("cancelled"))
                .anyMatch(r -> r.get("status").equals("returned"));
            for (Landing.Row r : status) {
                String key = r.get("order_id") + "|" + (r.get("line_no") != null ? r.get("line_no") : r.get("sku"));
                assertThat(placed).as(key).containsKey(key);
                assertThat(OffsetDateTime.parse(r.get("ts"))).isAfter(placed.get(key));
            }
        }

        @Test
        void mixChannelsGuestsCurrenciesAndStores() {
            Set<String> channels = new HashSet<>();
            Set<String> currencies = new HashSet<>();
            boolean guest = false;
            boolean liveWithShow = true;
            for (Landing.Row r : rows.get(Entity.ORDERS)) {
                channels.add(r.get("channel"));
                currencies.add(r.get("currency"));
                guest |= r.get("customer_id") == null;
                if ("live".equals(r.get("channel"))) {
                    liveWithShow &= r.get("show_id") != null;
                }
                if ("store".equals(r.get("channel"))) {
                    assertThat(r.get("store_id")).isNotNull();
                }
            }
            assertThat(channels).containsExactlyInAnyOrder("live", "web", "app", "store");
            assertThat(currencies).containsExactlyInAnyOrder("EUR", "USD", "GBP");
            assertThat(guest).isTrue();
            assertThat(liveWithShow).isTrue();
        }

        @Test
        void fxRatesCoverEveryDayForEveryForeignCurrency() {
            Set<String> keys = new HashSet<>();
            for (Landing.Row r : rows.get(Entity.FX_RATES)) {
                keys.add(r.get("currency") + "|" + r.get("date"));
                assertThat(Double.parseDouble(r.get("rate_to_reporting"))).isBetween(0.8, 1.3);
            }
            assertThat(keys).hasSize(2 * 37);
        }
    }

    @Test
    void experimentsCarryExpectedSplitsAsJsonObjectsOrLeaveThemOut() {
        Map<String, JsonNode> exps = new HashMap<>();
        for (Path f : Landing.files(root, Entity.EXPERIMENTS)) {
            for (String line : Landing.lines(f)) {
                JsonNode n = readJson(line);
                exps.put(n.path("experiment_id").asText(), n);
            }
        }
        assertThat(exps).containsKeys("EXP-CHECKOUT-SRM", "EXP-PUSH-HOLDOUT");
        assertThat(exps.get("EXP-PUSH-HOLDOUT").path("expected_split").isObject()).isTrue();
        assertThat(exps.get("EXP-PUSH-HOLDOUT").path("expected_split").path("push").asDouble()).isEqualTo(0.7);
    }

    /** SPEC §1 "Closed and open vocabularies": the sample carries open labels no list holds. */
    @Test
    void someLabelsAreOutsideEveryListOfTheSpec() {
        Set<String> showChannels = values(Entity.SHOWS, "channel");
        assertThat(showChannels).contains("multistream", "whatnot", Labels.BRAND_SITE).contains("web", "app");
        assertThat(values(Entity.VIEWER_EVENTS, "channel")).contains("whatnot", "kick");
        assertThat(values(Entity.VIEWER_EVENTS, "device")).containsAnyOf(Labels.UNUSUAL_DEVICES).contains("mobile");
        assertThat(values(Entity.STORE_VISITS, "source")).contains(Labels.QR_SOURCE, "pos");
        assertThat(values(Entity.CUSTOMERS, "region")).contains(Labels.IDF_TEXT, Labels.IDF_CODE);
    }

    static Set<String> values(Entity entity, String field) {
        Set<String> out = new HashSet<>();
        rows.get(entity).forEach(r -> out.add(r.get(field)));
        return out;
    }

    @Test
    void customersSpanGenerationsAndSomeLackBirthYearOrRegion() {
        Set<Integer> decades = new HashSet<>();
        boolean missingYear = false;
        boolean missingRegion = false;
        for (Landing.Row r : rows.get(Entity.CUSTOMERS)) {
            if (r.get("birth_year") == null) {
                missingYear = true;
            } else {
                decades.add(Integer.parseInt(r.get("birth_year")) / 10 * 10);
            }
            missingRegion |= r.get("region") == null;
        }
        assertThat(decades).contains(1950, 1960, 1970, 1980, 1990, 2000);
        assertThat(missingYear).isTrue();
        assertThat(missingRegion).isTrue();
    }

    @Test
    void someStockRowsSellOutAndSomeBelongToStores() {
        assertThat(rows.get(Entity.STOCK)).anyMatch(r -> r.get("available_qty").equals("0") && r.get("store_id") == null)
            .anyMatch(r -> r.get("store_id") != null);
    }

    private static Map<String, JsonNode> showsById() {
        Map<String, JsonNode> out = new HashMap<>();
        for (Landing.Row r : rows.get(Entity.SHOWS)) {
            out.put(r.get("show_id"), Landing.asJson(r));
        }
        return out;
    }

    static JsonNode readJson(String line) {
        try {
            return Landing.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
