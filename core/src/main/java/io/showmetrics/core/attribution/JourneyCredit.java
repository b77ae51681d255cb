package io.showmetrics.core.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The credit one influenced visit gives to its shows under one model.
 *
 * @param visitId the journey's visit id
 * @param model the model that produced the credit
 * @param credit show_id → credit, each ≥ 0, summing to 1 (empty when the journey has no touch in its window)
 * @param linearFallback true when the Markov model had no removal effect to split by (P(visit) = 0, or
 *     every show of the journey has removal effect 0 or is absent from the chain) and the credit is linear;
 *     always false for the rule-based models
 */
public record JourneyCredit(String visitId, Model model, Map<String, Double> credit, boolean linearFallback) {
    public JourneyCredit {
        Objects.requireNonNull(model, "model");
        credit = Collections.unmodifiableMap(new LinkedHashMap<>(credit));
    }
}
