package io.showmetrics.dashboard.goals;

import io.showmetrics.dashboard.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goal use cases: list with evaluation at the server's time, create, update, delete, copy between shows and CSV
 * import. Each write validates first ({@link GoalValidator}), then runs in one transaction with its audit rows; an
 * import writes every line or none.
 */
@Service
class GoalService {
    private final GoalRepository goals;
    private final TransactionTemplate tx;
    private final Clock clock;

    GoalService(GoalRepository goals, PlatformTransactionManager transactions, Clock clock) {
        this.goals = goals;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Goals with their status now; {@code showId} null for every show. */
    List<GoalView> list(String showId) {
        Instant now = clock.instant();
        return goals.findRows(showId).stream().map(r -> view(r, now)).toList();
    }

    boolean exists(long goalId) {
        return goals.findById(goalId).isPresent();
    }

    GoalView get(long goalId) {
        StoredGoal goal = require(goalId);
        return list(goal.showId()).stream().filter(v -> v.goalId() != null && v.goalId() == goalId).findFirst()
                .orElseThrow(() -> notFound(goalId));
    }

    static GoalView view(GoalRepository.GoalRow r, Instant now) {
        GoalResolution.Applied g = r.goal();
        GoalStatus s = GoalEvaluation.evaluate(g.target(), g.direction(), r.actual(), r.showEndsAt(),
                r.finalAfterSeconds(), now, r.dataThrough(), r.onAir());
        return new GoalView(g.goalId(), g.showId(), r.showTitle(), r.showStartsAt(), r.showEndsAt(), g.metric(),
                r.metricLabel() == null ? g.metric() : r.metricLabel(), r.unit(), r.additive(), g.target(),
                GoalTarget.format(g.target(), r.unit()), g.direction(), s.actual(), s.status(), s.attainment(),
                s.provisional(), s.finalAt(), g.updatedBy(), g.updatedAt(), r.dataThrough(), g.source(),
                g.series() == null ? null : g.series().seriesGoalId(),
                g.series() == null ? null : g.series().describe());
    }

    GoalView create(GoalDraft draft, String user) {
        long id = tx.execute(status -> {
            GoalValues v = valid(draft);
            goals.findByShowAndMetric(v.showId(), v.metric()).ifPresent(existing -> {
                throw GoalValidationException.conflict(
                        GoalErrors.duplicate(null, v.showId(), v.metric(), existing.goalId()));
            });
            return goals.insert(v, user, clock.instant()).goalId();
        });
        return get(id);
    }

    GoalView update(long goalId, GoalDraft draft, String user) {
        tx.executeWithoutResult(status -> {
            StoredGoal old = require(goalId);
            GoalValues v = valid(draft);
            Optional<StoredGoal> other = goals.findByShowAndMetric(v.showId(), v.metric())
                    .filter(g -> g.goalId() != goalId);
            if (other.isPresent()) {
                throw GoalValidationException.conflict(
                        GoalErrors.duplicate(null, v.showId(), v.metric(), other.get().goalId()));
            }
            goals.update(old, v, user, clock.instant());
        });
        return get(goalId);
    }

    void delete(long goalId, String user) {
        tx.executeWithoutResult(status -> goals.delete(require(goalId), user, clock.instant()));
    }

    /** What a copy or an import did. */
    record WriteResult(String toShowId, int created, int updated, List<GoalView> goals) {
    }

    /**
     * Copies every goal of {@code fromShowId} (by default the show that started last before {@code toShowId}) to
     * {@code toShowId}. Refused, with nothing copied, when the target show already has a goal on one of the metrics.
     */
    WriteResult copy(String fromShowId, String toShowId, String user) {
        GoalCatalogue catalogue = goals.catalogue();
        if (toShowId == null || toShowId.isBlank()) {
            throw GoalValidationException.invalid(List.of(GoalErrors.showRequired(null)));
        }
        if (!catalogue.showIds().contains(toShowId)) {
            throw GoalValidationException.invalid(List.of(GoalErrors.unknownShow(null, toShowId)));
        }
        String from = fromShowId == null || fromShowId.isBlank()
                ? goals.previousShow(toShowId).orElseThrow(() -> GoalValidationException.invalid(
                        List.of(GoalErrors.noPreviousShow(toShowId))))
                : fromShowId.strip();
        if (!catalogue.showIds().contains(from)) {
            throw GoalValidationException.invalid(List.of(GoalErrors.unknownShow(null, from)));
        }
        if (from.equals(toShowId)) {
            throw GoalValidationException.invalid(List.of(GoalErrors.sameShow(from)));
        }
        int created = tx.execute(status -> {
            List<StoredGoal> source = goals.findByShow(from);
            if (source.isEmpty()) {
                throw GoalValidationException.invalid(List.of(GoalErrors.nothingToCopy(from)));
            }
            List<GoalError> conflicts = new ArrayList<>();
            for (StoredGoal g : source) {
                goals.findByShowAndMetric(toShowId, g.metric()).ifPresent(existing ->
                        conflicts.add(GoalErrors.duplicate(null, toShowId, g.metric(), existing.goalId())));
            }
            if (!conflicts.isEmpty()) {
                throw GoalValidationException.conflict(conflicts);
            }
            Instant now = clock.instant();
            source.forEach(g -> goals.insert(new GoalValues(toShowId, g.metric(), g.target(), g.direction()), user, now));
            return source.size();
        });
        return new WriteResult(toShowId, created, 0, list(toShowId));
    }

    /** The most errors one refused import lists; the rest are counted in a last "and K more" entry. */
    static final int MAX_LISTED_ERRORS = 100;

    /**
     * Imports a goals CSV ({@link GoalCsv}): each line sets the goal of its (show, metric), creating it or updating
     * the existing one. Every line is validated first; when any line is bad, the errors are reported (with their
     * line; the first {@value #MAX_LISTED_ERRORS}, then how many more) and nothing is written. The writes run in one
     * transaction.
     */
    WriteResult importCsv(String text, String user) {
        GoalCsv.Parsed parsed = GoalCsv.parse(text);
        ListedErrors errors = new ListedErrors();
        parsed.errors().forEach(errors::add);
        GoalCatalogue catalogue = goals.catalogue();
        List<GoalValues> valid = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (GoalCsv.Line line : parsed.lines()) {
            GoalValidator.Result result = GoalValidator.validate(line.draft(), catalogue, line.number());
            if (!result.ok()) {
                result.errors().forEach(errors::add);
                continue;
            }
            GoalValues v = result.values();
            Integer first = firstLine.putIfAbsent(v.showId() + "\u0000" + v.metric(), line.number());
            if (first != null) {
                errors.add(GoalErrors.repeatedInFile(line.number(), v.showId(), v.metric(), first));
            } else {
                valid.add(v);
            }
        }
        if (errors.any()) {
            throw GoalValidationException.invalid(errors.listed());
        }
        int[] counts = tx.execute(status -> {
            Instant now = clock.instant();
            int created = 0;
            int updated = 0;
            for (GoalValues v : valid) {
                Optional<StoredGoal> existing = goals.findByShowAndMetric(v.showId(), v.metric());
                if (existing.isPresent()) {
                    goals.update(existing.get(), v, user, now);
                    updated++;
                } else {
                    goals.insert(v, user, now);
                    created++;
                }
            }
            return new int[] {created, updated};
        });
        return new WriteResult(null, counts[0], counts[1], list(null));
    }

    /** The first {@value #MAX_LISTED_ERRORS} errors of an import, and a count of the others. */
    private static final class ListedErrors {
        private final List<GoalError> listed = new ArrayList<>();
        private int unlisted;

        void add(GoalError error) {
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(error);
            } else {
                unlisted++;
            }
        }

        boolean any() {
            return !listed.isEmpty();
        }

        /** The listed errors, then "and K more" when some were not listed. */
        List<GoalError> listed() {
            if (unlisted == 0) {
                return listed;
            }
            List<GoalError> out = new ArrayList<>(listed);
            out.add(GoalErrors.moreErrors(unlisted));
            return out;
        }
    }

