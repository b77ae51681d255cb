package io.showmetrics.dashboard.shows;

import java.time.Instant;

/**
 * Whether one metric of a show can still move: {@code provisional} before {@code finalAt} (the show's
 * {@code ends_at} + the metric's {@code final_after_seconds}), {@code final} from that instant on.
 */
record MetricFinality(String status, Instant finalAt) {
}
