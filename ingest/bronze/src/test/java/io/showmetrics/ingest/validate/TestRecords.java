package io.showmetrics.ingest.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builders: a valid record of each entity with defaults, so a test changes only the
 * field it is about, rendered as a JSON line or a CSV header and row.
 */
public final class TestRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntitySchema schema;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private TestRecords(EntitySchema schema) {
    this.schema = schema;
  }

  public static TestRecords viewerEvent() {
    return new TestRecords(Entities.VIEWER_EVENTS)
        .with("event_id", "e1").with("show_id", "s1").with("viewer_id", "v1").with("type", "join")
        .with("ts", "2026-03-01T18:00:00Z").with("customer_id", "c1").with("channel", "web").with("device", "ios");
  }

  public static TestRecords chatEvent() {
    return new TestRecords(Entities.CHAT_EVENTS)
        .with("event_id", "m1").with("show_id", "s1").with("viewer_id", "v1").with("type", "message")
        .with("ts", "2026-03-01T18:01:00Z").with("text", "love it");
  }

  public static TestRecords playerEvent() {
    return new TestRecords(Entities.PLAYER_EVENTS)
        .with("event_id", "p1").with("show_id", "s1").with("viewer_id", "v1").with("type", "product_click")
        .with("sku", "sku1").with("ts", "2026-03-01T18:02:00Z");
  }

  public static TestRecords showMoment() {
    return new TestRecords(Entities.SHOW_MOMENTS)
        .with("show_id", "s1").with("ts", "2026-03-01T18:05:00Z").with("type", "product_pin").with("sku", "sku1");
  }

  public static TestRecords show() {
    return new TestRecords(Entities.SHOWS)
        .with("show_id", "s1").with("title", "Spring drop").with("starts_at", "2026-03-01T18:00:00Z")
        .with("ends_at", "2026-03-01T19:00:00Z").with("host", "Ana").with("featured_skus", List.of("sku1", "sku2"));
  }

  public static TestRecords customer() {
    return new TestRecords(Entities.CUSTOMERS)
        .with("customer_id", "c1").with("birth_year", 1990).with("region", "north").with("signup_at", "2025-01-01T00:00:00Z");
  }

  public static TestRecords order() {
    return new TestRecords(Entities.ORDERS)
        .with("order_id", "o1").with("ts", "2026-03-01T18:10:00Z").with("channel", "live").with("sku", "sku1")
        .with("quantity", 2).with("unit_price", "19.99").with("currency", "EUR").with("customer_id", "c1").with("show_id", "s1");
  }

  public static TestRecords storeVisit() {
    return new TestRecords(Entities.STORE_VISITS)
        .with("visit_id", "sv1").with("customer_id", "c1").with("store_id", "st1").with("ts", "2026-03-02T10:00:00Z")
        .with("source", "loyalty").with("saw_show", true);
  }

  public static TestRecords experiment() {
    return new TestRecords(Entities.EXPERIMENTS)
        .with("experiment_id", "x1").with("name", "Push invite").with("control_variant", "holdout")
        .with("starts_at", "2026-02-01T00:00:00Z").with("ends_at", "2026-04-01T00:00:00Z")
        .with("expected_split", Map.of("holdout", 0.5, "push", 0.5));
  }

  public static TestRecords assignment() {
    return new TestRecords(Entities.ASSIGNMENTS)
        .with("experiment_id", "x1").with("customer_id", "c1").with("variant", "push").with("assigned_at", "2026-02-02T00:00:00Z");
  }

  public static TestRecords stock() {
    return new TestRecords(Entities.STOCK).with("sku", "sku1").with("ts", "2026-03-01T18:00:00Z").with("available_qty", 3);
  }

  public static TestRecords fxRate() {
    return new TestRecords(Entities.FX_RATES).with("currency", "USD").with("date", "2026-03-01").with("rate_to_reporting", "0.9");
  }

  public static List<TestRecords> oneOfEach() {
    return List.of(fxRate(), show(), customer(), viewerEvent(), chatEvent(), playerEvent(), showMoment(), order(),
        storeVisit(), experiment(), assignment(), stock());
  }

  public TestRecords with(String field, Object value) {
    values.put(field, value);
    return this;
  }

  public TestRecords without(String field) {
    values.remove(field);
    return this;
  }

  public EntitySchema schema() {
    return schema;
  }

  public String json() {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String csvHeader() {
    return String.join(",", values.keySet());
  }

  /** The row; lists become |-separated, maps JSON text, text with commas or quotes is quoted. */
  public String csvRow() {
    List<String> cells = new ArrayList<>();
    for (Object v : values.values()) {
      String text;
      if (v == null) {
        text = "";
      } else if (v instanceof List<?> list) {
        text = String.join("|", list.stream().map(String::valueOf).toList());
      } else if (v instanceof Map<?, ?>) {
        try {
          text = JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else {
        text = String.valueOf(v);
      }
      if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      cells.add(text);
    }
    return String.join(",", cells);
  }

  @Override
  public String toString() {
    return schema.name() + " " + values;
  }
}
