package io.showmetrics.core.stats;

/**
 * One treatment arm against the control arm for one metric: the row of SPEC's {@code experiment_result}.
 *
 * <p>Every field that cannot be computed is {@code null}, never NaN or infinite, and {@link #errorCode()}
 * says why (see {@link StatsErrors}); {@code errorCode} is null when the result is complete.
 *
 * @param n                treatment units
 * @param value            treatment mean (rate for a binary metric); null when {@code n = 0}
 * @param controlN         control units
 * @param controlValue     control mean; null when {@code controlN = 0}
 * @param absLift          {@code value − controlValue}
 * @param absCiLow         lower end of the 95% CI of {@code absLift}
 * @param absCiHigh        upper end of the 95% CI of {@code absLift}
 * @param relLift          {@code absLift / controlValue}
 * @param relCiLow         lower end of the 95% delta-method CI of {@code relLift}
 * @param relCiHigh        upper end of the 95% delta-method CI of {@code relLift}
 * @param pValue           two-sided p-value for {@code absLift = 0} (always-valid for the sequential test)
 * @param statistic        {@code absLift / SE}: z for binary and sequential tests, t for Welch
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom; null for z-based tests
 * @param standardError    SE of {@code absLift}, {@code sqrt(v_t/n_t + v_c/n_c)} (unpooled); null when not computable
 * @param errorCode        null, or one of the codes in {@link StatsErrors}
 */
public record TwoSampleResult(
        long n,
        Double value,
        long controlN,
        Double controlValue,
        Double absLift,
        Double absCiLow,
        Double absCiHigh,
        Double relLift,
        Double relCiLow,
        Double relCiHigh,
        Double pValue,
        Double statistic,
        Double degreesOfFreedom,
        Double standardError,
        String errorCode) {

    /** True when no error code is set, i.e. every field is present. */
    public boolean isComplete() {
        return errorCode == null;
    }
}
