package io.showmetrics.dashboard.experiments;

/**
 * A row of {@code experiment_decision} (SPEC section 6): for one treatment variant, the decision on the primary
 * metric and its reason in words, and what the data can still detect.
 *
 * @param decision {@code ship}, {@code no_ship}, {@code inconclusive}, {@code guardrail} or {@code srm_blocked}
 * @param mdeAbs the absolute effect detectable with 80% power at the current number of customers
 * @param power10pct the power to detect a 10% relative lift now
 * @param nNeeded10pct the assigned customers (all variants) that a 10% lift needs at the same split
 */
record ExperimentDecision(String variant, String metric, String decision, String reason, Double mdeAbs,
                          Double power10pct, Double nNeeded10pct) {
}
