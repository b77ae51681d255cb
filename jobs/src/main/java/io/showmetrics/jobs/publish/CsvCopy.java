package io.showmetrics.jobs.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructType;
import org.postgresql.PGConnection;

/**
 * Rows of Spark as PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)} input: one round trip per table instead of
 * one statement per row. NULL is an unquoted empty field, every string is quoted (so an empty string stays one),
 * timestamps are ISO-8601 instants, decimals plain, doubles in Java's round-trip form, arrays array literals.
 */
final class CsvCopy {
    private CsvCopy() {}

    /** A table's rows rendered as CSV, ready to be copied in. */
    record Rendered(byte[] csv, int rows) {}

    static Rendered render(StructType schema, Iterator<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        int n = 0;
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            DataType[] types = new DataType[schema.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = schema.fields()[i].dataType();
            }
            while (rows.hasNext()) {
                Row r = rows.next();
                line.setLength(0);
                for (int i = 0; i < types.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    if (!r.isNullAt(i)) {
                        field(line, types[i], r, i);
                    }
                }
                line.append('\n');
                w.append(line);
                n++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot render rows as CSV: " + e.getMessage(), e);
        }
        return new Rendered(bytes.toByteArray(), n);
    }

    /** Copies rendered rows into {@code table}'s {@code columns}; returns the rows PostgreSQL loaded. */
    static long copyIn(Connection c, String table, List<String> columns, Rendered rendered) throws SQLException {
        StringBuilder sql = new StringBuilder("COPY ").append(identifier(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(identifier(columns.get(i)));
        }
        sql.append(") FROM STDIN WITH (FORMAT csv)");
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString(),
                    new ByteArrayInputStream(rendered.csv()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static void field(StringBuilder out, DataType type, Row r, int i) {
        Object v = r.get(i);
        if (v instanceof String s) {
            quoted(out, s);
        } else if (v instanceof Timestamp t) {
            out.append(t.toInstant());
        } else if (v instanceof java.time.Instant t) {
            out.append(t);
        } else if (v instanceof Date d) {
            out.append(d.toLocalDate());
        } else if (v instanceof LocalDate d) {
            out.append(d);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (type instanceof FloatType) {
            out.append(Double.toString(r.getFloat(i))); // the float's exact value, as binding a float4 gave
        } else if (type instanceof ArrayType) {
            quoted(out, arrayLiteral(r.getList(i)));
        } else {
            out.append(v); // integers, doubles (round-trip form, NaN, Infinity), booleans
        }
    }

    /** A PostgreSQL array literal: {"a","b",NULL}, each element quoted with backslash escapes. */
    static String arrayLiteral(List<Object> elements) {
        StringBuilder b = new StringBuilder("{");
        for (Object e : elements) {
            if (b.length() > 1) {
                b.append(',');
            }
            if (e == null) {
                b.append("NULL");
            } else {
                b.append('"').append(e.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.append('}').toString();
    }

    private static void quoted(StringBuilder out, String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
