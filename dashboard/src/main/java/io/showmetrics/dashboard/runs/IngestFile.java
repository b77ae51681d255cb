package io.showmetrics.dashboard.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A row of {@code ingest_file}: one input file's reconciliation within a run. */
record IngestFile(String entity, String file, long recordsRead, long recordsAccepted, long recordsQuarantined,
                  long recordsDuplicate) {

    /** Whether read = accepted + quarantined + duplicate for this file. */
    @JsonProperty("reconciled")
    public boolean reconciled() {
        return recordsRead == recordsAccepted + recordsQuarantined + recordsDuplicate;
    }
}
