package io.showmetrics.core.catalog;

/**
 * One metric as users read it on the Definitions page and as the jobs compute it.
 *
 * @param name the column / API name, e.g. {@code unique_viewers}
 * @param label a short human label
 * @param level where the metric lives: {@code show}, {@code minute}, ...
 * @param definition how the number is computed, in words a user can check
 * @param window the time window the metric looks at
 * @param unit {@code count}, {@code ratio}, {@code seconds}, {@code minutes}, {@code currency} or
 *     {@code timestamp}
 * @param additive whether per-minute values add up to the show total (goal pacing lines)
 * @param goalAllowed whether a marketing manager may set a goal on it
 * @param finalAfter for show metrics, how long after the show ends the metric's window closes (the
 *     value is provisional until then); null for other levels
 */
public record MetricDefinition(String name, String label, String level, String definition, String window,
        String unit, boolean additive, boolean goalAllowed, java.time.Duration finalAfter) {}
