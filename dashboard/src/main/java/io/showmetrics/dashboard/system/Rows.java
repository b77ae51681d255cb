package io.showmetrics.dashboard.system;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads nullable columns of the serving tables. SQL NULL stays {@code null} (never 0), and a
 * non-finite double (NaN, ±Infinity, which a zero denominator must never produce) is read as
 * {@code null} too, so the pages show "–" and the JSON stays valid.
 */
public final class Rows {
    private Rows() {
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    public static Double getDouble(ResultSet rs, String column) throws SQLException {
        Double value = rs.getObject(column, Double.class);
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    public static BigDecimal getDecimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
