package io.showmetrics.dashboard.experiments;

/**
 * A row of {@code experiment_result}: one treatment variant against the control for one metric, raw
 * ({@code adjusted = false}) or CUPED-adjusted ({@code adjusted = true}). Every number is {@code null} when
 * not computable; {@code errorCode} then says why. Rates are fractions (0.052 = 5.2%), revenue is per
 * assigned customer in the reporting currency, {@code rel*} are fractions of the control value.
 *
 * @param metric {@code converted}, {@code revenue} or {@code visited_store}
 * @param absCiLow 95% CI of the absolute difference (variant − control)
 * @param relCiLow 95% CI of the relative lift, by the delta method
 * @param pValueHolm Holm-adjusted p-value over the experiment's (variant × metric) family
 * @param pValueBh Benjamini–Hochberg adjusted p-value over the same family
 * @param seqCiLow always-valid (mSPRT) 95% interval of the absolute difference
 * @param theta the CUPED coefficient cov(Y, X) / var(X); CUPED rows only
 * @param varianceReduction 1 − var(Y′) / var(Y) achieved by CUPED; CUPED rows only
 */
record ExperimentResult(String experimentId, String metric, String variant, boolean adjusted, Long n, Double value,
                        Long controlN, Double controlValue, Double absLift, Double absCiLow, Double absCiHigh,
                        Double relLift, Double relCiLow, Double relCiHigh, Double pValue, Double pValueHolm,
                        Double pValueBh, Double seqCiLow, Double seqCiHigh, Double theta, Double varianceReduction,
                        Double srmPValue, String errorCode) {
}
