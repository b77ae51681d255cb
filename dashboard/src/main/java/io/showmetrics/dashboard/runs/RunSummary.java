package io.showmetrics.dashboard.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A row of {@code pipeline_run}.
 *
 * @param status running, succeeded, failed or nothing_new
 * @param finishedAt {@code null} while running
 * @param durationSeconds finished − started; {@code null} while running
 */
record RunSummary(String runId, String status, Instant startedAt, Instant finishedAt, Long durationSeconds,
                  long recordsRead, long recordsAccepted, long recordsQuarantined, long recordsDuplicate,
                  int filesLoaded, int showsComputed, String message) {

    /** Whether read = accepted + quarantined + duplicate. */
    @JsonProperty("reconciled")
    public boolean reconciled() {
        return recordsRead == recordsAccepted + recordsQuarantined + recordsDuplicate;
    }
}
