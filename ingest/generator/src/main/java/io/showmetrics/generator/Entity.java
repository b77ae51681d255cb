package io.showmetrics.generator;

import java.util.List;

/** The landing folder's entities (SPEC section 1): folder name, columns in file order, required fields. */
enum Entity {
    SHOWS("shows", "show_id", List.of("show_id", "title", "starts_at", "ends_at", "host", "experiment_id", "featured_skus", "channel",
        "cost"),
        List.of("show_id", "title", "starts_at", "ends_at")),
    CUSTOMERS("customers", "customer_id", List.of("customer_id", "birth_year", "region", "home_store_id", "signup_at"),
        List.of("customer_id")),
    VIEWER_EVENTS("viewer_events", "event_id",
        List.of("event_id", "show_id", "viewer_id", "type", "ts", "customer_id", "channel", "device", "replay"),
        List.of("event_id", "show_id", "viewer_id", "type", "ts")),
    CHAT_EVENTS("chat_events", "event_id", List.of("event_id", "show_id", "viewer_id", "type", "ts", "customer_id", "text", "sku"),
        List.of("event_id", "show_id", "viewer_id", "type", "ts")),
    PLAYER_EVENTS("player_events", "event_id", List.of("event_id", "show_id", "viewer_id", "type", "sku", "ts", "customer_id"),
        List.of("event_id", "show_id", "viewer_id", "type", "sku", "ts")),
    SHOW_MOMENTS("show_moments", null, List.of("show_id", "ts", "type", "sku", "label"), List.of("show_id", "ts", "type")),
    ORDERS("orders", "order_id",
        List.of("order_id", "line_no", "ts", "channel", "customer_id", "show_id", "store_id", "sku", "quantity", "unit_price",
            "currency", "status"),
        List.of("order_id", "ts", "channel", "sku", "quantity", "unit_price", "currency")),
    STORE_VISITS("store_visits", "visit_id", List.of("visit_id", "customer_id", "store_id", "ts", "source", "saw_show"),
        List.of("visit_id", "customer_id", "store_id", "ts")),
    EXPERIMENTS("experiments", "experiment_id",
        List.of("experiment_id", "name", "control_variant", "hypothesis", "primary_metric", "starts_at", "ends_at", "expected_split"),
        List.of("experiment_id", "name", "control_variant")),
    ASSIGNMENTS("assignments", null, List.of("experiment_id", "customer_id", "variant", "assigned_at"),
        List.of("experiment_id", "customer_id", "variant", "assigned_at")),
    STOCK("stock", null, List.of("sku", "ts", "available_qty", "store_id"), List.of("sku", "ts", "available_qty")),
    FX_RATES("fx_rates", null, List.of("currency", "date", "rate_to_reporting"), List.of("currency", "date", "rate_to_reporting"));

    final String folder;
    /** The identifying field, or null where SPEC names none. */
    final String idField;
    final List<String> columns;
    final List<String> required;

    Entity(String folder, String idField, List<String> columns, List<String> required) {
        this.folder = folder;
        this.idField = idField;
        this.columns = columns;
        this.required = required;
    }

    int col(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(folder + " has no column " + name);
        }
        return i;
    }

    /** Whether a field holds a timestamp (ISO-8601 with offset). */
    static boolean isTimestampField(String name) {
        return name.equals("ts") || name.endsWith("_at");
    }
}
