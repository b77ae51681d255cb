package io.showmetrics.dashboard.runs;

/** A row of {@code quarantine_reason}: how many records of an entity a run quarantined for a reason. */
record QuarantineReason(String entity, String reason, long records) {
}