    /** Hit rate and mean attainment per metric over every show's goals, in catalogue order. */
    List<GoalMetricSummary> summary() {
        Map<String, List<GoalView>> byMetric = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        goals.metricOptions().forEach(m -> {
            byMetric.put(m.name(), new ArrayList<>());
            labels.put(m.name(), m.label());
        });
        for (GoalView v : list(null)) {
            byMetric.computeIfAbsent(v.metric(), k -> new ArrayList<>()).add(v);
            labels.putIfAbsent(v.metric(), v.metricLabel());
        }
        List<GoalMetricSummary> out = new ArrayList<>();
        byMetric.forEach((metric, views) -> {
            if (views.isEmpty()) {
                return;
            }
            long met = views.stream().filter(v -> GoalStatus.MET.equals(v.status())).count();
            long missed = views.stream().filter(v -> GoalStatus.MISSED.equals(v.status())).count();
            long pending = views.size() - met - missed;
            // An in-progress goal's attainment is the show's so far, not an outcome: left out of the mean.
            var attainments = views.stream().filter(v -> !GoalStatus.IN_PROGRESS.equals(v.status()))
                    .map(GoalView::attainment).filter(a -> a != null)
                    .mapToDouble(Double::doubleValue).summaryStatistics();
            out.add(new GoalMetricSummary(metric, labels.get(metric), views.size(), met, missed, pending,
                    met + missed == 0 ? null : (double) met / (met + missed),
                    attainments.getCount() == 0 ? null : attainments.getAverage()));
        });
        return out;
    }

