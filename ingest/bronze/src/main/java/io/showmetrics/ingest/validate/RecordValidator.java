package io.showmetrics.ingest.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.showmetrics.ingest.validate.CsvRecords.CsvFormatException;
import io.showmetrics.ingest.validate.ValidationResult.Accepted;
import io.showmetrics.ingest.validate.ValidationResult.Rejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one raw record of an entity into typed values or a quarantine reason, following SPEC §1.
 * Checks run field by field in schema order and the first failure is reported; the cross-field
 * range rule runs last. Not thread-safe (it caches the last CSV header); use one per thread.
 */
public final class RecordValidator {

  /** How far past the run start a timestamp may lie before it is {@code future_timestamp}. */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(2);

  static final int MAX_IDENTIFIER_LENGTH = 128;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

  private final EntitySchema schema;
  private final List<Field> fields;
  private final Set<String> fieldNames;
  private final Instant futureLimit;

  private String cachedHeaderRaw;
  private List<String> cachedHeader;
  private String cachedHeaderError;

  public RecordValidator(EntitySchema schema, Instant runStartedAt) {
    this.schema = schema;
    this.fields = schema.fields();
    this.fieldNames = new HashSet<>();
    for (Field f : fields) {
      fieldNames.add(f.name());
    }
    this.futureLimit = runStartedAt.plus(FUTURE_TOLERANCE);
  }

  public EntitySchema schema() {
    return schema;
  }

