package io.showmetrics.dashboard.omnichannel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The latest month of a monthly revenue series, all channels together, against the month before it. A partial
 * month (month to date: the data through falls inside it) is compared with the same span of the previous month,
 * from its first day to the same day and time, never with the whole month (SPEC section 2).
 *
 * @param month the first day of the latest month; {@code null} for an empty series (then every field is null)
 * @param partial the month is not fully covered by the data through
 * @param revenue the month's revenue over every channel
 * @param comparisonRevenue what it is compared with: the same span of the previous month when partial, else the
 *     whole previous calendar month; {@code null} without one (a gap, or the first month of the data)
 * @param change (revenue − comparison) / comparison; {@code null} without a comparison or when it is 0
 * @param comparisonMonth the first day of the previous month
 * @param comparisonThrough for a partial month, the end of the span compared with (the data through, one month
 *     earlier; inclusive); {@code null} when the whole previous month is compared
 */
record MonthHeadline(LocalDate month, boolean partial, BigDecimal revenue, BigDecimal comparisonRevenue, Double change,
                     LocalDate comparisonMonth, Instant comparisonThrough) {

    /**
     * @param rows a monthly series (channel_month or influenced_revenue rows), any order
     * @param dataThrough the data through of the published results; used only to say where the compared span ends
     */
    static MonthHeadline of(List<ChannelMonth> rows, Instant dataThrough) {
        LocalDate month = rows.stream().map(ChannelMonth::month).max(LocalDate::compareTo).orElse(null);
        if (month == null) {
            return new MonthHeadline(null, false, null, null, null, null, null);
        }
        List<ChannelMonth> latest = rows.stream().filter(r -> r.month().equals(month)).toList();
        LocalDate previous = month.minusMonths(1);
        boolean partial = latest.stream().anyMatch(ChannelMonth::partial);
        BigDecimal revenue = sum(latest.stream().map(ChannelMonth::revenue).toList());
        BigDecimal comparison;
        Instant comparisonThrough = null;
        if (partial) {
            comparison = sum(latest.stream().map(ChannelMonth::prevSpanRevenue).filter(Objects::nonNull).toList());
            if (latest.stream().allMatch(r -> r.prevSpanRevenue() == null)) {
                comparison = null;
            }
            comparisonThrough = dataThrough == null ? null
                    : dataThrough.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        } else {
            List<BigDecimal> before = rows.stream().filter(r -> r.month().equals(previous)).map(ChannelMonth::revenue)
                    .toList();
            comparison = before.isEmpty() ? null : sum(before);
        }
        Double change = comparison == null || comparison.signum() == 0 ? null
                : revenue.subtract(comparison).divide(comparison, MathContext.DECIMAL64).doubleValue();
        return new MonthHeadline(month, partial, revenue, comparison, change, previous, comparisonThrough);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
