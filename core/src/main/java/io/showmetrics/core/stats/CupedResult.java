package io.showmetrics.core.stats;

/**
 * A CUPED analysis of one treatment arm against control: the raw result, the adjusted result beside it,
 * the regression coefficient and the variance reduction achieved.
 *
 * @param raw                the test on Y alone
 * @param adjusted           the same test on Y′ = Y − θ(X − mean X); equals {@code raw} when θ = 0
 * @param theta              θ = cov(Y, X)/var(X) over the two arms pooled; null when an arm is empty
 * @param varianceReduction  1 − var(Y′)/var(Y), both variances over the two arms pooled (one sample of
 *                           n_t + n_c units); null when var(Y) = 0 or an arm is empty
 * @param errorCode          null, {@link StatsErrors#EMPTY_ARM}, {@link StatsErrors#ZERO_COVARIATE_VARIANCE}
 *                           or {@link StatsErrors#ZERO_VARIANCE} (var(Y) = 0 over the two arms); the
 *                           adjusted result carries its own code as well
 */
public record CupedResult(
        TwoSampleResult raw, TwoSampleResult adjusted, Double theta, Double varianceReduction, String errorCode) {}
