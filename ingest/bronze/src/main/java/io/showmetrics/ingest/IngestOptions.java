package io.showmetrics.ingest;

import io.showmetrics.ingest.validate.IngestErrors;
import java.time.Instant;
import java.util.Currency;

/**
 * What one ingest run loads, and where to.
 *
 * @param landingPath the landing folder (Hadoop URI or local path), one sub-folder per entity
 * @param lakePath the lake root; bronze tables go under {@code <lakePath>/bronze}
 * @param runId sortable run id, e.g. {@code 20261122T174637Z-3f2a}; later runs sort after earlier
 * @param runStartedAt the run's clock: stored as {@code _ingested_at}/{@code loaded_at} and the
 *     base of the {@code future_timestamp} rule
 * @param reportingCurrency ISO-4217 code revenue is reported in (SPEC default {@value #DEFAULT_REPORTING_CURRENCY})
 */
public record IngestOptions(String landingPath, String lakePath, String runId, Instant runStartedAt, String reportingCurrency) {

  public static final String DEFAULT_REPORTING_CURRENCY = "EUR";

  public IngestOptions {
    require("landingPath", landingPath);
    require("lakePath", lakePath);
    require("runId", runId);
    if (runStartedAt == null) {
      throw IngestErrors.badOption("runStartedAt", null, "pass the instant the run started");
    }
    require("reportingCurrency", reportingCurrency);
    try {
      Currency.getInstance(reportingCurrency);
    } catch (IllegalArgumentException e) {
      throw IngestErrors.badOption("reportingCurrency", reportingCurrency, "use an ISO-4217 code such as EUR or USD");
    }
  }

  private static void require(String name, String value) {
    if (value == null || value.isBlank()) {
      throw IngestErrors.badOption(name, value, "it must not be empty");
    }
  }
}
