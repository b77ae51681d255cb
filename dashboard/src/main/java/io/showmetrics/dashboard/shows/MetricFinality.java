package io.showmetrics.dashboard.shows;

import java.time.Instant;

/**
 * Whether one metric of a show can still move: {@code provisional} until its window has closed, {@code final}
 * after. The window ends at {@code finalAt} (the show's {@code ends_at} + the metric's {@code final_after_seconds})
 * and has closed once both the clock and the run's data through have reached that instant.
 *
 * @param awaitingData the data through is before {@code finalAt}: the window stays open until later data arrives,
 *     whatever the clock says (the page says "open: data through …, window ends …")
 */
record MetricFinality(String status, Instant finalAt, boolean awaitingData) {
}
