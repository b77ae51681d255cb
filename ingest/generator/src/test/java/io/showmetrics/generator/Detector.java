package io.showmetrics.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-detects planted faults in a landing folder with simple, independent checks (not the generator's code),
 * classifying each record as good, a duplicate, or bad with one reason code.
 */
final class Detector {

    static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP");
    static final Map<Entity, Set<String>> TYPES = Map.of(
        Entity.VIEWER_EVENTS, Set.of("join", "heartbeat", "leave"),
        Entity.CHAT_EVENTS, Set.of("message", "reaction", "question", "share", "poll_vote"),
        Entity.PLAYER_EVENTS, Set.of("product_click", "add_to_cart"),
        Entity.SHOW_MOMENTS, Set.of("product_pin", "promo", "giveaway", "quiz", "guest"));
    static final Set<String> ORDER_CHANNELS = Set.of("live", "web", "app", "store");
    static final Set<String> ORDER_STATUSES = Set.of("placed", "cancelled", "returned");
    static final List<String> ID_FIELDS = List.of("event_id", "order_id", "visit_id", "show_id", "viewer_id",
        "customer_id", "experiment_id", "store_id");
    static final List<Entity> EVENT_ENTITIES = List.of(Entity.VIEWER_EVENTS, Entity.CHAT_EVENTS, Entity.PLAYER_EVENTS);

    /** Counts per entity: reason code (or "duplicate", "good") to number of records. */
    static Map<Entity, Map<String, Long>> classify(Path root) {
        Map<Entity, Map<String, Long>> out = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Set<String> seenLines = new HashSet<>();
            Map<String, String> seenIds = new HashMap<>();
            for (Landing.Row row : Landing.rows(root, e)) {
                String reason = fault(e, row);
                if (reason == null) {
                    String content = row.raw();
                    if (!seenLines.add(row.file() + "|" + content)) {
                        reason = "duplicate";
                    } else if (EVENT_ENTITIES.contains(e)) {
                        String prev = seenIds.putIfAbsent(row.get(e.idField), content);
                        reason = prev != null && !prev.equals(content) ? "conflicting_id" : "good";
                    } else {
                        reason = "good";
                    }
                }
                counts.merge(reason, 1L, Long::sum);
            }
            out.put(e, counts);
        }
        return out;
    }

    /** The fault of a record, or null when it passes every rule. */
    static String fault(Entity e, Landing.Row row) {
        if (row.unparseable()) {
            return row.columnCount() >= 0 ? "malformed_csv" : "malformed_json";
        }
        for (String f : e.required) {
            String v = row.get(f);
            if (v == null || v.isEmpty()) {
                return "missing_field";
            }
        }
        for (String f : ID_FIELDS) {
            String v = row.get(f);
            if (v != null && v.length() > 128) {
                return "bad_identifier";
            }
        }
        for (String f : row.fields().keySet()) {
            if (!Entity.isTimestampField(f)) {
                continue;
            }
            try {
                OffsetDateTime t = OffsetDateTime.parse(row.get(f));
                if (t.getYear() > 2028) {
                    return "future_timestamp";
                }
            } catch (DateTimeParseException ex) {
                return "bad_timestamp";
            }
        }
        Set<String> types = TYPES.get(e);
        if (types != null && !types.contains(row.get("type"))) {
            return "unknown_value";
        }
        if (e == Entity.ORDERS) {
            if (!ORDER_CHANNELS.contains(row.get("channel"))
                || (row.get("status") != null && !ORDER_STATUSES.contains(row.get("status")))) {
                return "unknown_value";
            }
            if (Integer.parseInt(row.get("quantity")) < 0 || new BigDecimal(row.get("unit_price")).signum() < 0) {
                return "negative_value";
            }
            if (!CURRENCIES.contains(row.get("currency"))) {
                return "unknown_currency";
            }
        }
        return null;
    }
}
