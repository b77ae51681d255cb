package io.showmetrics.jobs.publish;

import java.time.Instant;
import java.util.Map;

/**
 * What the command line knows about the run it is executing, for the {@code pipeline_run} row.
 *
 * @param runId sortable run id, shared by the ingest log, the compute log and {@code pipeline_run}
 * @param status {@code running}, {@code succeeded}, {@code failed} or {@code nothing_new}
 * @param stepSeconds wall time per step (ingest, compute, publish)
 */
public record RunRecord(String runId, Instant startedAt, Instant finishedAt, String status, String message,
        int showsComputed, Map<String, Double> stepSeconds) {}
