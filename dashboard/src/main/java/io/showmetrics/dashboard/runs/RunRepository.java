package io.showmetrics.dashboard.runs;

import static io.showmetrics.dashboard.system.Rows.getInstant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code pipeline_run}, {@code ingest_file}, {@code quarantine_reason} and {@code quarantine_sample}. */
@Repository
class RunRepository {
    private static final String RUN_COLUMNS = """
            run_id, status, started_at, finished_at, records_read, records_accepted, records_quarantined,
            records_duplicate, files_loaded, shows_computed, message""";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every run, latest start first. */
    List<RunSummary> findAll() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM pipeline_run ORDER BY started_at DESC, run_id DESC")
                .query((rs, i) -> run(rs))
                .list();
    }

    Optional<RunSummary> findById(String runId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM pipeline_run WHERE run_id = :id")
                .param("id", runId)
                .query((rs, i) -> run(rs))
                .optional();
    }

    /** The run with everything it ingested and quarantined, or empty for an unknown run. */
    Optional<RunDetail> findDetail(String runId) {
        return findById(runId).map(run -> new RunDetail(run, files(runId), quarantineReasons(runId),
                quarantineSamples(runId)));
    }

    /** Per-file reconciliation, by entity then file. */
    List<IngestFile> files(String runId) {
        return jdbc.sql("""
                        SELECT entity, file, records_read, records_accepted, records_quarantined, records_duplicate
                        FROM ingest_file WHERE run_id = :id ORDER BY entity, file""")
                .param("id", runId)
                .query((rs, i) -> new IngestFile(rs.getString("entity"), rs.getString("file"),
                        rs.getLong("records_read"), rs.getLong("records_accepted"),
                        rs.getLong("records_quarantined"), rs.getLong("records_duplicate")))
                .list();
    }

    /** Quarantined records by entity and reason, most frequent first. */
    List<QuarantineReason> quarantineReasons(String runId) {
        return jdbc.sql("""
                        SELECT entity, reason, records FROM quarantine_reason WHERE run_id = :id
                        ORDER BY records DESC, entity, reason""")
                .param("id", runId)
                .query((rs, i) -> new QuarantineReason(rs.getString("entity"), rs.getString("reason"),
                        rs.getLong("records")))
                .list();
    }

    /** The sampled quarantined records, by file and line. */
    List<QuarantineSample> quarantineSamples(String runId) {
        return jdbc.sql("""
                        SELECT entity, file, line, field, reason, message, raw FROM quarantine_sample
                        WHERE run_id = :id ORDER BY file, line""")
                .param("id", runId)
                .query((rs, i) -> new QuarantineSample(rs.getString("entity"), rs.getString("file"),
                        rs.getLong("line"), rs.getString("field"), rs.getString("reason"), rs.getString("message"),
                        rs.getString("raw")))
                .list();
    }

    private static RunSummary run(ResultSet rs) throws SQLException {
        Instant started = getInstant(rs, "started_at");
        Instant finished = getInstant(rs, "finished_at");
        return new RunSummary(rs.getString("run_id"), rs.getString("status"), started, finished,
                finished == null ? null : Duration.between(started, finished).toSeconds(),
                rs.getLong("records_read"), rs.getLong("records_accepted"), rs.getLong("records_quarantined"),
                rs.getLong("records_duplicate"), rs.getInt("files_loaded"), rs.getInt("shows_computed"),
                rs.getString("message"));
    }
}
