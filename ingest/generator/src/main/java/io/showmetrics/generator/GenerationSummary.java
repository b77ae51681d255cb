package io.showmetrics.generator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a run wrote.
 *
 * @param out                 the landing folder
 * @param recordsByEntity     JSONL lines plus CSV data rows written per entity folder, bad and duplicate records included
 * @param filesWritten        data files written (truth.json not counted)
 * @param bytesWritten        total size of those files on disk
 * @param plantedBadByReason  planted bad records per reason code (the codes ingest quarantines with)
 * @param plantedDuplicates   planted exact duplicates (re-delivered lines)
 * @param elapsed             wall-clock time of the run
 */
public record GenerationSummary(Path out,
                                Map<String, Long> recordsByEntity,
                                long filesWritten,
                                long bytesWritten,
                                Map<String, Long> plantedBadByReason,
                                long plantedDuplicates,
                                Duration elapsed) {

    public long totalRecords() {
        return recordsByEntity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalPlantedBad() {
        return plantedBadByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
