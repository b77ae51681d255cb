package io.showmetrics.ingest.validate;

import static io.showmetrics.ingest.validate.Field.optional;
import static io.showmetrics.ingest.validate.Field.required;
import static io.showmetrics.ingest.validate.FieldType.BOOLEAN;
import static io.showmetrics.ingest.validate.FieldType.CURRENCY;
import static io.showmetrics.ingest.validate.FieldType.DATE;
import static io.showmetrics.ingest.validate.FieldType.DECIMAL;
import static io.showmetrics.ingest.validate.FieldType.DOUBLE_MAP;
import static io.showmetrics.ingest.validate.FieldType.ENUM;
import static io.showmetrics.ingest.validate.FieldType.IDENTIFIER;
import static io.showmetrics.ingest.validate.FieldType.INT;
import static io.showmetrics.ingest.validate.FieldType.LONG;
import static io.showmetrics.ingest.validate.FieldType.OPEN_LABEL;
import static io.showmetrics.ingest.validate.FieldType.STRING;
import static io.showmetrics.ingest.validate.FieldType.STRING_LIST;
import static io.showmetrics.ingest.validate.FieldType.TIMESTAMP;

import io.showmetrics.ingest.validate.Field.Minimum;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The twelve landing entities of SPEC section 1, in processing order. */
public final class Entities {

  // Closed sets (SPEC §1 "Closed and open vocabularies"): every type, an order's channel and status. A show's
  // or viewer's channel, device, a visit's source, region, host and label are open labels (OPEN_LABEL).
  public static final Set<String> VIEWER_EVENT_TYPES = Set.of("join", "heartbeat", "leave");
  public static final Set<String> CHAT_EVENT_TYPES = Set.of("message", "reaction", "question", "share", "poll_vote");
  public static final Set<String> PLAYER_EVENT_TYPES = Set.of("product_click", "add_to_cart");
  public static final Set<String> MOMENT_TYPES = Set.of("product_pin", "promo", "giveaway", "quiz", "guest");
  public static final Set<String> ORDER_CHANNELS = Set.of("live", "web", "app", "store");
  public static final Set<String> ORDER_STATUSES = Set.of("placed", "cancelled", "returned");

  public static final EntitySchema FX_RATES = new EntitySchema("fx_rates", List.of(
      required("currency", CURRENCY),
      required("date", DATE),
      required("rate_to_reporting", DECIMAL).decimal(28, 14).atLeast(Minimum.POSITIVE)),
      Identity.UPDATE, List.of("currency", "date"), null, null, null);

  public static final EntitySchema SHOWS = new EntitySchema("shows", List.of(
      required("show_id", IDENTIFIER),
      required("title", STRING),
      required("starts_at", TIMESTAMP).scheduled(),
      required("ends_at", TIMESTAMP).scheduled(),
      optional("host", OPEN_LABEL),
      optional("experiment_id", IDENTIFIER),
      optional("featured_skus", STRING_LIST),
      optional("channel", OPEN_LABEL),
      // SPEC section 6: what the show cost to produce and promote, in the reporting currency (not converted).
      optional("cost", DECIMAL).decimal(20, 4).atLeast(Minimum.NON_NEGATIVE).asAddedLater()),
      Identity.UPDATE, List.of("show_id"), "starts_at", "ends_at", null);

  public static final EntitySchema CUSTOMERS = new EntitySchema("customers", List.of(
      required("customer_id", IDENTIFIER),
      optional("birth_year", INT),
      optional("region", OPEN_LABEL),
      optional("home_store_id", IDENTIFIER),
      optional("signup_at", TIMESTAMP)),
      Identity.UPDATE, List.of("customer_id"), null, null, null);

  public static final EntitySchema VIEWER_EVENTS = new EntitySchema("viewer_events", List.of(
      required("event_id", IDENTIFIER),
      required("show_id", IDENTIFIER),
      required("viewer_id", IDENTIFIER),
      required("type", ENUM).allowing(VIEWER_EVENT_TYPES),
      required("ts", TIMESTAMP),
      optional("customer_id", IDENTIFIER),
      optional("channel", OPEN_LABEL),
      optional("device", OPEN_LABEL),
      optional("replay", BOOLEAN).withDefault(Boolean.FALSE)),
      Identity.EVENT, List.of("event_id"), null, null, "show_id");

  public static final EntitySchema CHAT_EVENTS = new EntitySchema("chat_events", List.of(
      required("event_id", IDENTIFIER),
      required("show_id", IDENTIFIER),
      required("viewer_id", IDENTIFIER),
      required("type", ENUM).allowing(CHAT_EVENT_TYPES),
      required("ts", TIMESTAMP),
      optional("customer_id", IDENTIFIER),
      optional("text", STRING),
      optional("sku", IDENTIFIER)),
      Identity.EVENT, List.of("event_id"), null, null, "show_id");

