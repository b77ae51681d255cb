package io.showmetrics.ingest;

/**
 * Reconciliation of one landing file: {@code read = accepted + quarantined + duplicates}.
 *
 * @param entity entity folder
 * @param file the file's full path as stored in {@code _file}
 * @param read records read: non-blank JSONL lines or CSV data rows (plus one for an unreadable tail)
 * @param accepted records appended to the bronze table
 * @param quarantined records appended to {@code quarantine}
 * @param duplicates exact copies of an accepted record, dropped
 */
public record FileReport(String entity, String file, long read, long accepted, long quarantined, long duplicates) {}
