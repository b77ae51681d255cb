package io.showmetrics.core.stats;

/**
 * The CUPED-adjusted sufficient statistics of two arms, ready for any test of {@link TwoSampleTests}
 * (fixed-horizon or sequential).
 *
 * @param treatment         Y′ = Y − θ(X − meanX) over the treatment units
 * @param control           Y′ over the control units
 * @param theta             θ over the two arms pooled (0 when var(X) = 0); null when an arm is empty
 * @param pooledMeanX       mean of X over the two arms pooled; null when an arm is empty
 * @param varianceReduction 1 − var(Y′)/var(Y) over the two arms pooled; null when var(Y) = 0 or an arm is
 *                          empty
 * @param errorCode         null, {@link StatsErrors#EMPTY_ARM}, {@link StatsErrors#ZERO_COVARIATE_VARIANCE}
 *                          or {@link StatsErrors#ZERO_VARIANCE}
 */
public record CupedAdjustment(
        SampleStats treatment,
        SampleStats control,
        Double theta,
        Double pooledMeanX,
        Double varianceReduction,
        String errorCode) {}
