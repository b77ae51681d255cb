package io.showmetrics.dashboard.definitions;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code metric_definition}. */
@Repository
class DefinitionRepository {
    private final JdbcClient jdbc;

    DefinitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every definition in the catalogue's order. */
    List<MetricDefinition> findAll() {
        return jdbc.sql("""
                        SELECT name, label, level, definition, window_text, unit, additive, goal_allowed, sort_order
                        FROM metric_definition ORDER BY sort_order, name""")
                .query((rs, i) -> new MetricDefinition(rs.getString("name"), rs.getString("label"),
                        rs.getString("level"), rs.getString("definition"), rs.getString("window_text"),
                        rs.getString("unit"), rs.getBoolean("additive"), rs.getBoolean("goal_allowed"),
                        rs.getInt("sort_order")))
                .list();
    }
}
