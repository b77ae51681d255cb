package io.showmetrics.ingest.spark;

import io.showmetrics.ingest.read.RawRecord;
import io.showmetrics.ingest.read.LandingFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.Field;
import io.showmetrics.ingest.validate.IngestErrors;
import io.showmetrics.ingest.validate.Reason;
import io.showmetrics.ingest.validate.RecordValidator;
import io.showmetrics.ingest.validate.ValidationResult;
import io.showmetrics.ingest.validate.ValidationResult.Accepted;
import io.showmetrics.ingest.validate.ValidationResult.Rejected;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Validates one {@link RawRecord} with the entity's {@link RecordValidator} and lays the outcome out
 * as a staging row ({@link BronzeSchemas#staging}): typed values for an accepted record, or the
 * quarantine reason, field and message.
 */
public final class ValidateRecord implements MapFunction<RawRecord, Row> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String entity;
  private final Instant runStartedAt;
  private transient RecordValidator validator;

  public ValidateRecord(String entity, Instant runStartedAt) {
    this.entity = entity;
    this.runStartedAt = runStartedAt;
  }

  @Override
  public Row call(RawRecord record) throws JsonProcessingException {
    if (validator == null) {
      validator = new RecordValidator(Entities.byName(entity), runStartedAt);
    }
    return toRow(validator.schema(), record, validate(record));
  }

  private ValidationResult validate(RawRecord r) {
    boolean csv = LandingFile.CSV.equals(r.getFormat());
    switch (r.getKind()) {
      case RawRecord.UNREADABLE:
        return new Rejected(Reason.UNREADABLE_FILE, null, IngestErrors.unreadableFile(r.getFile(), r.getLine(), r.getRaw()));
      case RawRecord.BAD_ENCODING:
        return new Rejected(csv ? Reason.MALFORMED_CSV : Reason.MALFORMED_JSON, null, IngestErrors.badEncoding(r.getFile(), r.getLine()));
      case RawRecord.RECORD:
        return csv
            ? validator.validateCsv(r.getFile(), r.getLine(), r.getHeader(), r.getRaw())
            : validator.validateJson(r.getFile(), r.getLine(), r.getRaw());
      default:
        throw new IllegalStateException("Unknown raw record kind " + r.getKind());
    }
  }

  static Row toRow(EntitySchema schema, RawRecord record, ValidationResult result) throws JsonProcessingException {
    List<Field> fields = schema.fields();
    Object[] out = new Object[fields.size() + 9];
    int i = fields.size();
    if (result instanceof Accepted accepted) {
      Object[] values = accepted.values();
      for (int f = 0; f < fields.size(); f++) {
        out[f] = toStaging(values[f]);
      }
      out[i] = accepted.extraJson();
      out[i + 4] = accepted.hash();
    } else {
      Rejected rejected = (Rejected) result;
      out[i + 5] = rejected.reason().code();
      out[i + 6] = rejected.field();
      out[i + 7] = rejected.message();
    }
    out[i + 1] = record.getFile();
    out[i + 2] = record.getLine();
    out[i + 3] = record.getFileOrder();
    // A file fault has no line text; its raw stays null and the message carries the cause.
    out[i + 8] = RawRecord.UNREADABLE.equals(record.getKind()) ? null : record.getRaw();
    return RowFactory.create(out);
  }

  private static Object toStaging(Object value) throws JsonProcessingException {
    if (value instanceof Instant t) {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }
    if (value instanceof LocalDate d) {
      return Math.toIntExact(d.toEpochDay());
    }
    if (value instanceof List<?> || value instanceof java.util.Map<?, ?>) {
      return JSON.writeValueAsString(value);
    }
    return value;
  }
}
