package io.showmetrics.core.stats;

/** Which two-sample test a metric gets (SPEC §2, conversion uplift). */
public enum MetricKind {
    /**
     * A 0/1 metric per unit (converted, visited a store): normal approximation with the unpooled standard
     * error from the population variance {@code p(1 − p)}.
     */
    BINARY,
    /**
     * A real-valued metric per unit (revenue per assigned customer): Welch's t-test with sample variances
     * and Welch–Satterthwaite degrees of freedom.
     */
    CONTINUOUS
}
