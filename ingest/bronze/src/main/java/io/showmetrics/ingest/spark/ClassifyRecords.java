package io.showmetrics.ingest.spark;

import static io.showmetrics.ingest.spark.BronzeSchemas.FIELD;
import static io.showmetrics.ingest.spark.BronzeSchemas.FILE;
import static io.showmetrics.ingest.spark.BronzeSchemas.FILE_ORDER;
import static io.showmetrics.ingest.spark.BronzeSchemas.HASH;
import static io.showmetrics.ingest.spark.BronzeSchemas.LINE;
import static io.showmetrics.ingest.spark.BronzeSchemas.MESSAGE;
import static io.showmetrics.ingest.spark.BronzeSchemas.RAW;
import static io.showmetrics.ingest.spark.BronzeSchemas.REASON;
import static io.showmetrics.ingest.spark.BronzeSchemas.RUN_ID;
import static io.showmetrics.ingest.spark.BronzeSchemas.UNIT_PRICE_REPORTING;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.IngestErrors;
import io.showmetrics.ingest.validate.Identity;
import io.showmetrics.ingest.validate.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The rules that need more than one record: currency conversion ({@code no_fx_rate}), duplicates
 * and {@code conflicting_id}. Input is the staging rows of one entity for this run; output is the
 * same rows plus {@link #STATUS} ({@code accepted}, {@code duplicate} or {@code quarantined}), with
 * the quarantine columns filled for the rows these rules reject.
 */
public final class ClassifyRecords {

  public static final String STATUS = "_status";
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String QUARANTINED = "quarantined";

  private static final String BRONZE_HASH = "_bronze_hash";
  private static final String FIRST_HASH = "_first_hash";
  private static final String RANK = "_rank";
  private static final String IN_BRONZE = "_in_bronze";
  private static final String ORDER_DATE = "_order_date";
  private static final String RATE = "_rate";
  /** True for a row that validation and the fx conversion accepted: only those are classified here. */
  private static final String VALID = "_valid";

  private ClassifyRecords() {}

  /**
   * @param staged this run's staging rows of {@code entity} (already carrying per-record verdicts)
   * @param bronze the entity's bronze table as stored before this run's write, or null when it has no table yet
   * @param fxRates the bronze {@code fx_rates} table (used for orders only)
   * @param reportingCurrency e.g. {@code EUR}
   */
  public static Dataset<Row> classify(EntitySchema entity, Dataset<Row> staged, Dataset<Row> bronze,
      Dataset<Row> fxRates, String reportingCurrency) {
    return classify(entity, staged, bronze, fxRates, reportingCurrency, true);
  }

  /**
   * As {@link #classify(EntitySchema, Dataset, Dataset, Dataset, String)}; {@code smallBatch} says
   * this run's keys fit in a broadcast, so the lookup in bronze is a broadcast semi-join (no shuffle
   * of bronze at all); otherwise it is a shuffled semi-join of the key column.
   */
  public static Dataset<Row> classify(EntitySchema entity, Dataset<Row> staged, Dataset<Row> bronze,
      Dataset<Row> fxRates, String reportingCurrency, boolean smallBatch) {
    Dataset<Row> rows = staged;
    if (BronzeSchemas.isOrders(entity)) {
      rows = convertCurrency(rows, fxRates, reportingCurrency);
    }
    // One pass over the staged rows: the rows validation (or the fx conversion) rejected go through the same
    // window as the valid ones, in partitions of their own (VALID is part of the window's partition key), and
    // keep their verdict. Without a bronze lookup the staged rows are therefore read once, so a first run
    // need not cache them (IngestJob); the lookup reads this run's valid keys a second time.
    rows = rows.withColumn(VALID, col(REASON).isNull());
    Dataset<Row> classified = entity.identity() == Identity.EVENT
        ? classifyEvents(entity, rows, bronze, smallBatch)
        : classifyByContent(rows, bronze, smallBatch);
    // Only quarantined rows need their raw text downstream; dropping the rest keeps the cache small.
    return classified
        .withColumn(STATUS, when(col(VALID), col(STATUS)).otherwise(lit(QUARANTINED)))
        .withColumn(RAW, when(col(STATUS).equalTo(QUARANTINED), col(RAW)))
        .drop(VALID);
  }

  /**
   * The rows of bronze whose {@code column} (the key, or the content hash) occurs in this run's
   * valid records (the rows of {@code rows} with {@link #VALID}): a semi-join on that one narrow column, so the history is scanned only for the
   * columns the rules read and never grouped or shuffled whole (SPEC §3: a record is judged
   * against every earlier record, however old, but only a key of this run can collide).
   */
  static Dataset<Row> colliding(Dataset<Row> bronze, Dataset<Row> rows, String column, boolean smallBatch,
      String... columns) {
    Dataset<Row> batchKeys = rows.filter(col(VALID)).select(column).distinct();
    Column[] selected = new Column[columns.length + 1];
    selected[0] = col(column);
    for (int i = 0; i < columns.length; i++) {
      selected[i + 1] = col(columns[i]);
    }
    return bronze.select(selected).join(smallBatch ? broadcast(batchKeys) : batchKeys, column, "left_semi");
  }

  /**
   * Adds {@code unit_price_reporting}; orders in another currency without an fx rate for their UTC
   * date become {@code no_fx_rate}. The rate used is the latest loaded for (currency, date).
   */
  static Dataset<Row> convertCurrency(Dataset<Row> orders, Dataset<Row> fxRates, String reportingCurrency) {
    WindowSpec latest = Window.partitionBy("currency", "date")
        .orderBy(col(RUN_ID).desc(), col(FILE_ORDER).desc(), col(LINE).desc());
    Dataset<Row> rates = fxRates
        .withColumn(RANK, row_number().over(latest))
        .filter(col(RANK).equalTo(1))
        .select(col("currency").as("_fx_currency"), col("date").as("_fx_date"), col("rate_to_reporting").as(RATE));
    Dataset<Row> withDate = orders.withColumn(ORDER_DATE,
        date_from_unix_date(floor(col("ts").divide(86_400_000_000L)).cast(DataTypes.IntegerType)));
    Dataset<Row> joined = withDate.join(broadcast(rates),
        col("currency").equalTo(col("_fx_currency")).and(col(ORDER_DATE).equalTo(col("_fx_date"))), "left");
    Column valid = col(REASON).isNull();
    Column foreign = col("currency").notEqual(lit(reportingCurrency));
    Column missingRate = valid.and(foreign).and(col(RATE).isNull());
    // Not rounded: compute rounds a line's revenue (quantity x price x rate) once, to 4 decimals. try_cast:
    // a product beyond the column becomes null (and a quarantine row), not a failed run.
    Column converted = when(foreign, col("unit_price").multiply(col(RATE))).otherwise(col("unit_price"))
        .try_cast(BronzeSchemas.REPORTING_PRICE);
    Column tooLarge = valid.and(col(RATE).isNotNull().or(col("currency").equalTo(lit(reportingCurrency)))).and(converted.isNull());
    Column noRateMessage = format_string(IngestErrors.NO_FX_RATE_TEMPLATE, col(FILE), col(LINE),
        col("currency"), col("currency"), col(ORDER_DATE).cast(DataTypes.StringType), lit(reportingCurrency));
    Column tooLargeMessage = format_string(IngestErrors.CONVERTED_PRICE_TOO_LARGE_TEMPLATE, col(FILE), col(LINE),
        col("unit_price").cast(DataTypes.StringType), col("currency"), lit(reportingCurrency));
    return joined
        .withColumn(UNIT_PRICE_REPORTING, when(missingRate.or(tooLarge), lit(null)).otherwise(converted))
        .withColumn(MESSAGE, when(missingRate, noRateMessage).when(tooLarge, tooLargeMessage).otherwise(col(MESSAGE)))
        .withColumn(FIELD, when(missingRate, lit("currency")).when(tooLarge, lit("unit_price")).otherwise(col(FIELD)))
        .withColumn(REASON, when(missingRate, lit(Reason.NO_FX_RATE.code()))
            .when(tooLarge, lit(Reason.BAD_TYPE.code())).otherwise(col(REASON)))
        .drop("_fx_currency", "_fx_date", RATE, ORDER_DATE);
  }

  /**
   * Events: per id, the first record by (file order, line), or the copy already in bronze, sets the
   * content; the same content again is a duplicate, other content is {@code conflicting_id}. Only rows
   * with {@link #VALID} are judged (and see each other); the status of the others is overridden by the caller.
   */
  static Dataset<Row> classifyEvents(EntitySchema entity, Dataset<Row> rows, Dataset<Row> bronze, boolean smallBatch) {
    String key = entity.key().get(0);
    WindowSpec byKey = Window.partitionBy(col(VALID), col(key)).orderBy(col(FILE_ORDER), col(LINE));
    Dataset<Row> ranked = rows
        .withColumn(FIRST_HASH, first(col(HASH)).over(byKey))
        .withColumn(RANK, row_number().over(byKey));
    if (bronze == null) {
      ranked = ranked.withColumn(BRONZE_HASH, lit(null).cast(DataTypes.StringType));
    } else {
      // One hash per colliding id in bronze; min() keeps the join one-to-one even if bronze was edited by hand.
      Dataset<Row> bronzeKeys = colliding(bronze, rows, key, smallBatch, HASH).groupBy(key).agg(min(col(HASH)).as(BRONZE_HASH));
      ranked = ranked.join(bronzeKeys, key, "left");
    }
    Column reference = coalesce(col(BRONZE_HASH), col(FIRST_HASH));
    Column conflict = col(VALID).and(col(HASH).notEqual(reference));
    Column status = when(conflict, lit(QUARANTINED))
        .when(col(BRONZE_HASH).isNotNull(), lit(DUPLICATE))
        .when(col(RANK).equalTo(1), lit(ACCEPTED))
        .otherwise(lit(DUPLICATE));
    return ranked
        .withColumn(STATUS, status)
        .withColumn(REASON, when(conflict, lit(Reason.CONFLICTING_ID.code())).otherwise(col(REASON)))
        .withColumn(FIELD, when(conflict, lit(key)).otherwise(col(FIELD)))
        .withColumn(MESSAGE, when(conflict, format_string(IngestErrors.CONFLICTING_ID_TEMPLATE, col(FILE), col(LINE), lit(key), col(key)))
            .otherwise(col(MESSAGE)))
        .drop(FIRST_HASH, RANK, BRONZE_HASH);
  }

  /**
   * Updates and keyless entities: identical content to an earlier or stored record is a duplicate. Only rows
   * with {@link #VALID} are judged; the status of the others is overridden by the caller.
   */
  static Dataset<Row> classifyByContent(Dataset<Row> rows, Dataset<Row> bronze, boolean smallBatch) {
    WindowSpec byHash = Window.partitionBy(col(VALID), col(HASH)).orderBy(col(FILE_ORDER), col(LINE));
    Dataset<Row> ranked = rows.withColumn(RANK, row_number().over(byHash));
    if (bronze == null) {
      ranked = ranked.withColumn(IN_BRONZE, lit(null).cast(DataTypes.BooleanType));
    } else {
      Dataset<Row> stored = colliding(bronze, rows, HASH, smallBatch).groupBy(HASH).agg(max(lit(true)).as(IN_BRONZE));
      ranked = ranked.join(stored, HASH, "left");
    }
    Column duplicate = col(IN_BRONZE).isNotNull().or(col(RANK).gt(1));
    return ranked
        .withColumn(STATUS, when(duplicate, lit(DUPLICATE)).otherwise(lit(ACCEPTED)))
        .drop(RANK, IN_BRONZE);
  }
}
