package io.showmetrics.dashboard.runs;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Pipeline runs with their reconciliation and quarantine, as JSON and CSV. */
@RestController
@Tag(name = "Runs", description = "Pipeline runs (pipeline_run, ingest_file, quarantine_reason, quarantine_sample)")
class RunApiController {
    private static final List<Csv.Column<RunSummary>> RUN_COLUMNS = List.of(
            column("run_id", RunSummary::runId), column("status", RunSummary::status),
            column("started_at", RunSummary::startedAt), column("finished_at", RunSummary::finishedAt),
            column("duration_seconds", RunSummary::durationSeconds), column("records_read", RunSummary::recordsRead),
            column("records_accepted", RunSummary::recordsAccepted),
            column("records_quarantined", RunSummary::recordsQuarantined),
            column("records_duplicate", RunSummary::recordsDuplicate), column("files_loaded", RunSummary::filesLoaded),
            column("shows_computed", RunSummary::showsComputed), column("message", RunSummary::message));
    private static final List<Csv.Column<IngestFile>> FILE_COLUMNS = List.of(
            column("entity", IngestFile::entity), column("file", IngestFile::file),
            column("records_read", IngestFile::recordsRead), column("records_accepted", IngestFile::recordsAccepted),
            column("records_quarantined", IngestFile::recordsQuarantined),
            column("records_duplicate", IngestFile::recordsDuplicate), column("reconciled", IngestFile::reconciled));
    private static final List<Csv.Column<QuarantineReason>> REASON_COLUMNS = List.of(
            column("entity", QuarantineReason::entity), column("reason", QuarantineReason::reason),
            column("records", QuarantineReason::records));
    private static final List<Csv.Column<QuarantineSample>> SAMPLE_COLUMNS = List.of(
            column("entity", QuarantineSample::entity), column("file", QuarantineSample::file),
            column("line", QuarantineSample::line), column("field", QuarantineSample::field),
            column("reason", QuarantineSample::reason), column("message", QuarantineSample::message),
            column("raw", QuarantineSample::raw));

    private final RunRepository runs;

    RunApiController(RunRepository runs) {
        this.runs = runs;
    }

    @GetMapping("/api/runs")
    @Operation(summary = "Every pipeline run, latest first")
    List<RunSummary> list() {
        return runs.findAll();
    }

    @GetMapping("/api/runs.csv")
    @Operation(summary = "The runs list as CSV")
    ResponseEntity<String> listCsv() {
        return Csv.download("pipeline-runs.csv", RUN_COLUMNS, runs.findAll());
    }

    @GetMapping("/api/runs/{runId}")
    @Operation(summary = "One run with per-file reconciliation, quarantine counts by reason and samples; 404 if unknown")
    RunDetail run(@PathVariable String runId) {
        return runs.findDetail(runId).orElseThrow(() -> notFound(runId));
    }

    @GetMapping("/api/runs/{runId}/files.csv")
    @Operation(summary = "The run's per-file reconciliation as CSV")
    ResponseEntity<String> filesCsv(@PathVariable String runId) {
        requireRun(runId);
        return Csv.download("run-" + runId + "-files.csv", FILE_COLUMNS, runs.files(runId));
    }

    @GetMapping("/api/runs/{runId}/quarantine-reasons.csv")
    @Operation(summary = "The run's quarantined record counts by entity and reason as CSV")
    ResponseEntity<String> reasonsCsv(@PathVariable String runId) {
        requireRun(runId);
        return Csv.download("run-" + runId + "-quarantine-reasons.csv", REASON_COLUMNS, runs.quarantineReasons(runId));
    }

    @GetMapping("/api/runs/{runId}/quarantine-samples.csv")
    @Operation(summary = "The run's sampled quarantined records as CSV")
    ResponseEntity<String> samplesCsv(@PathVariable String runId) {
        requireRun(runId);
        return Csv.download("run-" + runId + "-quarantine-samples.csv", SAMPLE_COLUMNS, runs.quarantineSamples(runId));
    }

    private void requireRun(String runId) {
        if (runs.findById(runId).isEmpty()) {
            throw notFound(runId);
        }
    }

    private static NotFoundException notFound(String runId) {
        return new NotFoundException("No pipeline run with id '" + runId + "'.");
    }
}
