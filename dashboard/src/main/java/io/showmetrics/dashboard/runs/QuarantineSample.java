package io.showmetrics.dashboard.runs;

/** A row of {@code quarantine_sample}: one quarantined record with where and why. */
record QuarantineSample(String entity, String file, long line, String field, String reason, String message,
                        String raw) {
}
