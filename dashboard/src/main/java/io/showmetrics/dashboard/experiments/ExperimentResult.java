package io.showmetrics.dashboard.experiments;

import com.fasterxml.jackson.annotation.JsonProperty;

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
 *
 * <p>Which test says "significant": the page colours an interval by whether that interval excludes 0
 * ({@link #absSignificant()}, {@link #relSignificant()}), and shows beside the absolute interval the p-value of
 * the same test ({@code pValue}); the Holm and Benjamini–Hochberg p-values stand in their own columns and never
 * colour an interval they were not computed from.
 */
record ExperimentResult(String experimentId, String metric, String variant, boolean adjusted, Long n, Double value,
                        Long controlN, Double controlValue, Double absLift, Double absCiLow, Double absCiHigh,
                        Double relLift, Double relCiLow, Double relCiHigh, Double pValue, Double pValueHolm,
                        Double pValueBh, Double seqCiLow, Double seqCiHigh, Double theta, Double varianceReduction,
                        Double srmPValue, String errorCode) {
    /**
     * Whether the 95% CI of the absolute lift excludes 0: the z-test (binary) or Welch test (revenue) whose
     * two-sided p-value is {@code pValue}, so the same as {@code pValue < 0.05}, unadjusted for multiple
     * testing. {@code null} when the interval is not computable.
     */
    @JsonProperty("absSignificant")
    public Boolean absSignificant() {
        return excludesZero(absCiLow, absCiHigh);
    }

    /**
     * Whether the 95% delta-method CI of the relative lift excludes 0. It can cross 0 while the absolute test
     * has p < 0.05 (its standard error includes the control mean's uncertainty); the relative lift is then not
     * significant. {@code null} when the interval is not computable.
     */
    @JsonProperty("relSignificant")
    public Boolean relSignificant() {
        return excludesZero(relCiLow, relCiHigh);
    }

    private static Boolean excludesZero(Double low, Double high) {
        return low == null || high == null ? null : low > 0 || high < 0;
    }
}