  public static final EntitySchema PLAYER_EVENTS = new EntitySchema("player_events", List.of(
      required("event_id", IDENTIFIER),
      required("show_id", IDENTIFIER),
      required("viewer_id", IDENTIFIER),
      required("type", ENUM).allowing(PLAYER_EVENT_TYPES),
      required("sku", IDENTIFIER),
      required("ts", TIMESTAMP),
      optional("customer_id", IDENTIFIER)),
      Identity.EVENT, List.of("event_id"), null, null, "show_id");

  public static final EntitySchema SHOW_MOMENTS = new EntitySchema("show_moments", List.of(
      required("show_id", IDENTIFIER),
      required("ts", TIMESTAMP),
      required("type", ENUM).allowing(MOMENT_TYPES),
      optional("sku", IDENTIFIER),
      optional("label", OPEN_LABEL)),
      Identity.KEYLESS, List.of(), null, null, "show_id");

  public static final EntitySchema ORDERS = new EntitySchema("orders", List.of(
      required("order_id", IDENTIFIER),
      required("ts", TIMESTAMP),
      required("channel", ENUM).allowing(ORDER_CHANNELS),
      required("sku", IDENTIFIER),
      required("quantity", LONG).atLeast(Minimum.NON_NEGATIVE),
      required("unit_price", DECIMAL).decimal(24, 10).atLeast(Minimum.NON_NEGATIVE),
      required("currency", CURRENCY),
      optional("line_no", IDENTIFIER).defaultingTo("sku"),
      optional("customer_id", IDENTIFIER),
      optional("show_id", IDENTIFIER),
      optional("store_id", IDENTIFIER),
      optional("status", ENUM).allowing(ORDER_STATUSES).withDefault("placed")),
      Identity.UPDATE, List.of("order_id", "line_no"), null, null, null);

  public static final EntitySchema STORE_VISITS = new EntitySchema("store_visits", List.of(
      required("visit_id", IDENTIFIER),
      required("customer_id", IDENTIFIER),
      required("store_id", IDENTIFIER),
      required("ts", TIMESTAMP),
      optional("source", OPEN_LABEL),
      optional("saw_show", BOOLEAN)),
      Identity.EVENT, List.of("visit_id"), null, null, null);

  public static final EntitySchema EXPERIMENTS = new EntitySchema("experiments", List.of(
      required("experiment_id", IDENTIFIER),
      required("name", STRING),
      required("control_variant", IDENTIFIER),
      optional("hypothesis", STRING),
      optional("primary_metric", STRING),
      optional("starts_at", TIMESTAMP).scheduled(),
      optional("ends_at", TIMESTAMP).scheduled(),
      optional("expected_split", DOUBLE_MAP).atLeast(Minimum.NON_NEGATIVE)),
      Identity.UPDATE, List.of("experiment_id"), "starts_at", "ends_at", null);

  public static final EntitySchema ASSIGNMENTS = new EntitySchema("assignments", List.of(
      required("experiment_id", IDENTIFIER),
      required("customer_id", IDENTIFIER),
      required("variant", IDENTIFIER),
      required("assigned_at", TIMESTAMP)),
      Identity.UPDATE, List.of("experiment_id", "customer_id"), null, null, null);

  public static final EntitySchema STOCK = new EntitySchema("stock", List.of(
      required("sku", IDENTIFIER),
      required("ts", TIMESTAMP),
      required("available_qty", LONG),
      optional("store_id", IDENTIFIER)),
      Identity.KEYLESS, List.of(), null, null, null);

  /**
   * All entities. {@code fx_rates} comes first so orders of the same run can be converted with
   * rates loaded in that run.
   */
  public static final List<EntitySchema> ALL = List.of(FX_RATES, SHOWS, CUSTOMERS, VIEWER_EVENTS,
      CHAT_EVENTS, PLAYER_EVENTS, SHOW_MOMENTS, ORDERS, STORE_VISITS, EXPERIMENTS, ASSIGNMENTS, STOCK);

  private static final Map<String, EntitySchema> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EntitySchema::name, Function.identity()));

  private Entities() {}

  /** The schema of an entity folder name, or an {@link IllegalArgumentException} naming the known ones. */
  public static EntitySchema byName(String name) {
    EntitySchema schema = BY_NAME.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("Unknown entity '" + name + "'; known entities: "
          + ALL.stream().map(EntitySchema::name).collect(Collectors.joining(", ")));
    }
    return schema;
  }
}
