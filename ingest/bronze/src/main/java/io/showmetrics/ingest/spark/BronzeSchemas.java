package io.showmetrics.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;

import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column layouts of the bronze lake: one table per entity, {@code quarantine}, {@code _ingest_log},
 * and the staging rows that flow between validation and the write.
 */
public final class BronzeSchemas {

  public static final String QUARANTINE = "quarantine";
  public static final String INGEST_LOG = "_ingest_log";

  // Metadata columns of every entity table.
  public static final String EXTRA = "_extra";
  public static final String FILE = "_file";
  public static final String LINE = "_line";
  public static final String FILE_ORDER = "_file_order";
  public static final String RUN_ID = "_run_id";
  public static final String INGESTED_AT = "_ingested_at";
  public static final String HASH = "_hash";

  // Staging-only columns: the quarantine verdict of validation and the raw text.
  static final String REASON = "_reason";
  static final String FIELD = "_field";
  static final String MESSAGE = "_message";
  static final String RAW = "_raw";

  /** Orders only: {@code unit_price} in the reporting currency. */
  public static final String UNIT_PRICE_REPORTING = "unit_price_reporting";

  public static final StructType QUARANTINE_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("entity", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("field", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType)
      .add("message", DataTypes.StringType)
      .add("raw", DataTypes.StringType)
      .add("ingested_at", DataTypes.TimestampType);

  public static final StructType INGEST_LOG_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType)
      .add("entity", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("size", DataTypes.LongType)
      .add("modified_at", DataTypes.TimestampType)
      .add("records_read", DataTypes.LongType)
      .add("records_accepted", DataTypes.LongType)
      .add("records_quarantined", DataTypes.LongType)
      .add("records_duplicate", DataTypes.LongType)
      .add("loaded_at", DataTypes.TimestampType);

  /** {@code unit_price_reporting}: the price converted to the reporting currency, unrounded. */
  public static final DataType REPORTING_PRICE = DataTypes.createDecimalType(30, 12);

  private BronzeSchemas() {}

  /** The bronze table of an entity: its fields, then (orders) the converted price, then metadata. */
  public static StructType table(EntitySchema entity) {
    StructType schema = new StructType();
    for (Field f : entity.fields()) {
      boolean nullable = f.defaultValue() == null || f.required();
      schema = schema.add(f.name(), tableType(f), nullable);
    }
    if (isOrders(entity)) {
      schema = schema.add(UNIT_PRICE_REPORTING, REPORTING_PRICE);
    }
    return schema
        .add(EXTRA, DataTypes.StringType)
        .add(FILE, DataTypes.StringType)
        .add(LINE, DataTypes.LongType)
        .add(FILE_ORDER, DataTypes.IntegerType)
        .add(RUN_ID, DataTypes.StringType)
        .add(INGESTED_AT, DataTypes.TimestampType)
        .add(HASH, DataTypes.StringType);
  }

  /**
   * Staging rows built by {@link ValidateRecord}: the fields in Spark-neutral external types
   * (timestamps as epoch microseconds, dates as epoch days, lists and maps as JSON text), then
   * {@code _extra, _file, _line, _file_order, _hash, _reason, _field, _message, _raw}.
   */
  public static StructType staging(EntitySchema entity) {
    StructType schema = new StructType();
    for (Field f : entity.fields()) {
      schema = schema.add(f.name(), stagingType(f), true);
    }
    return schema
        .add(EXTRA, DataTypes.StringType)
        .add(FILE, DataTypes.StringType)
        .add(LINE, DataTypes.LongType)
        .add(FILE_ORDER, DataTypes.IntegerType)
        .add(HASH, DataTypes.StringType)
        .add(REASON, DataTypes.StringType)
        .add(FIELD, DataTypes.StringType)
        .add(MESSAGE, DataTypes.StringType)
        .add(RAW, DataTypes.StringType);
  }

  /** Projects staging rows (plus, for orders, {@code unit_price_reporting}) onto the table layout. */
  public static Column[] tableColumns(EntitySchema entity, String runId, Instant ingestedAt) {
    List<Column> columns = new ArrayList<>();
    for (Field f : entity.fields()) {
      columns.add(fromStaging(f).as(f.name()));
    }
    if (isOrders(entity)) {
      columns.add(col(UNIT_PRICE_REPORTING).cast(REPORTING_PRICE).as(UNIT_PRICE_REPORTING));
    }
    columns.add(col(EXTRA));
    columns.add(col(FILE));
    columns.add(col(LINE));
    columns.add(col(FILE_ORDER));
    columns.add(lit(runId).as(RUN_ID));
    columns.add(instant(ingestedAt).as(INGESTED_AT));
    columns.add(col(HASH));
    return columns.toArray(Column[]::new);
  }

  /** A timestamp literal that does not depend on the session's java8API setting. */
  public static Column instant(Instant instant) {
    return timestamp_micros(lit(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L)));
  }

  public static boolean isOrders(EntitySchema entity) {
    return entity.name().equals("orders");
  }

  private static Column fromStaging(Field f) {
    Column c = col(f.name());
    return switch (f.type()) {
      case TIMESTAMP -> timestamp_micros(c);
      case DATE -> date_from_unix_date(c);
      case STRING_LIST -> from_json(c, DataTypes.createArrayType(DataTypes.StringType), Map.of());
      case DOUBLE_MAP -> from_json(c, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), Map.of());
      default -> c;
    };
  }

  static DataType tableType(Field f) {
    return switch (f.type()) {
      case STRING, IDENTIFIER, ENUM, OPEN_LABEL, CURRENCY -> DataTypes.StringType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DECIMAL -> DataTypes.createDecimalType(f.precision(), f.scale());
      case DATE -> DataTypes.DateType;
      case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType);
      case DOUBLE_MAP -> DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType);
    };
  }

  static DataType stagingType(Field f) {
    return switch (f.type()) {
      case TIMESTAMP -> DataTypes.LongType;
      case DATE -> DataTypes.IntegerType;
      case STRING_LIST, DOUBLE_MAP -> DataTypes.StringType;
      default -> tableType(f);
    };
  }
}