    List<GoalAudit> audit(String showId) {
        return goals.findAudit(showId, 200);
    }

    /** Every show for the forms' pickers, latest start first; see {@link #upcomingShowOptions}. */
    List<GoalRepository.ShowOption> showOptions() {
        return goals.showOptions();
    }

    /** The shows that have not started yet at the server's time, soonest first: goals are set ahead of a show. */
    List<GoalRepository.ShowOption> upcomingShowOptions() {
        Instant now = clock.instant();
        return goals.showOptions().stream().filter(o -> o.startsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(GoalRepository.ShowOption::startsAt)
                        .thenComparing(GoalRepository.ShowOption::showId))
                .toList();
    }

    /** The shows that have started at the server's time, latest first. */
    List<GoalRepository.ShowOption> pastShowOptions() {
        Instant now = clock.instant();
        return goals.showOptions().stream().filter(o -> !o.startsAt().isAfter(now)).toList();
    }

    /** The hosts of the shows, for the series form. */
    List<String> hosts() {
        return goals.hosts();
    }

    /**
     * Checks a target before it is saved: how it reads in the metric's unit, and how it compares with the benchmark.
     * For a show: its {@code show_benchmark} median when the jobs computed one, else the median of the (up to) 10
     * latest shows with a value that started before it (for an upcoming show: the latest shows). For a series (no
     * {@code showId}, a {@code kind} and {@code pattern}): the median of the series' 10 latest shows with a value,
     * else of the 10 latest shows. A target is far from the benchmark beyond 2× or below 0.5× ({@link GoalBenchmark}).
     * Nothing is written.
     */
    GoalCheck check(String showId, String kind, String pattern, String metric, String target) {
        GoalCatalogue catalogue = goals.catalogue();
        List<GoalError> problems = new ArrayList<>();
        String m = metric == null || metric.isBlank() ? null : metric.strip();
        GoalValidator.metric(m, catalogue, null, problems);
        if (!problems.isEmpty()) {
            return new GoalCheck(null, null, problems.get(0).message(), null, null, null, null, null, null, null);
        }
        String unit = catalogue.unit(m);
        Double value = null;
        String error = null;
        String caution = null;
        if (target != null && !target.isBlank()) {
            try {
                GoalTarget.Parsed parsed = GoalTarget.parse(target, unit, m, null);
                value = parsed.value();
                caution = parsed.caution();
            } catch (GoalTarget.Invalid e) {
                error = e.getMessage();
            }
        }
        GoalBenchmark.Benchmark benchmark;
        Instant now = clock.instant();
        if (showId != null && !showId.isBlank()) {
            Optional<GoalRepository.ShowFacts> show = goals.shows(showId.strip()).stream().findFirst();
            if (show.isEmpty()) {
                return new GoalCheck(value, null, GoalErrors.unknownShowForCheck(showId), caution, null, null, null,
                        null, null, null);
            }
            Instant starts = show.get().facts().startsAt();
            benchmark = goals.showBenchmark(show.get().facts().showId(), m)
                    .orElseGet(() -> recent(m, starts, s -> true,
                            starts.isAfter(now) ? "the %d latest shows" : "the %d shows before this one"));
        } else if (kind != null && pattern != null && !pattern.isBlank()) {
            SeriesGoal series = new SeriesGoal(0, kind.strip().toLowerCase(java.util.Locale.ROOT), pattern.strip(), m,
                    0, GoalEvaluation.AT_LEAST, Instant.MIN, null, null);
            benchmark = recent(m, now, s -> series.covers(s.title(), s.host(), s.startsAt()),
                    "the %d latest shows of " + series.describe());
            if (benchmark == null) {
                benchmark = recent(m, now, s -> true, "the %d latest shows");
            }
        } else {
            benchmark = null;
        }
        String targetText = value == null ? null : GoalTarget.format(value, unit);
        if (benchmark == null) {
            return new GoalCheck(value, targetText, error, caution, null, null, null, null, null, null);
        }
        String benchmarkText = GoalTarget.format(benchmark.median(), unit);
        Double ratio = value == null ? null : GoalBenchmark.ratio(value, benchmark.median());
        String warning = value != null && GoalBenchmark.far(value, benchmark.median())
                ? GoalErrors.farFromBenchmark(targetText, ratio, benchmarkText, benchmark.basis()) : null;
        return new GoalCheck(value, targetText, error, caution, benchmark.median(), benchmarkText, benchmark.n(),
                benchmark.basis(), ratio, warning);
    }

