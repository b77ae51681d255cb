package io.showmetrics.core;

/** Ratios with the SPEC's zero-denominator rule: a zero denominator gives null (shown as "–"), never 0 or NaN. */
public final class Ratios {
    private Ratios() {}

    public static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
