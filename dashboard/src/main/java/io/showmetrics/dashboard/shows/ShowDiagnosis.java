package io.showmetrics.dashboard.shows;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What held a show back (SPEC section 6): every show-level metric against its benchmark, the three with the
 * lowest percentile, and the minutes with the largest viewer losses, each with the moment closest before it.
 *
 * @param benchmarks every metric with a benchmark row, in the catalogue's order
 * @param weakest up to three metrics with the lowest percentile (ties: the catalogue's order), weakest first, among
 *     those whose window has closed: a number that can still move is not judged against settled ones
 * @param notJudgedYet the metrics with a percentile left out of {@code weakest} because their window is still open,
 *     with the instant it closes, in the catalogue's order
 * @param drops up to three minutes with the largest {@code viewers_lost} (more than zero), largest first
 * @param onAir the show is on air (live mode): nothing is ranked against settled shows ({@code weakest} is empty, every
 *     metric with a percentile is not judged yet, and the benchmark rows keep only the earlier shows' median, see
 *     {@link ShowBenchmark#againstEarlierShowsOnly}); the page says "On air: judged after the show"
 */
record ShowDiagnosis(List<ShowBenchmark> benchmarks, List<Weakness> weakest, List<Open> notJudgedYet,
                     List<Drop> drops, boolean onAir) {
    /** How many metrics the page highlights, and how many drops it labels. */
    static final int HIGHLIGHTED = 3;

    /**
     * A weak metric with its rank in words.
     *
     * @param rank e.g. "lowest 20 % of the last 10 shows"
     */
    record Weakness(ShowBenchmark benchmark, String rank) {}

    /** A metric whose window is still open: it is judged once it closes, at {@code finalAt}. */
    record Open(String metric, String label, Instant finalAt) {}

    /**
     * A minute that lost viewers.
     *
     * @param viewersBefore the viewers of the minute before
     * @param moment the latest moment at or before the start of the minute (the leavers were present in the
     *     minute before and gone in this one), or {@code null} when none came before
     */
    record Drop(int minuteIndex, Instant minuteStart, long viewersLost, long viewersJoined, long viewersBefore,
                ShowMoment moment) {}

    /**
     * The diagnosis of one show.
     *
     * @param benchmarks the show's benchmark rows in the catalogue's order
     * @param minutes the show's minutes in time order
     * @param moments the show's moments in time order
     * @param finality per metric with a window after the show, whether it has closed ({@link MetricFinality})
     */
    static ShowDiagnosis of(List<ShowBenchmark> benchmarks, List<ShowMinute> minutes, List<ShowMoment> moments,
                            java.util.Map<String, MetricFinality> finality) {
        return of(benchmarks, minutes, moments, finality, false);
    }

    /**
     * As {@link #of(List, List, List, java.util.Map)}, for a show that may be on air ({@code onAir}: its KPIs are the
     * live process's so far, so no metric is ranked; each is judged after the show).
     */
    static ShowDiagnosis of(List<ShowBenchmark> benchmarks, List<ShowMinute> minutes, List<ShowMoment> moments,
                            java.util.Map<String, MetricFinality> finality, boolean onAir) {
        java.util.function.Predicate<ShowBenchmark> open = b -> onAir || finality.containsKey(b.metric())
                && !"final".equals(finality.get(b.metric()).status());
        List<Open> notJudged = benchmarks.stream().filter(b -> b.percentile() != null).filter(open)
                .map(b -> new Open(b.metric(), b.label(),
                        finality.containsKey(b.metric()) ? finality.get(b.metric()).finalAt() : null)).toList();
        List<Weakness> weakest = benchmarks.stream()
                .filter(b -> b.percentile() != null)
                .filter(open.negate())
                .sorted(Comparator.comparingDouble(ShowBenchmark::percentile))
                .limit(HIGHLIGHTED)
                .map(b -> new Weakness(b, rank(b.percentile(), b.benchmarkN())))
                .toList();
        List<Drop> drops = new java.util.ArrayList<>();
        for (int i = 1; i < minutes.size(); i++) {
            ShowMinute m = minutes.get(i);
            if (m.viewersLost() > 0) {
                ShowMinute before = minutes.get(i - 1);
                drops.add(new Drop(m.minuteIndex(), m.minuteStart(), m.viewersLost(), m.viewersJoined(),
                        before.viewers(), momentBefore(moments, m.minuteStart())));
            }
        }
        drops.sort(Comparator.comparingLong(Drop::viewersLost).reversed().thenComparingInt(Drop::minuteIndex));
        // On air the benchmark rows are a batch run's from before the show's data (a show with no viewer yet stands
        // at p0): only the earlier shows' median means something until the batch run after the show.
        List<ShowBenchmark> shown = onAir ? benchmarks.stream().map(ShowBenchmark::againstEarlierShowsOnly).toList()
                : benchmarks;
        return new ShowDiagnosis(shown, weakest, notJudged,
                List.copyOf(drops.subList(0, Math.min(HIGHLIGHTED, drops.size()))), onAir);
    }

    /** The latest moment at or before {@code at}, or {@code null}. */
    static ShowMoment momentBefore(List<ShowMoment> moments, Instant at) {
        ShowMoment latest = null;
        for (ShowMoment m : moments) {
            if (!m.ts().isAfter(at) && (latest == null || !m.ts().isBefore(latest.ts()))) {
                latest = m;
            }
        }
        return latest;
    }

    /**
     * A percentile in words against {@code n} earlier shows: "lowest of the last 10 shows" at 0, "lowest 20 % of
     * the last 10 shows" below one half (rounded up to a tenth), else "better than 70 % of the last 10 shows".
     */
    static String rank(double percentile, int n) {
        String shows = n == 1 ? "the last show" : "the last " + n + " shows";
        if (percentile <= 0) {
            return "lowest of " + shows;
        }
        if (percentile < 0.5) {
            long decile = (long) Math.ceil(percentile * 10 - 1e-9);
            return String.format(Locale.ROOT, "lowest %d %% of %s", decile * 10, shows);
        }
        return String.format(Locale.ROOT, "better than %d %% of %s", Math.round(percentile * 100), shows);
    }
}