    /** The median of the metric over the latest shows before {@code before} that pass {@code keep}; null below 3. */
    private GoalBenchmark.Benchmark recent(String metric, Instant before,
                                           java.util.function.Predicate<GoalResolution.ShowFacts> keep, String basis) {
        List<Double> values = goals.recentValues(metric, before, keep, GoalBenchmark.SHOWS);
        Double median = GoalBenchmark.median(values);
        return median == null ? null : new GoalBenchmark.Benchmark(median, values.size(), String.format(basis, values.size()));
    }

    /** Every series goal with the shows it applies to now, oldest first. */
    List<SeriesGoalView> listSeries() {
        Instant now = clock.instant();
        List<GoalRepository.GoalRow> rows = goals.findRows(null);
        Map<String, GoalRepository.MetricOption> metrics = new HashMap<>();
        goals.metricOptions().forEach(m -> metrics.put(m.name(), m));
        return goals.findSeries().stream().map(g -> {
            List<GoalRepository.GoalRow> applied = rows.stream()
                    .filter(r -> r.goal().series() != null && r.goal().series().seriesGoalId() == g.seriesGoalId())
                    .toList();
            GoalRepository.MetricOption m = metrics.get(g.metric());
            String unit = m == null ? null : m.unit();
            return new SeriesGoalView(g.seriesGoalId(), g.kind(), g.pattern(), g.describe(), g.metric(),
                    m == null ? g.metric() : m.label(), unit, g.target(), GoalTarget.format(g.target(), unit),
                    g.direction(), g.appliesFrom(), g.updatedBy(), g.updatedAt(), applied.size(),
                    applied.stream().filter(r -> r.showStartsAt().isAfter(now)).count());
        }).toList();
    }

