package io.showmetrics.ingest.validate;

import java.util.List;

/**
 * The contract of one landing entity folder: its fields in bronze column order, its identity and
 * the rules that involve several fields.
 *
 * @param name entity folder name and bronze table name
 * @param fields required and optional fields, in column order
 * @param identity what a repeated key means
 * @param key the identifying fields (empty for {@link Identity#KEYLESS})
 * @param rangeStart field that must not be after {@code rangeEnd} (null when no such rule)
 * @param rangeEnd see {@code rangeStart}
 * @param clusterBy column the bronze files are range-clustered on (null: no clustering)
 */
public record EntitySchema(
    String name,
    List<Field> fields,
    Identity identity,
    List<String> key,
    String rangeStart,
    String rangeEnd,
    String clusterBy) {

  public EntitySchema {
    fields = List.copyOf(fields);
    key = List.copyOf(key);
  }

  public int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }
}
