package io.showmetrics.dashboard.omnichannel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The executive's answer (SPEC section 6): "shows drove €X" over a chosen period of whole UTC months = the live GMV
 * of the shows that ended in it + the web, app and store revenue they influenced, with the store visits credited
 * to them, against the period just before it.
 *
 * <p>Comparison: a period of whole months is compared with the same number of months just before it; a single
 * month to date (partial) with the same span of the previous month ({@code prev_span_*} of show_month), never with
 * the whole month; a period of several months that ends in the month to date has no comparison (the spans would
 * not match). {@code null} comparison when the earlier period has no show.
 *
 * @param from the first month of the period
 * @param to the last month of the period
 * @param months every month with shows, oldest first (for the period picker)
 * @param partial the period ends in the month to date
 * @param drove liveGmv + influencedRevenue
 * @param comparisonFrom the first month compared with; {@code null} without a comparison
 * @param comparisonDrove what the compared span drove; {@code null} without a comparison
 * @param change (drove − comparisonDrove) / comparisonDrove; {@code null} without a comparison or when it is 0
 */
record ShowsDrove(YearMonth from, YearMonth to, List<YearMonth> months, long shows, BigDecimal liveGmv,
                  BigDecimal influencedRevenue, double influencedStoreVisits, BigDecimal drove, boolean partial,
                  YearMonth comparisonFrom, YearMonth comparisonTo, boolean comparisonSameSpan,
                  BigDecimal comparisonDrove, Double change) {

    /**
     * @param rows every show_month row, any order
     * @param from the first month; {@code null}: the latest month with shows
     * @param to the last month; {@code null}: {@code from}, or the latest month
     * @return {@code null} when there is no show at all
     */
    static ShowsDrove of(List<ShowMonth> rows, YearMonth from, YearMonth to) {
        List<YearMonth> months = rows.stream().map(r -> YearMonth.from(r.month())).sorted().toList();
        if (months.isEmpty()) {
            return null;
        }
        YearMonth last = to != null ? to : from != null ? from : months.get(months.size() - 1);
        YearMonth first = from != null ? from : last;
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("The period starts (" + first + ") after it ends (" + last + ").");
        }
        List<ShowMonth> in = within(rows, first, last);
        long shows = in.stream().mapToLong(ShowMonth::shows).sum();
        BigDecimal live = sum(in.stream().map(ShowMonth::liveGmv).toList());
        BigDecimal influenced = sum(in.stream().map(ShowMonth::influencedRevenue).toList());
        double visits = in.stream().mapToDouble(ShowMonth::influencedStoreVisits).sum();
        boolean partial = in.stream().anyMatch(ShowMonth::partial);
        BigDecimal drove = live.add(influenced);

        long length = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        YearMonth compareFrom = first.minusMonths(length);
        YearMonth compareTo = last.minusMonths(length);
        BigDecimal comparison = null;
        boolean sameSpan = false;
        if (partial) {
            if (length == 1 && in.size() == 1 && in.get(0).prevSpanLiveGmv() != null) {
                comparison = in.get(0).prevSpanLiveGmv().add(in.get(0).prevSpanInfluencedRevenue());
                sameSpan = true;
            }
        } else {
            List<ShowMonth> before = within(rows, compareFrom, compareTo);
            if (!before.isEmpty()) {
                comparison = sum(before.stream().map(ShowMonth::drove).toList());
            }
        }
        Double change = comparison == null || comparison.signum() == 0 ? null
                : drove.subtract(comparison).divide(comparison, MathContext.DECIMAL64).doubleValue();
        return new ShowsDrove(first, last, months, shows, live, influenced, visits, drove, partial,
                comparison == null ? null : compareFrom, comparison == null ? null : compareTo, sameSpan, comparison,
                change);
    }

    private static List<ShowMonth> within(List<ShowMonth> rows, YearMonth from, YearMonth to) {
        LocalDate start = from.atDay(1);
        LocalDate end = to.atDay(1);
        return rows.stream().filter(r -> !r.month().isBefore(start) && !r.month().isAfter(end)).toList();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
