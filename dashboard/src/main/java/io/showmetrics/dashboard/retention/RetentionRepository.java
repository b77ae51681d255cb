package io.showmetrics.dashboard.retention;

import static io.showmetrics.dashboard.system.Rows.getDouble;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code retention_cohort}. Cells after a cohort's last observed week are absent, never zero. */
@Repository
class RetentionRepository {
    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The segments present for {@code kind}: {@code all} first, then by dimension and value. */
    List<String> findSegments(String kind) {
        return jdbc.sql("""
                        SELECT segment FROM retention_cohort WHERE kind = :kind
                        GROUP BY segment ORDER BY segment <> 'all', segment""")
                .param("kind", kind).query(String.class).list();
    }

    /** The cells of one kind and segment, by cohort week then week offset. */
    List<RetentionCell> findCells(String kind, String segment) {
        return jdbc.sql("""
                        SELECT cohort_week, week_offset, cohort_size, retained, rate FROM retention_cohort
                        WHERE kind = :kind AND segment = :segment ORDER BY cohort_week, week_offset""")
                .param("kind", kind).param("segment", segment)
                .query((rs, i) -> new RetentionCell(rs.getObject("cohort_week", java.time.LocalDate.class),
                        rs.getInt("week_offset"), rs.getLong("cohort_size"), rs.getLong("retained"),
                        getDouble(rs, "rate")))
                .list();
    }
}
