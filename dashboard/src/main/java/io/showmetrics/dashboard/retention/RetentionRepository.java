package io.showmetrics.dashboard.retention;

import static io.showmetrics.dashboard.system.Rows.getDouble;

import io.showmetrics.dashboard.system.Provisional;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The cells of one kind and segment, by cohort week then week offset.
     *
     * @param runningWeek the week that holds the data through ({@link RetentionCell#runningWeek}): cells measuring
     *     it or a later week are partial; {@code null} marks none
     */
    List<RetentionCell> findCells(String kind, String segment, LocalDate runningWeek) {
        return jdbc.sql("""
                        SELECT cohort_week, week_offset, cohort_size, retained, rate FROM retention_cohort
                        WHERE kind = :kind AND segment = :segment ORDER BY cohort_week, week_offset""")
                .param("kind", kind).param("segment", segment)
                .query((rs, i) -> {
                    LocalDate week = rs.getObject("cohort_week", LocalDate.class);
                    int offset = rs.getInt("week_offset");
                    return new RetentionCell(week, offset, rs.getLong("cohort_size"), rs.getLong("retained"),
                            getDouble(rs, "rate"), RetentionCell.partial(week, offset, runningWeek));
                })
                .list();
    }

    /**
     * The first cohort week of {@code kind} over every segment: the week the data starts, whose cohort also holds
     * every customer who was already active before it (their first activity in the data is not their first
     * ever); {@code null} without cells.
     */
    LocalDate findFirstCohortWeek(String kind) {
        return jdbc.sql("SELECT min(cohort_week) FROM retention_cohort WHERE kind = :kind").param("kind", kind)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).list().get(0);
    }

    /** The data through of the published results; {@code null} before any run recorded one. */
    Instant findDataThrough() {
        return Provisional.latestDataThrough(jdbc);
    }
}