    SeriesGoalView getSeries(long seriesGoalId) {
        requireSeries(seriesGoalId);
        return listSeries().stream().filter(v -> v.seriesGoalId() == seriesGoalId).findFirst()
                .orElseThrow(() -> seriesNotFound(seriesGoalId));
    }

    boolean seriesExists(long seriesGoalId) {
        return goals.findSeriesById(seriesGoalId).isPresent();
    }

    /**
     * Sets a goal for a series: it applies to the series' shows that start from now on and have no goal of their own
     * on the metric. Refused (409) when the series already has a goal on the metric.
     */
    SeriesGoalView createSeries(SeriesGoalDraft draft, String user) {
        long id = tx.execute(status -> {
            SeriesGoalValues v = validSeries(draft);
            goals.findSeriesByKey(v.kind(), v.pattern(), v.metric()).ifPresent(existing -> {
                throw GoalValidationException.conflict(GoalErrors.duplicateSeries(existing.describe(), v.metric(),
                        existing.seriesGoalId()));
            });
            return goals.insertSeries(v, user, clock.instant()).seriesGoalId();
        });
        return getSeries(id);
    }

    /** Changes a series goal; it keeps applying from when it was first set. */
    SeriesGoalView updateSeries(long seriesGoalId, SeriesGoalDraft draft, String user) {
        tx.executeWithoutResult(status -> {
            SeriesGoal old = requireSeries(seriesGoalId);
            SeriesGoalValues v = validSeries(draft);
            Optional<SeriesGoal> other = goals.findSeriesByKey(v.kind(), v.pattern(), v.metric())
                    .filter(g -> g.seriesGoalId() != seriesGoalId);
            if (other.isPresent()) {
                throw GoalValidationException.conflict(GoalErrors.duplicateSeries(other.get().describe(), v.metric(),
                        other.get().seriesGoalId()));
            }
            goals.updateSeries(old, v, user, clock.instant());
        });
        return getSeries(seriesGoalId);
    }

    /** Deletes a series goal: it no longer applies to any show. */
    void deleteSeries(long seriesGoalId, String user) {
        tx.executeWithoutResult(status -> goals.deleteSeries(requireSeries(seriesGoalId), user, clock.instant()));
    }

    private SeriesGoalValues validSeries(SeriesGoalDraft draft) {
        GoalValidator.SeriesResult result = GoalValidator.validateSeries(draft, goals.catalogue());
        if (!result.ok()) {
            throw GoalValidationException.invalid(result.errors());
        }
        return result.values();
    }

    private SeriesGoal requireSeries(long seriesGoalId) {
        return goals.findSeriesById(seriesGoalId).orElseThrow(() -> seriesNotFound(seriesGoalId));
    }

    private static NotFoundException seriesNotFound(long seriesGoalId) {
        return new NotFoundException("No series goal with id " + seriesGoalId + ".");
    }

    List<GoalRepository.MetricOption> metricOptions() {
        return goals.metricOptions();
    }

    private GoalValues valid(GoalDraft draft) {
        GoalValidator.Result result = GoalValidator.validate(draft, goals.catalogue(), null);
        if (!result.ok()) {
            throw GoalValidationException.invalid(result.errors());
        }
        return result.values();
    }

    private StoredGoal require(long goalId) {
        return goals.findById(goalId).orElseThrow(() -> notFound(goalId));
    }

    private static NotFoundException notFound(long goalId) {
        return new NotFoundException("No goal with id " + goalId + ".");
    }
}
