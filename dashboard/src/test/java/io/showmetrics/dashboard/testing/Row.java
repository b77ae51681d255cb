package io.showmetrics.dashboard.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test-data builder for one row of a serving table: starts from defaults, a test sets only the columns
 * it is about ({@code set("engagement_rate", null)}), then {@link #insert(JdbcClient)}.
 */
public final class Row {
    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Row(String table) {
        this.table = table;
    }

    /** Sets a column; an {@link Instant} is written as timestamptz, {@code null} as SQL NULL. */
    public Row set(String column, Object value) {
        values.put(column, value instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : value);
        return this;
    }

    public Object get(String column) {
        Object v = values.get(column);
        return v instanceof OffsetDateTime o ? o.toInstant() : v;
    }

    public Row insert(JdbcClient jdbc) {
        String columns = String.join(", ", values.keySet());
        String params = values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        JdbcClient.StatementSpec sql = jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ")");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sql = sql.param(e.getKey(), e.getValue());
        }
        sql.update();
        return this;
    }
}
