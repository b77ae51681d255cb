package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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

/**
 * The planted effects are there at a small scale, and the truth file's realised figures can be recomputed
 * independently from the landing files (with the bad records the default rate plants in them).
 */
class PlantedTruthTest {

    @TempDir
    static Path root;
    static JsonNode truth;
    static Map<Entity, List<Landing.Row>> good = new HashMap<>();

    @BeforeAll
    static void generate() {
        Generator.generate(GeneratorOptions.defaults(root).withScale(0.03), GenerationListener.NONE);
        truth = Landing.truth(root);
        for (Entity e : List.of(Entity.SHOWS, Entity.ORDERS, Entity.ASSIGNMENTS, Entity.STORE_VISITS,
            Entity.VIEWER_EVENTS, Entity.CHAT_EVENTS, Entity.PLAYER_EVENTS, Entity.STOCK, Entity.FX_RATES)) {
            List<Landing.Row> rows = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Landing.Row r : Landing.rows(root, e)) {
                // Keep the first copy of an event id: a later conflicting copy is quarantined.
                boolean firstId = !Detector.EVENT_ENTITIES.contains(e) || ids.add(r.get(e.idField));
                if (Detector.fault(e, r) == null && seen.add(r.raw()) && firstId) {
                    rows.add(r);
                }
            }
            good.put(e, rows);
        }
    }

    private static JsonNode realised(String experiment, String variant) {
        return truth.path("experiments").path(experiment).path("realised").path("variants").path(variant);
    }

    @Nested
    class Effects {

        @Test
        void pushArmConvertsAndVisitsStoresMoreThanTheHoldout() {
            JsonNode push = realised("EXP-PUSH-HOLDOUT", "push");
            JsonNode hold = realised("EXP-PUSH-HOLDOUT", "holdout");
            double conversionLift = push.path("conversion_rate").asDouble() - hold.path("conversion_rate").asDouble();
            double visitLift = push.path("visit_rate").asDouble() - hold.path("visit_rate").asDouble();
            assertThat(conversionLift).isBetween(0.015, 0.065);
            assertThat(visitLift).isBetween(0.015, 0.065);
        }

        @Test
        void onlyTheSampleRatioExperimentIsFlagged() {
            JsonNode e = truth.path("experiments");
            assertThat(e.path("EXP-CHECKOUT-SRM").path("realised").path("srm").path("p_value").asDouble()).isLessThan(0.001);
            assertThat(e.path("EXP-PUSH-HOLDOUT").path("realised").path("srm").path("p_value").asDouble()).isGreaterThan(0.001);
            assertThat(e.path("EXP-HOST-ABC").path("realised").path("srm").path("p_value").asDouble()).isGreaterThan(0.001);
        }

        @Test
        void hostTestArmsConvertAlike() {
            double a = realised("EXP-HOST-ABC", "host_a").path("conversion_rate").asDouble();
            double b = realised("EXP-HOST-ABC", "host_b").path("conversion_rate").asDouble();
            double c = realised("EXP-HOST-ABC", "host_c").path("conversion_rate").asDouble();
            assertThat(b).isCloseTo(a, within(0.04));
            assertThat(c).isCloseTo(a, within(0.04));
            assertThat(truth.path("experiments").path("EXP-HOST-ABC").path("planted").path("true_conversion_difference")
                .asDouble()).isZero();
        }

        @Test
        void preperiodSpendingPredictsSpendingSoCupedReducesVariance() {
            JsonNode cuped = truth.path("experiments").path("EXP-PUSH-HOLDOUT").path("realised").path("cuped_pre_period")
                .path("push_vs_holdout");
            assertThat(cuped.path("revenue").path("variance_reduction").asDouble()).isGreaterThan(0.05);
            assertThat(cuped.path("conversion").path("variance_reduction").asDouble()).isGreaterThan(0.02);
        }

        @Test
        void genZViewersRetainBetterThanTheRest() {
            JsonNode first = truth.path("retention").path("realised");
            double genZ = first.path("gen_z").get(0).path("rate").get(1).asDouble();
            double rest = first.path("not_gen_z").get(0).path("rate").get(1).asDouble();
            assertThat(genZ).isGreaterThan(rest + 0.05);
            assertThat(rest).isCloseTo(Model.RETENTION_A, within(0.08));
        }

        @Test
        void theEffectHostsShowsConvertBetterThanTheOtherHostsShows() {
            JsonNode realised = truth.path("host_effect").path("realised");
            assertThat(truth.path("host_effect").path("host").asText()).isEqualTo(Model.HOST_EFFECT_HOST);
            assertThat(realised.path("host").path("shows").asInt()).isPositive();
            double host = realised.path("host").path("conversion_rate_24h").asDouble();
            double others = realised.path("other_hosts").path("conversion_rate_24h").asDouble();
            // About others + 0.10 x (1 - others): at least half of the planted probability must show.
            assertThat(host - others).isGreaterThan(Model.HOST_EFFECT_EXTRA_PURCHASE / 2);
        }

        @Test
        void everyShowCarriesItsPlantedCostAndTheTruthItsReturn() {
            Map<String, String> costs = new HashMap<>();
            for (Landing.Row r : good.get(Entity.SHOWS)) {
                costs.put(r.get("show_id"), r.get("cost"));
            }
            for (JsonNode t : truth.path("shows")) {
                String id = t.path("show_id").asText();
                double minutes = (OffsetDateTime.parse(t.path("ends_at").asText()).toEpochSecond()
                    - OffsetDateTime.parse(t.path("starts_at").asText()).toEpochSecond()) / 60.0;
                double planted = Model.SHOW_COST_FIXED + Model.SHOW_COST_PER_MINUTE * minutes;
                assertThat(new BigDecimal(costs.get(id)).doubleValue()).as(id).isEqualTo(planted);
                assertThat(t.path("cost").asDouble()).as(id).isEqualTo(planted);
                assertThat(t.path("roas_live").asDouble()).as(id)
                    .isCloseTo(t.path("live_gmv").asDouble() / planted, within(1e-4));
                assertThat(t.path("roas_24h").asDouble()).as(id)
                    .isCloseTo(t.path("gmv_24h").asDouble() / planted, within(1e-4));
            }
        }

        @Test
        void someCustomersVisitAStoreOnlyAfterSeveralShows() {
            assertThat(truth.path("store_visits").path("after_several_shows").path("customers_with_such_visit").asInt())
                .isPositive();
        }
    }

    @Nested
    class RecomputedFromFiles {

        @Test
        void experimentConversionsAndStoreVisitsPerVariant() {
            Set<String> removed = new HashSet<>();
            for (Landing.Row r : good.get(Entity.ORDERS)) {
                if (r.get("status") != null && !r.get("status").equals("placed")) {
                    removed.add(lineKey(r));
                }
            }
            for (String exp : List.of("EXP-CHECKOUT-SRM", "EXP-PUSH-HOLDOUT", "EXP-HOST-ABC")) {
                JsonNode e = truth.path("experiments").path(exp);
                OffsetDateTime convEnd = OffsetDateTime.parse(e.path("conversion_window_end").asText());
                OffsetDateTime visitEnd = OffsetDateTime.parse(e.path("visit_window_end").asText());
                Map<String, Landing.Row> first = new HashMap<>();
                for (Landing.Row r : good.get(Entity.ASSIGNMENTS)) {
                    if (exp.equals(r.get("experiment_id"))) {
                        first.merge(r.get("customer_id"), r, (a, b) -> ts(a).isAfter(ts(b)) ? b : a);
                    }
                }
                Map<String, Set<String>> converted = new HashMap<>();
                for (Landing.Row r : good.get(Entity.ORDERS)) {
                    Landing.Row a = r.get("customer_id") == null ? null : first.get(r.get("customer_id"));
                    boolean placed = r.get("status") == null || r.get("status").equals("placed");
                    if (a != null && placed && !removed.contains(lineKey(r)) && !ts(r).isBefore(ts(a))
                        && ts(r).isBefore(convEnd)) {
                        converted.computeIfAbsent(a.get("variant"), k -> new HashSet<>()).add(r.get("customer_id"));
                    }
                }
                Map<String, Set<String>> visited = new HashMap<>();
                for (Landing.Row r : good.get(Entity.STORE_VISITS)) {
                    Landing.Row a = first.get(r.get("customer_id"));
                    if (a != null && !ts(r).isBefore(ts(a)) && ts(r).isBefore(visitEnd)) {
                        visited.computeIfAbsent(a.get("variant"), k -> new HashSet<>()).add(r.get("customer_id"));
                    }
                }
                e.path("variants").forEach(v -> {
                    String variant = v.asText();
                    JsonNode t = realised(exp, variant);
                    long n = first.values().stream().filter(a -> a.get("variant").equals(variant)).count();
                    assertThat(n).as(exp + " " + variant + " n").isEqualTo(t.path("n").asLong());
                    assertThat(converted.getOrDefault(variant, Set.of())).as(exp + " " + variant + " converted")
                        .hasSize(t.path("converted").asInt());
                    assertThat(visited.getOrDefault(variant, Set.of())).as(exp + " " + variant + " visited")
                        .hasSize(t.path("visited_store").asInt());
                });
            }
        }

        @Test
        void liveOrdersAndNetLiveGmvPerShow() {
            Set<String> removed = new HashSet<>();
            for (Landing.Row r : good.get(Entity.ORDERS)) {
                if (r.get("status") != null && !r.get("status").equals("placed")) {
                    removed.add(lineKey(r));
                }
            }
            Map<String, BigDecimal> fx = new HashMap<>();
            for (Landing.Row r : good.get(Entity.FX_RATES)) {
                fx.put(r.get("currency") + "|" + r.get("date"), new BigDecimal(r.get("rate_to_reporting")));
            }
            Map<String, Set<String>> orders = new HashMap<>();
            Map<String, Double> gmv = new HashMap<>();
            for (Landing.Row r : good.get(Entity.ORDERS)) {
                boolean placed = r.get("status") == null || r.get("status").equals("placed");
                if (r.get("show_id") == null || !placed || removed.contains(lineKey(r))) {
                    continue;
                }
                orders.computeIfAbsent(r.get("show_id"), k -> new HashSet<>()).add(r.get("order_id"));
                BigDecimal rate = r.get("currency").equals("EUR") ? BigDecimal.ONE
                    : fx.get(r.get("currency") + "|" + ts(r).toInstant().toString().substring(0, 10));
                gmv.merge(r.get("show_id"), new BigDecimal(r.get("unit_price")).multiply(new BigDecimal(r.get("quantity")))
                    .multiply(rate).doubleValue(), Double::sum);
            }
            for (JsonNode s : truth.path("shows")) {
                String id = s.path("show_id").asText();
                assertThat(orders.getOrDefault(id, Set.of())).as(id).hasSize(s.path("live_orders").asInt());
                assertThat(gmv.getOrDefault(id, 0.0)).as(id).isCloseTo(s.path("live_gmv").asDouble(), within(0.02));
            }
        }

        @Test
        void uniqueAndIdentifiedViewersPerShow() {
            Map<String, Set<String>> viewers = new HashMap<>();
            Map<String, Set<String>> customers = new HashMap<>();
            for (Landing.Row r : good.get(Entity.VIEWER_EVENTS)) {
                if ("true".equals(r.get("replay"))) {
                    continue;
                }
                viewers.computeIfAbsent(r.get("show_id"), k -> new HashSet<>()).add(r.get("viewer_id"));
                if (r.get("customer_id") != null) {
                    customers.computeIfAbsent(r.get("show_id"), k -> new HashSet<>()).add(r.get("customer_id"));
                }
            }
            for (JsonNode s : truth.path("shows")) {
                String id = s.path("show_id").asText();
                assertThat(viewers.get(id)).as(id).hasSize(s.path("unique_viewers").asInt());
                assertThat(customers.get(id)).as(id).hasSize(s.path("identified_viewers").asInt());
                assertThat(s.path("attending_customers_planned").asInt()).isEqualTo(s.path("identified_viewers").asInt());
                assertThat(s.path("peak_concurrent_viewers").asInt()).isBetween(1, s.path("unique_viewers").asInt());
            }
        }

        @Test
        void returningViewerRateAndNextShowRetention() {
            Map<String, Set<String>> customers = new HashMap<>();
            for (Landing.Row r : good.get(Entity.VIEWER_EVENTS)) {
                if (!"true".equals(r.get("replay")) && r.get("customer_id") != null) {
                    customers.computeIfAbsent(r.get("show_id"), k -> new HashSet<>()).add(r.get("customer_id"));
                }
            }
            Map<String, JsonNode> shows = new HashMap<>();
            for (Landing.Row r : good.get(Entity.SHOWS)) {
                shows.put(r.get("show_id"), Landing.asJson(r));
            }
            for (JsonNode t : truth.path("shows")) {
                String id = t.path("show_id").asText();
                OffsetDateTime start = OffsetDateTime.parse(shows.get(id).path("starts_at").asText());
                OffsetDateTime end = OffsetDateTime.parse(shows.get(id).path("ends_at").asText());
                Set<String> earlier = new HashSet<>();
                Set<String> later = new HashSet<>();
                for (Map.Entry<String, Set<String>> o : customers.entrySet()) {
                    OffsetDateTime oStart = OffsetDateTime.parse(shows.get(o.getKey()).path("starts_at").asText());
                    if (oStart.isBefore(start)) {
                        earlier.addAll(o.getValue());
                    }
                    if (!o.getKey().equals(id) && !oStart.isBefore(end) && oStart.isBefore(end.plusDays(30))) {
                        later.addAll(o.getValue());
                    }
                }
                Set<String> mine = customers.get(id);
                double returning = mine.stream().filter(earlier::contains).count() / (double) mine.size();
                double retained = mine.stream().filter(later::contains).count() / (double) mine.size();
                assertThat(returning).as(id).isCloseTo(t.path("returning_viewer_rate").asDouble(), within(1e-6));
                assertThat(retained).as(id).isCloseTo(t.path("next_show_retention").asDouble(), within(1e-6));
            }
        }

        @Test
        void presenceEngagementFunnelAndBuyersWithin24Hours() {
            Map<String, JsonNode> shows = new HashMap<>();
            for (Landing.Row r : good.get(Entity.SHOWS)) {
                shows.put(r.get("show_id"), Landing.asJson(r));
            }
            Map<String, Map<String, List<long[]>>> events = new HashMap<>();
            Map<String, String> customerOf = new HashMap<>();
            for (Landing.Row r : good.get(Entity.VIEWER_EVENTS)) {
                if ("true".equals(r.get("replay"))) {
                    continue;
                }
                long order = switch (r.get("type")) {
                    case "heartbeat" -> 0;
                    case "leave" -> 1;
                    default -> 2;
                };
                events.computeIfAbsent(r.get("show_id"), k -> new HashMap<>())
                    .computeIfAbsent(r.get("viewer_id"), k -> new ArrayList<>()).add(new long[] {ms(r), order});
                if (r.get("customer_id") != null) {
                    customerOf.put(r.get("viewer_id"), r.get("customer_id"));
                }
            }
            Map<String, List<double[]>> netLines = netLinesByCustomer();
            for (JsonNode t : truth.path("shows")) {
                String id = t.path("show_id").asText();
                long from = OffsetDateTime.parse(shows.get(id).path("starts_at").asText()).toInstant().toEpochMilli();
                long end = OffsetDateTime.parse(shows.get(id).path("ends_at").asText()).toInstant().toEpochMilli();
                long to = end + 15 * 60_000L;
                List<long[]> sweep = new ArrayList<>();
                long watched = 0;
                int viewers = 0;
                Map<String, Long> firstByCustomer = new HashMap<>();
                for (Map.Entry<String, List<long[]>> v : events.get(id).entrySet()) {
                    List<long[]> iv = SpecPresence.intervals(v.getValue(), from, to);
                    if (iv.isEmpty()) {
                        continue;
                    }
                    viewers++;
                    for (long[] x : iv) {
                        watched += x[1] - x[0];
                        sweep.add(new long[] {x[0], 1});
                        sweep.add(new long[] {x[1], -1});
                    }
                    String c = customerOf.get(v.getKey());
                    if (c != null) {
                        firstByCustomer.merge(c, iv.get(0)[0], Math::min);
                    }
                }
                sweep.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
                int cur = 0;
                int peak = 0;
                long peakAt = 0;
                for (long[] x : sweep) {
                    cur += (int) x[1];
                    if (cur > peak) {
                        peak = cur;
                        peakAt = x[0];
                    }
                }
                assertThat(viewers).as(id).isEqualTo(t.path("unique_viewers").asInt());
                assertThat(peak).as(id).isEqualTo(t.path("peak_concurrent_viewers").asInt());
                assertThat(peakAt).as(id).isEqualTo(OffsetDateTime.parse(t.path("peak_at").asText()).toInstant().toEpochMilli());
                assertThat(watched / 1000.0 / viewers).as(id).isCloseTo(t.path("avg_watch_seconds").asDouble(), within(0.001));
                int buyers = 0;
                double gmv = 0;
                for (Map.Entry<String, Long> f : firstByCustomer.entrySet()) {
                    boolean bought = false;
                    for (double[] l : netLines.getOrDefault(f.getKey(), List.of())) {
                        if (l[0] >= f.getValue() && l[0] < end + 86_400_000L) {
                            bought = true;
                            gmv += l[1];
                        }
                    }
                    buyers += bought ? 1 : 0;
                }
                assertThat(buyers).as(id).isEqualTo(t.path("buyers_24h").asInt());
                assertThat(gmv).as(id).isCloseTo(t.path("gmv_24h").asDouble(), within(0.02));
                assertFunnel(id, from, to, t);
            }
        }

        private void assertFunnel(String id, long from, long to, JsonNode t) {
            Set<String> engaged = new HashSet<>();
            Map<String, Integer> byType = new HashMap<>();
            for (Landing.Row r : good.get(Entity.CHAT_EVENTS)) {
                if (id.equals(r.get("show_id")) && ms(r) >= from && ms(r) < to) {
                    engaged.add(r.get("viewer_id"));
                    byType.merge(r.get("type"), 1, Integer::sum);
                }
            }
            Set<String> clickers = new HashSet<>();
            Set<String> carters = new HashSet<>();
            for (Landing.Row r : good.get(Entity.PLAYER_EVENTS)) {
                if (id.equals(r.get("show_id")) && ms(r) >= from && ms(r) < to) {
                    (r.get("type").equals("product_click") ? clickers : carters).add(r.get("viewer_id"));
                }
            }
            assertThat(engaged).as(id).hasSize(t.path("engaged_viewers").asInt());
            assertThat(byType.getOrDefault("message", 0)).as(id).isEqualTo(t.path("chat_messages").asInt());
            assertThat(byType.getOrDefault("reaction", 0)).as(id).isEqualTo(t.path("reactions").asInt());
            assertThat(byType.getOrDefault("question", 0)).as(id).isEqualTo(t.path("questions").asInt());
            assertThat(byType.getOrDefault("share", 0)).as(id).isEqualTo(t.path("shares").asInt());
            assertThat(clickers).as(id).hasSize(t.path("product_clickers").asInt());
            assertThat(carters).as(id).hasSize(t.path("carters").asInt());
        }

        private Map<String, List<double[]>> netLinesByCustomer() {
            Set<String> removed = new HashSet<>();
            for (Landing.Row r : good.get(Entity.ORDERS)) {
                if (r.get("status") != null && !r.get("status").equals("placed")) {
                    removed.add(lineKey(r));
                }
            }
            Map<String, BigDecimal> fx = new HashMap<>();
            for (Landing.Row r : good.get(Entity.FX_RATES)) {
                fx.put(r.get("currency") + "|" + r.get("date"), new BigDecimal(r.get("rate_to_reporting")));
            }
            Map<String, List<double[]>> out = new HashMap<>();
            for (Landing.Row r : good.get(Entity.ORDERS)) {
                boolean placed = r.get("status") == null || r.get("status").equals("placed");
                if (r.get("customer_id") == null || !placed || removed.contains(lineKey(r))) {
                    continue;
                }
                BigDecimal rate = r.get("currency").equals("EUR") ? BigDecimal.ONE
                    : fx.get(r.get("currency") + "|" + ts(r).toInstant().toString().substring(0, 10));
                double eur = new BigDecimal(r.get("unit_price")).multiply(new BigDecimal(r.get("quantity"))).multiply(rate)
                    .doubleValue();
                out.computeIfAbsent(r.get("customer_id"), k -> new ArrayList<>()).add(new double[] {ms(r), eur});
            }
            return out;
        }

        @Test
        void stockoutMinutesFromTheLatestOnlineStockRow() {
            Map<String, List<Landing.Row>> bySku = new HashMap<>();
            for (Landing.Row r : good.get(Entity.STOCK)) {
                if (r.get("store_id") == null) {
                    bySku.computeIfAbsent(r.get("sku"), k -> new ArrayList<>()).add(r);
                }
            }
            bySku.values().forEach(l -> l.sort((a, b) -> ts(a).compareTo(ts(b))));
            Map<String, JsonNode> shows = new HashMap<>();
            for (Landing.Row r : good.get(Entity.SHOWS)) {
                shows.put(r.get("show_id"), Landing.asJson(r));
            }
            int withStockout = 0;
            for (JsonNode s : truth.path("shows")) {
                JsonNode show = shows.get(s.path("show_id").asText());
                long from = OffsetDateTime.parse(show.path("starts_at").asText()).toInstant().toEpochMilli();
                long to = OffsetDateTime.parse(show.path("ends_at").asText()).toInstant().toEpochMilli() + 15 * 60_000L;
                List<long[]> zero = new ArrayList<>();
                for (JsonNode sku : show.path("featured_skus")) {
                    List<Landing.Row> rows = bySku.getOrDefault(sku.asText(), List.of());
                    for (int i = 0; i < rows.size(); i++) {
                        if (Integer.parseInt(rows.get(i).get("available_qty")) <= 0) {
                            long a = ts(rows.get(i)).toInstant().toEpochMilli();
                            long b = i + 1 < rows.size() ? ts(rows.get(i + 1)).toInstant().toEpochMilli() : Long.MAX_VALUE;
                            zero.add(new long[] {Math.max(a, from), Math.min(b, to)});
                        }
                    }
                }
                zero.removeIf(iv -> iv[1] <= iv[0]);
                zero.sort((x, y) -> Long.compare(x[0], y[0]));
                long total = 0;
                long end = Long.MIN_VALUE;
                for (long[] iv : zero) {
                    long a = Math.max(iv[0], end);
                    if (iv[1] > a) {
                        total += iv[1] - a;
                    }
                    end = Math.max(end, iv[1]);
                }
                double minutes = total / 60_000.0;
                withStockout += minutes > 0 ? 1 : 0;
                assertThat(minutes).as(s.path("show_id").asText()).isCloseTo(s.path("stockout_minutes").asDouble(),
                    within(1e-6));
            }
            assertThat(withStockout).isPositive();
        }
    }

    private static String lineKey(Landing.Row r) {
        return r.get("order_id") + "|" + (r.get("line_no") != null ? r.get("line_no") : r.get("sku"));
    }

    private static long ms(Landing.Row r) {
        return ts(r).toInstant().toEpochMilli();
    }

    private static OffsetDateTime ts(Landing.Row r) {
        String v = r.get("ts") != null ? r.get("ts") : r.get("assigned_at");
        return OffsetDateTime.parse(v);
    }
}
