package io.showmetrics.dashboard.runs;

import java.util.List;

/** A run with its per-file reconciliation, quarantine counts by reason and quarantined samples. */
record RunDetail(RunSummary run, List<IngestFile> files, List<QuarantineReason> quarantineReasons,
                 List<QuarantineSample> quarantineSamples) {
}
