package io.showmetrics.dashboard.experiments;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code experiment} with its variants.
 *
 * @param assigned customers assigned to any variant (intention to treat)
 * @param srmPValue the sample-ratio chi-square p-value; {@code null} when not computable ({@code srmErrorCode})
 * @param srmFlagged {@code true} when {@code srmPValue < 0.001}: the split does not match the design
 * @param lastShowEnd the last experiment show's end; the conversion window closes 24 h after it, store visits 7 d after
 * @param status {@code provisional} until both the server clock and the data through have reached {@code finalAt},
 *     {@code final} from then on: results whose window ends after the data through are still moving
 * @param dataThrough the data through of the published results; {@code null} before any run recorded one
 */
record Experiment(String experimentId, String name, String hypothesis, String primaryMetric, String controlVariant,
                  Instant startsAt, Instant endsAt, long assigned, Double srmPValue, boolean srmFlagged,
                  String srmErrorCode, Instant lastShowEnd, String status, Instant finalAt,
                  List<ExperimentVariant> variants, Instant dataThrough) {
}