  /** Validates one JSON Lines line. */
  public ValidationResult validateJson(String file, long line, String raw) {
    JsonNode node;
    try {
      node = TREE_READER.readValue(raw);
    } catch (JsonProcessingException e) {
      return new Rejected(Reason.MALFORMED_JSON, null,
          IngestErrors.malformedJson(file, line, e.getOriginalMessage()));
    } catch (java.io.IOException e) {
      return new Rejected(Reason.MALFORMED_JSON, null, IngestErrors.malformedJson(file, line, e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      String kind = node == null ? "empty" : node.getNodeType().name().toLowerCase();
      return new Rejected(Reason.MALFORMED_JSON, null,
          IngestErrors.malformedJson(file, line, "the line is a JSON " + kind + ", not an object"));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        values.put(e.getKey(), e.getValue());
      }
    }
    return validate(file, line, values);
  }

  /**
   * Validates one CSV data record.
   *
   * @param headerRaw the file's header line, as read
   * @param raw the record text (several physical lines when a quoted cell holds line breaks)
   */
  public ValidationResult validateCsv(String file, long line, String headerRaw, String raw) {
    if (!headerRaw.equals(cachedHeaderRaw)) {
      parseHeader(headerRaw);
    }
    if (cachedHeaderError != null) {
      return new Rejected(Reason.MALFORMED_CSV, null, IngestErrors.malformedCsv(file, line, cachedHeaderError));
    }
    List<String> cells;
    try {
      cells = CsvRecords.parse(raw);
    } catch (CsvFormatException e) {
      return new Rejected(Reason.MALFORMED_CSV, null, IngestErrors.malformedCsv(file, line, e.getMessage()));
    }
    if (cells.size() != cachedHeader.size()) {
      return new Rejected(Reason.MALFORMED_CSV, null, IngestErrors.malformedCsv(file, line,
          "the row has " + cells.size() + " cells but the header has " + cachedHeader.size() + " columns"));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (!cell.isEmpty()) {
        values.put(cachedHeader.get(i), TextNode.valueOf(cell));
      }
    }
    return validate(file, line, values);
  }

  private void parseHeader(String headerRaw) {
    cachedHeaderRaw = headerRaw;
    cachedHeader = null;
    cachedHeaderError = null;
    try {
      List<String> names = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String name : CsvRecords.parse(headerRaw)) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
          cachedHeaderError = "the header (line 1) has an empty column name";
          return;
        }
        if (!seen.add(trimmed)) {
          cachedHeaderError = "the header (line 1) repeats column '" + trimmed + "'";
          return;
        }
        names.add(trimmed);
      }
      cachedHeader = names;
    } catch (CsvFormatException e) {
      cachedHeaderError = "the header (line 1) is not valid CSV: " + e.getMessage();
    }
  }

  /**
   * Validates a record given as field name to JSON value (CSV cells are text nodes). Absent
   * fields are simply not in the map.
   */
  public ValidationResult validate(String file, long line, Map<String, JsonNode> input) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      JsonNode node = input.get(field.name());
      if (node == null || node.isNull()) {
        if (field.defaultValue() != null) {
          values[i] = field.defaultValue();
        } else if (field.required()) {
          return new Rejected(Reason.MISSING_FIELD, field.name(), IngestErrors.missingField(file, line, field.name()));
        }
        continue;
      }
      Object converted = convert(file, line, field, node);
      if (converted instanceof Rejected rejected) {
        return rejected;
      }
      values[i] = converted;
    }
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      if (values[i] == null && field.defaultFrom() != null) {
        values[i] = values[schema.indexOf(field.defaultFrom())];
      }
    }
    if (schema.rangeStart() != null) {
      Instant start = (Instant) values[schema.indexOf(schema.rangeStart())];
      Instant end = (Instant) values[schema.indexOf(schema.rangeEnd())];
      if (start != null && end != null && end.isBefore(start)) {
        return new Rejected(Reason.BAD_RANGE, schema.rangeEnd(),
            IngestErrors.badRange(file, line, schema.rangeStart(), schema.rangeEnd(), start, end));
      }
    }
    String extraJson = extras(input);
    return new Accepted(values, extraJson, CanonicalContent.hash(schema, values, extraJson));
  }

  private String extras(Map<String, JsonNode> input) {
    TreeMap<String, JsonNode> extra = null;
    for (Map.Entry<String, JsonNode> e : input.entrySet()) {
      if (!fieldNames.contains(e.getKey()) && !e.getValue().isNull()) {
        if (extra == null) {
          extra = new TreeMap<>();
        }
        extra.put(e.getKey(), sorted(e.getValue()));
      }
    }
    if (extra == null) {
      return null;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    extra.forEach(object::set);
    return object.toString();
  }

  /** A copy of the node with object keys in sorted order at every depth (canonical JSON). */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> byKey = new TreeMap<>();
      node.fields().forEachRemaining(e -> byKey.put(e.getKey(), sorted(e.getValue())));
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      byKey.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** Returns the typed value, or a {@link Rejected}. */
  private Object convert(String file, long line, Field field, JsonNode node) {
    String name = field.name();
    switch (field.type()) {
      case STRING:
        return node.isValueNode() ? node.asText()
            : new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.toString(), "a text value"));
      case IDENTIFIER:
        return identifier(file, line, name, node);
      case OPEN_LABEL:
        return openLabel(node);
      case ENUM: {
        String text = node.asText();
        if (!node.isValueNode() || !field.allowed().contains(text)) {
          return new Rejected(Reason.UNKNOWN_VALUE, name,
              IngestErrors.unknownValue(file, line, name, node.isValueNode() ? text : node.toString(), field.allowed()));
        }
        return text;
      }
      case CURRENCY:
        return currency(file, line, name, node);
      case TIMESTAMP:
        return timestamp(file, line, field, node);
      case BOOLEAN:
        return bool(file, line, name, node);
      case INT:
      case LONG:
        return integral(file, line, schema.name(), field, node);
      case DECIMAL:
        return decimal(file, line, schema.name(), field, node);
      case DATE:
        return date(file, line, name, node);
      case STRING_LIST:
        return stringList(file, line, name, node);
      case DOUBLE_MAP:
        return doubleMap(file, line, schema.name(), field, node);
      default:
        throw new IllegalStateException("Unhandled field type " + field.type());
    }
  }

  /**
   * An open label is never refused: text as given (a blank one is absent, {@code null}), a number or
   * boolean as its text, an array or object as its JSON text. No length limit is applied.
   */
  private static String openLabel(JsonNode node) {
    String text = node.isValueNode() ? node.asText() : node.toString();
    return text.isBlank() ? null : text;
  }

  private static Object identifier(String file, long line, String name, JsonNode node) {
    if (!node.isValueNode()) {
      return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.toString(), "an identifier (text)"));
    }
    String text = node.asText();
    if (text.isBlank() || text.length() > MAX_IDENTIFIER_LENGTH) {
      return new Rejected(Reason.BAD_IDENTIFIER, name, IngestErrors.badIdentifier(file, line, name, text));
    }
    return text;
  }

  private static Object currency(String file, long line, String name, JsonNode node) {
    String text = node.asText();
    if (node.isTextual() && text.length() == 3 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      try {
        Currency.getInstance(text);
        return text;
      } catch (IllegalArgumentException notIso) {
        // falls through to the rejection below: the code is well-formed but not ISO-4217
      }
    }
    return new Rejected(Reason.UNKNOWN_CURRENCY, name,
        IngestErrors.unknownCurrency(file, line, name, node.isValueNode() ? text : node.toString()));
  }

  private Object timestamp(String file, long line, Field field, JsonNode node) {
    String name = field.name();
    String text = node.isValueNode() ? node.asText() : node.toString();
    Instant instant;
    try {
      if (!node.isTextual()) {
        throw new DateTimeParseException("not text", text, 0);
      }
      instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return new Rejected(Reason.BAD_TIMESTAMP, name,
          IngestErrors.badTimestamp(file, line, name, text, node.isTextual() && parsesWithoutOffset(text)));
    }
    if (field.futureChecked() && instant.isAfter(futureLimit)) {
      return new Rejected(Reason.FUTURE_TIMESTAMP, name, IngestErrors.futureTimestamp(file, line, name, text, futureLimit));
    }
    return instant;
  }

  private static boolean parsesWithoutOffset(String text) {
    try {
      LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Object bool(String file, long line, String name, JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = node.asText();
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return new Rejected(Reason.BAD_TYPE, name,
        IngestErrors.badType(file, line, name, node.isValueNode() ? node.asText() : node.toString(), "a boolean (true or false)"));
  }

  private static Object integral(String file, long line, String entity, Field field, JsonNode node) {
    String name = field.name();
    boolean isInt = field.type() == FieldType.INT;
    String expected = isInt ? "a whole number" : "a whole number (64-bit)";
    long value;
    if (node.isIntegralNumber() && (isInt ? node.canConvertToInt() : node.canConvertToLong())) {
      value = node.longValue();
    } else if (node.isTextual()) {
      try {
        value = isInt ? Integer.parseInt(node.asText()) : Long.parseLong(node.asText());
      } catch (NumberFormatException e) {
        return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.asText(), expected));
      }
    } else {
      return new Rejected(Reason.BAD_TYPE, name,
          IngestErrors.badType(file, line, name, node.isValueNode() ? node.asText() : node.toString(), expected));
    }
    if (field.minimum() != Field.Minimum.NONE && (value < 0 || (value == 0 && field.minimum() == Field.Minimum.POSITIVE))) {
      return new Rejected(Reason.NEGATIVE_VALUE, name,
          IngestErrors.negativeValue(file, line, entity, name, Long.toString(value), field.minimum() == Field.Minimum.NON_NEGATIVE));
    }
    // Not a conditional expression: `c ? Integer : Long` would unbox both and rebox the int as a Long.
    if (isInt) {
      return Integer.valueOf((int) value);
    }
    return Long.valueOf(value);
  }

  private static Object decimal(String file, long line, String entity, Field field, JsonNode node) {
    String name = field.name();
    String expected = "a decimal number with at most " + (field.precision() - field.scale()) + " digits before the point";
    BigDecimal value;
    if (node.isNumber()) {
      value = node.decimalValue();
    } else if (node.isTextual()) {
      try {
        value = new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.asText(), expected));
      }
    } else {
      return new Rejected(Reason.BAD_TYPE, name,
          IngestErrors.badType(file, line, name, node.isValueNode() ? node.asText() : node.toString(), expected));
    }
    BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    int integerDigits = normalized.precision() - normalized.scale();
    // Money is "a decimal number": more decimals than the column keeps are rounded (HALF_UP), not refused;
    // the scales (10 for prices, 14 for fx rates) keep any realistic input exact.
    if (integerDigits > field.precision() - field.scale()) {
      return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, value.toPlainString(), expected));
    }
    if (value.signum() < 0 || (value.signum() == 0 && field.minimum() == Field.Minimum.POSITIVE)) {
      return new Rejected(Reason.NEGATIVE_VALUE, name,
          IngestErrors.negativeValue(file, line, entity, name, value.toPlainString(), field.minimum() == Field.Minimum.NON_NEGATIVE));
    }
    return normalized.setScale(field.scale(), RoundingMode.HALF_UP);
  }

  private static Object date(String file, long line, String name, JsonNode node) {
    String text = node.isValueNode() ? node.asText() : node.toString();
    try {
      if (!node.isTextual()) {
        throw new DateTimeParseException("not text", text, 0);
      }
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return new Rejected(Reason.BAD_TIMESTAMP, name, IngestErrors.badDate(file, line, name, text));
    }
  }

  private static Object stringList(String file, long line, String name, JsonNode node) {
    List<String> items = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!element.isValueNode() || element.isNull()) {
          return new Rejected(Reason.BAD_TYPE, name,
              IngestErrors.badType(file, line, name, node.toString(), "an array of identifiers"));
        }
        items.add(element.asText());
      }
    } else if (node.isTextual()) {
      items.addAll(List.of(node.asText().split("\\|", -1)));
    } else {
      return new Rejected(Reason.BAD_TYPE, name,
          IngestErrors.badType(file, line, name, node.asText(), "a JSON array or a |-separated list"));
    }
    for (String item : items) {
      if (item.isBlank() || item.length() > MAX_IDENTIFIER_LENGTH) {
        return new Rejected(Reason.BAD_IDENTIFIER, name, IngestErrors.badIdentifier(file, line, name, item));
      }
    }
    return List.copyOf(items);
  }

  private static Object doubleMap(String file, long line, String entity, Field field, JsonNode node) {
    String name = field.name();
    String expected = "a JSON object of name to number, e.g. {\"A\":0.5,\"B\":0.5}";
    JsonNode object = node;
    if (node.isTextual()) {
      try {
        object = TREE_READER.readValue(node.asText());
      } catch (java.io.IOException e) {
        return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.asText(), expected));
      }
    }
    if (object == null || !object.isObject()) {
      return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, node.toString(), expected));
    }
    Map<String, Double> map = new TreeMap<>();
    Map<String, JsonNode> entries = new HashMap<>();
    object.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
      JsonNode value = e.getValue();
      if (!value.isNumber() || e.getKey().isBlank()) {
        return new Rejected(Reason.BAD_TYPE, name, IngestErrors.badType(file, line, name, object.toString(), expected));
      }
      double share = value.doubleValue();
      if (share < 0) {
        return new Rejected(Reason.NEGATIVE_VALUE, name, IngestErrors.negativeValue(file, line, entity, name, object.toString(), true));
      }
      map.put(e.getKey(), share);
    }
    return map;
  }
}
