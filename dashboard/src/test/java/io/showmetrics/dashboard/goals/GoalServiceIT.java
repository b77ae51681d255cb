package io.showmetrics.dashboard.goals;

import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.MutableClock;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** {@link GoalService} and {@link GoalRepository} against a real, migrated PostgreSQL. */
class GoalServiceIT {
    private static TestDatabase db;
    /** s-spring ends 2026-03-01 20:00; a day later its viewer metrics are final, its 24 h conversion just final. */
    private static final Instant NOW = Instant.parse("2026-03-01T21:00:00Z");
    private JdbcClient jdbc;
    private MutableClock clock;
    private GoalService service;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("goal_service_it");
    }

    @BeforeEach
    void seed() {
        db.truncateAll();
        jdbc = db.jdbc();
        clock = new MutableClock(NOW);
        service = new GoalService(new GoalRepository(jdbc), new DataSourceTransactionManager(db.dataSource()), clock);
        show("s-spring").insert(jdbc);
        kpi("s-spring").insert(jdbc);
        show("s-mid").set("title", "Denim Days").set("starts_at", Instant.parse("2026-02-25T19:00:00Z"))
                .set("ends_at", Instant.parse("2026-02-25T20:00:00Z")).insert(jdbc);
        show("s-new").set("title", "Summer Preview").set("starts_at", Instant.parse("2026-03-05T18:00:00Z"))
                .set("ends_at", Instant.parse("2026-03-05T19:00:00Z")).insert(jdbc);
        definition("unique_viewers", 1).set("additive", true).set("final_after_seconds", 900L).insert(jdbc);
        definition("peak_concurrent_viewers", 2).set("label", "Peak concurrent viewers").set("final_after_seconds", 900L)
                .insert(jdbc);
        definition("conversion_rate_24h", 3).set("label", "Conversion 24 h").set("unit", "ratio")
                .set("final_after_seconds", 86_400L).insert(jdbc);
        definition("live_gmv", 4).set("label", "Live GMV").set("unit", "currency").set("additive", true)
                .set("final_after_seconds", 900L).insert(jdbc);
        definition("peak_at", 5).set("label", "Peak at").set("unit", "timestamp").set("goal_allowed", false).insert(jdbc);
    }

    private List<Map<String, Object>> audit() {
        return jdbc.sql("SELECT * FROM goal_audit ORDER BY audit_id").query().listOfRows();
    }

    /** A goals file of about {@code bytes} bytes whose every line has four errors. */
    static String badLines(int bytes) {
        StringBuilder csv = new StringBuilder("show_id,metric,target,direction\n");
        while (csv.length() < bytes) {
            csv.append("s-x,no_such_metric,lots,sideways\n");
        }
        return csv.toString();
    }

    private long goals() {
        return jdbc.sql("SELECT count(*) FROM goal").query(Long.class).single();
    }

    @Nested
    class Writes {
        @Test
        void createStoresTheGoalAndAnAuditRowWithWhoAndWhen() {
            GoalView created = service.create(new GoalDraft("s-spring", "peak_concurrent_viewers", "800", "at_least"), "maria");

            assertThat(created.status()).isEqualTo("met");
            assertThat(created.actual()).isEqualTo(812.0);
            assertThat(created.updatedBy()).isEqualTo("maria");
            assertThat(created.updatedAt()).isEqualTo(NOW);
            List<Map<String, Object>> audit = audit();
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0)).containsEntry("action", "create").containsEntry("changed_by", "maria")
                    .containsEntry("new_target", 800.0).containsEntry("new_direction", "at_least")
                    .containsEntry("old_target", null).containsEntry("goal_id", created.goalId());
        }

        @Test
        void updateKeepsThePreviousValuesInTheAudit() {
            GoalView created = service.create(new GoalDraft("s-spring", "live_gmv", "3000", "at_least"), "maria");
            clock.advance(Duration.ofMinutes(5));

            GoalView updated = service.update(created.goalId(), new GoalDraft("s-spring", "live_gmv", "3500", "at_least"), "mo");

            assertThat(updated.target()).isEqualTo(3500.0);
            assertThat(updated.status()).isEqualTo("missed");
            Map<String, Object> row = audit().get(1);
            assertThat(row).containsEntry("action", "update").containsEntry("old_target", 3000.0)
                    .containsEntry("new_target", 3500.0).containsEntry("changed_by", "mo");
            assertThat(((java.sql.Timestamp) row.get("changed_at")).toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }

        @Test
        void deleteRemovesTheGoalAndAuditsItsLastValues() {
            GoalView created = service.create(new GoalDraft("s-spring", "live_gmv", "3000", "at_most"), "maria");

            service.delete(created.goalId(), "maria");

            assertThat(goals()).isZero();
            assertThat(audit().get(1)).containsEntry("action", "delete").containsEntry("old_target", 3000.0)
                    .containsEntry("old_direction", "at_most").containsEntry("new_target", null);
        }

        @Test
        void secondGoalOnTheSameShowAndMetricIsAConflictAndWritesNothing() {
            GoalView first = service.create(new GoalDraft("s-spring", "live_gmv", "3000", "at_least"), "maria");

            assertThatThrownBy(() -> service.create(new GoalDraft("s-spring", "live_gmv", "10", "at_most"), "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(e.getMessage()).isEqualTo("Show 's-spring' already has a goal on live_gmv (goal "
                                + first.goalId() + "): edit that goal instead of adding a second one.");
                    });
            assertThat(goals()).isEqualTo(1);
            assertThat(audit()).hasSize(1);
        }

        @Test
        void invalidGoalIsRefusedWithItsMessagesAndNothingIsWritten() {
            assertThatThrownBy(() -> service.create(new GoalDraft("s-x", "peak_at", "NaN", "up"), "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors())
                            .extracting(GoalError::field).containsExactly("showId", "metric", "target", "direction"));
            assertThat(goals()).isZero();
            assertThat(audit()).isEmpty();
        }
    }

    @Nested
    class UpcomingShows {
        @Test
        void areOfferedSoonestFirstAndTakeAGoal() {
            show("s-later").set("title", "Autumn Preview").set("starts_at", Instant.parse("2026-04-01T18:00:00Z"))
                    .set("ends_at", Instant.parse("2026-04-01T19:00:00Z")).insert(jdbc);

            assertThat(service.upcomingShowOptions()).extracting(GoalRepository.ShowOption::showId)
                    .containsExactly("s-new", "s-later");
            assertThat(service.pastShowOptions()).extracting(GoalRepository.ShowOption::showId)
                    .containsExactly("s-spring", "s-mid");

            GoalView goal = service.create(new GoalDraft("s-later", "live_gmv", "€5,000", "at_least"), "maria");
            assertThat(goal.status()).isEqualTo("pending");
            assertThat(goal.target()).isEqualTo(5000);
            assertThat(goal.targetText()).isEqualTo("€5,000.00");
        }
    }

    @Nested
    class TargetCheck {
        /** Five processed shows before s-spring with 800, 900, 1000, 1100 and 5000 unique viewers (median 1000). */
        @BeforeEach
        void fiveEarlierShows() {
            long[] viewers = {800, 900, 1000, 1100, 5000};
            for (int i = 0; i < viewers.length; i++) {
                String id = "s-early-" + i;
                Instant starts = Instant.parse("2026-02-01T19:00:00Z").plus(Duration.ofDays(i));
                show(id).set("title", i % 2 == 0 ? "Spring Warm-up" : "Denim Talk").set("host", "Omar Reyes")
                        .set("starts_at", starts).set("ends_at", starts.plus(Duration.ofHours(1))).insert(jdbc);
                kpi(id).set("unique_viewers", viewers[i]).insert(jdbc);
            }
        }

        @Test
        void aTargetFarAboveTheMedianOfTheShowsBeforeAnUpcomingShowIsWarned() {
            // s-new is upcoming: its benchmark is the latest shows, s-spring (1234) and the five above.
            GoalCheck check = service.check("s-new", null, null, "unique_viewers", "10,000");

            assertThat(check.target()).isEqualTo(10_000.0);
            assertThat(check.targetText()).isEqualTo("10,000");
            assertThat(check.benchmarkN()).isEqualTo(6);
            assertThat(check.benchmarkMedian()).isEqualTo(1050.0);
            assertThat(check.benchmarkBasis()).isEqualTo("the 6 latest shows");
            assertThat(check.warning()).isEqualTo("10,000 is 9.5× the benchmark (1,050, the median of the 6 latest "
                    + "shows): check the target before saving; a typo in it would make every chart of attainment unreadable.");
        }

        @Test
        void aTargetNearTheBenchmarkHasNoWarning() {
            GoalCheck check = service.check("s-new", null, null, "unique_viewers", "1,500");

            assertThat(check.ratio()).isCloseTo(1500 / 1050.0, within(1e-12));
            assertThat(check.warning()).isNull();
        }

        @Test
        void aProcessedShowUsesItsShowBenchmarkRow() {
            jdbc.sql("INSERT INTO show_benchmark (show_id, metric, value, benchmark_median, benchmark_n, percentile) "
                    + "VALUES ('s-spring', 'unique_viewers', 1234, 950, 5, 0.8)").update();

            GoalCheck check = service.check("s-spring", null, null, "unique_viewers", "400");

            assertThat(check.benchmarkMedian()).isEqualTo(950.0);
            assertThat(check.benchmarkBasis()).isEqualTo("the 5 shows before this one");
            assertThat(check.warning()).startsWith("400 is less than half the benchmark (950, the median of the 5 shows "
                    + "before this one)");
        }

        @Test
        void withoutAShowBenchmarkRowAProcessedShowIsComparedWithTheShowsBeforeIt() {
            GoalCheck check = service.check("s-spring", null, null, "unique_viewers", "1000");

            assertThat(check.benchmarkMedian()).isEqualTo(1000.0);
            assertThat(check.benchmarkBasis()).isEqualTo("the 5 shows before this one");
        }

        @Test
        void aSeriesIsComparedWithItsOwnShows() {
            GoalCheck check = service.check(null, "title_prefix", "spring", "unique_viewers", "2,000");

            // Spring Warm-up shows: 800, 1000, 5000, and Spring Collection Launch: 1234.
            assertThat(check.benchmarkN()).isEqualTo(4);
            assertThat(check.benchmarkMedian()).isEqualTo((1000 + 1234) / 2.0);
            assertThat(check.benchmarkBasis()).isEqualTo("the 4 latest shows of titles starting with “spring”");
            assertThat(check.warning()).isNull();
        }

        @Test
        void aRateTypedInPercentIsComparedAsAFraction() {
            GoalCheck check = service.check("s-new", null, null, "conversion_rate_24h", "5 %");

            assertThat(check.target()).isEqualTo(0.05);
            assertThat(check.targetText()).isEqualTo("5%");
            assertThat(check.benchmarkText()).isEqualTo(GoalTarget.format(52.0 / 456.0, "ratio"));
            assertThat(check.warning()).startsWith("5% is less than half the benchmark");
        }

        @Test
        void anUnreadableTargetIsExplainedAndTheBenchmarkStillShown() {
            GoalCheck check = service.check("s-new", null, null, "unique_viewers", "1,5");

            assertThat(check.error()).startsWith("Target '1,5' has a comma that does not group thousands");
            assertThat(check.benchmarkMedian()).isEqualTo(1050.0);
            assertThat(check.warning()).isNull();
        }

        @Test
        void withFewerThanThreeShowsThereIsNoBenchmark() {
            GoalCheck check = service.check("s-early-1", null, null, "unique_viewers", "900");

            assertThat(check.benchmarkMedian()).isNull();
            assertThat(check.warning()).isNull();
            assertThat(check.target()).isEqualTo(900.0);
        }

        @Test
        void anUnknownMetricOrShowIsSaid() {
            assertThat(service.check("s-new", null, null, "nope", "1").error()).startsWith("Metric 'nope' is not in");
            assertThat(service.check("s-nope", null, null, "unique_viewers", "1").error())
                    .isEqualTo("Show 's-nope' does not exist: pick a show from the list.");
        }
    }

    @Nested
    class SeriesGoals {
        @BeforeEach
        void anUpcomingSpringShow() {
            show("s-encore").set("title", "spring encore").set("host", "Omar Reyes")
                    .set("starts_at", Instant.parse("2026-03-08T18:00:00Z"))
                    .set("ends_at", Instant.parse("2026-03-08T19:00:00Z")).insert(jdbc);
        }

        private SeriesGoalView setSpringGmv(String target) {
            return service.createSeries(new SeriesGoalDraft("title_prefix", "Spring", "live_gmv", target, "at_least"),
                    "maria");
        }

        @Test
        void applyToTheSeriesFutureShowsAndSayWhereTheyCameFrom() {
            SeriesGoalView series = setSpringGmv("€4,000");

            assertThat(series.appliesFrom()).isEqualTo(NOW);
            assertThat(series.shows()).isEqualTo(1);
            assertThat(series.upcomingShows()).isEqualTo(1);
            assertThat(service.list("s-encore")).singleElement().satisfies(g -> {
                assertThat(g.source()).isEqualTo("series");
                assertThat(g.series()).isEqualTo("titles starting with “Spring”");
                assertThat(g.seriesGoalId()).isEqualTo(series.seriesGoalId());
                assertThat(g.goalId()).isNull();
                assertThat(g.target()).isEqualTo(4000);
                assertThat(g.status()).isEqualTo("pending");
            });
            // s-spring matches the title but started before the series goal was set.
            assertThat(service.list("s-spring")).isEmpty();
        }

        @Test
        void aShowsOwnGoalWinsOverTheSeries() {
            setSpringGmv("4000");
            GoalView own = service.create(new GoalDraft("s-encore", "live_gmv", "6,000", "at_least"), "maria");

            assertThat(service.list("s-encore")).singleElement().satisfies(g -> {
                assertThat(g.source()).isEqualTo("show");
                assertThat(g.goalId()).isEqualTo(own.goalId());
                assertThat(g.target()).isEqualTo(6000);
            });
            assertThat(service.listSeries()).singleElement().extracting(SeriesGoalView::shows).isEqualTo(0L);

            service.delete(own.goalId(), "maria");
            assertThat(service.list("s-encore")).singleElement().extracting(GoalView::source).isEqualTo("series");
        }

        @Test
        void areEvaluatedOnceTheShowHasItsNumbers() {
            setSpringGmv("3,000");
            kpi("s-encore").insert(jdbc);
            clock.set(Instant.parse("2026-03-09T12:00:00Z"));

            assertThat(service.list("s-encore")).singleElement().satisfies(g -> {
                assertThat(g.status()).isEqualTo("met");
                assertThat(g.attainment()).isCloseTo(3120.5 / 3000, within(1e-12));
            });
            assertThat(service.summary()).singleElement().extracting(GoalMetricSummary::met).isEqualTo(1L);
        }

        @Test
        void oneSeriesHasOneGoalPerMetricWhateverTheCase() {
            SeriesGoalView first = setSpringGmv("4000");

            assertThatThrownBy(() -> service.createSeries(
                    new SeriesGoalDraft("title_prefix", "SPRING", "live_gmv", "5000", "at_least"), "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(e.errors()).extracting(GoalError::message).containsExactly("The series titles "
                                + "starting with “Spring” already has a goal on live_gmv (series goal "
                                + first.seriesGoalId() + "): edit that goal instead of adding a second one.");
                    });
        }

        @Test
        void everyWriteIsAudited() {
            SeriesGoalView created = setSpringGmv("4000");
            clock.set(NOW.plusSeconds(60));
            SeriesGoalView updated = service.updateSeries(created.seriesGoalId(),
                    new SeriesGoalDraft("host", "Omar Reyes", "live_gmv", "4500", "at_least"), "maria");
            service.deleteSeries(created.seriesGoalId(), "maria");

            assertThat(updated.series()).isEqualTo("host Omar Reyes");
            assertThat(updated.appliesFrom()).as("an edit keeps when the goal started to apply").isEqualTo(NOW);
            assertThat(service.audit(null)).extracting(GoalAudit::action, GoalAudit::series, GoalAudit::newTarget)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("delete", "host Omar Reyes", null),
                            org.assertj.core.groups.Tuple.tuple("update", "host Omar Reyes", 4500.0),
                            org.assertj.core.groups.Tuple.tuple("create", "titles starting with “Spring”", 4000.0));
            assertThat(service.audit(null)).allSatisfy(a -> {
                assertThat(a.goalId()).isNull();
                assertThat(a.seriesGoalId()).isEqualTo(created.seriesGoalId());
            });
            assertThat(service.listSeries()).isEmpty();
            assertThat(service.list("s-encore")).isEmpty();
        }

        @Test
        void aBadSeriesGoalListsEveryProblem() {
            assertThatThrownBy(() -> service.createSeries(new SeriesGoalDraft("genre", " ", "live_gmv", "5 %", null),
                    "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors())
                            .extracting(GoalError::field).containsExactly("kind", "pattern", "target", "direction"));
            assertThat(service.listSeries()).isEmpty();
        }
    }

    @Nested
    class Import {
        @Test
        void oneBadLineImportsNothingAndReportsTheLine() {
            goal("s-spring", "live_gmv", 3000, "at_least").insert(jdbc);
            String csv = "show_id,metric,target,direction\n"
                    + "s-spring,unique_viewers,1500,at_least\n"
                    + "s-spring,live_gmv,4000,at_least\n"
                    + "s-mid,unique_viewers,lots,at_least\n"
                    + "s-new,peak_concurrent_viewers,900,at_least\n";

            assertThatThrownBy(() -> service.importCsv(csv, "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> {
                        assertThat(e.errors()).hasSize(1);
                        assertThat(e.errors().get(0).line()).isEqualTo(4);
                        assertThat(e.errors().get(0).field()).isEqualTo("target");
                    });
            assertThat(goals()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT target FROM goal").query(Double.class).single()).isEqualTo(3000.0);
            assertThat(audit()).isEmpty();
        }

        @Test
        void aLineRepeatingAShowAndMetricIsAnError() {
            String csv = "show_id,metric,target,direction\ns-mid,live_gmv,1,at_least\ns-mid,live_gmv,2,at_least\n";

            assertThatThrownBy(() -> service.importCsv(csv, "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors())
                            .extracting(GoalError::message).containsExactly("Line 3 repeats show 's-mid' and metric "
                                    + "live_gmv from line 2: keep one line per show and metric."));
            assertThat(goals()).isZero();
        }

        @Test
        void fiftyKilobytesOfBadLinesListTheFirstHundredErrorsAndCountTheRest() {
            String csv = badLines(51 * 1024);
            int lines = (int) csv.lines().count() - 1;

            assertThatThrownBy(() -> service.importCsv(csv, "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> {
                        // Each bad line has four errors (show, metric, target, direction).
                        assertThat(e.errors()).hasSize(GoalService.MAX_LISTED_ERRORS + 1);
                        assertThat(e.errors().get(0).line()).isEqualTo(2);
                        assertThat(e.errors().get(GoalService.MAX_LISTED_ERRORS).message())
                                .isEqualTo("... and " + (4 * lines - GoalService.MAX_LISTED_ERRORS)
                                        + " more errors not listed: fix the lines above and import again.");
                        assertThat(e.getMessage().length()).isLessThan(40_000);
                    });
            assertThat(goals()).isZero();
        }

        @Test
        void moreThanTenThousandLinesAreRefusedWithOneError() {
            StringBuilder csv = new StringBuilder("show_id,metric,target,direction\n");
            for (int i = 0; i <= GoalCsv.MAX_LINES; i++) {
                csv.append("s-mid,live_gmv,").append(i).append(",at_least\n");
            }

            assertThatThrownBy(() -> service.importCsv(csv.toString(), "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors())
                            .extracting(GoalError::message).containsExactly("The file has 10001 goal lines, more than "
                                    + "the 10000 an import accepts: split it into smaller files."));
            assertThat(goals()).isZero();
        }

        @Test
        void aLongValueIsCutInTheMessage() {
            String csv = "show_id,metric,target,direction\n" + "x".repeat(10_000) + ",live_gmv,1,at_least\n";

            assertThatThrownBy(() -> service.importCsv(csv, "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors().get(0).message())
                            .startsWith("Show '" + "x".repeat(GoalErrors.MAX_QUOTED) + "...' does not exist")
                            .hasSizeLessThan(300));
        }

        @Test
        void targetsAreReadAsTypedOnTheForm() {
            definition("avg_watch_seconds", 6).set("label", "Average watch time").set("unit", "seconds").insert(jdbc);
            String csv = "show_id,metric,target,direction\n"
                    + "s-spring,unique_viewers,\"1,500\",at_least\n"
                    + "s-spring,conversion_rate_24h,5 %,at_least\n"
                    + "s-spring,live_gmv,€600,at_least\n"
                    + "s-new,unique_viewers,2,000,at_least\n"
                    + "s-new,avg_watch_seconds,12:30,at_least\n";

            service.importCsv(csv, "maria");

            assertThat(jdbc.sql("SELECT show_id || ' ' || metric AS k, target FROM goal ORDER BY goal_id").query()
                    .listOfRows()).extracting(r -> r.get("k") + " " + r.get("target")).containsExactly(
                    "s-spring unique_viewers 1500.0", "s-spring conversion_rate_24h 0.05", "s-spring live_gmv 600.0",
                    "s-new unique_viewers 2000.0", "s-new avg_watch_seconds 750.0");
        }

        @Test
        void aTargetInTheWrongUnitIsReportedWithItsLine() {
            String csv = "show_id,metric,target,direction\ns-spring,unique_viewers,5 %,at_least\n";

            assertThatThrownBy(() -> service.importCsv(csv, "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class, e -> assertThat(e.errors())
                            .extracting(GoalError::line, GoalError::message).containsExactly(org.assertj.core.groups.Tuple
                                    .tuple(2, "Target '5 %' is a percentage, but unique_viewers is not a rate (a count): "
                                            + "write it without %.")));
            assertThat(goals()).isZero();
        }

        @Test
        void validFileCreatesAndUpdatesInOneGoWithAnAuditRowEach() {
            goal("s-spring", "live_gmv", 3000, "at_least").insert(jdbc);
            String csv = "show_id,metric,target,direction\r\n"
                    + "s-spring,unique_viewers,1500,at_least\r\n"
                    + "s-spring,live_gmv,2500.5,at_least\r\n"
                    + "s-new,peak_concurrent_viewers,900,at_least\r\n";

            GoalService.WriteResult result = service.importCsv(csv, "maria");

            assertThat(result.created()).isEqualTo(2);
            assertThat(result.updated()).isEqualTo(1);
            assertThat(goals()).isEqualTo(3);
            assertThat(audit()).extracting(r -> r.get("action")).containsExactly("create", "update", "create");
            assertThat(audit().get(1)).containsEntry("old_target", 3000.0).containsEntry("new_target", 2500.5);
        }
    }

    @Nested
    class Copy {
        @Test
        void copiesEveryGoalOfThePreviousShowByDefault() {
            goal("s-spring", "live_gmv", 3000, "at_least").insert(jdbc);
            goal("s-spring", "unique_viewers", 1500, "at_least").insert(jdbc);

            GoalService.WriteResult result = service.copy(null, "s-new", "maria");

            assertThat(result.created()).isEqualTo(2);
            assertThat(service.list("s-new")).extracting(GoalView::metric, GoalView::target, GoalView::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("unique_viewers", 1500.0, "pending"),
                            org.assertj.core.groups.Tuple.tuple("live_gmv", 3000.0, "pending"));
            assertThat(audit()).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("show_id", "s-new"));
        }

        @Test
        void refusesWhenTheTargetShowAlreadyHasOneOfTheMetrics() {
            goal("s-spring", "live_gmv", 3000, "at_least").insert(jdbc);
            goal("s-spring", "unique_viewers", 1500, "at_least").insert(jdbc);
            goal("s-new", "live_gmv", 10, "at_least").insert(jdbc);

            assertThatThrownBy(() -> service.copy("s-spring", "s-new", "maria"))
                    .isInstanceOfSatisfying(GoalValidationException.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
            assertThat(service.list("s-new")).hasSize(1);
        }

        @Test
        void theFirstShowHasNothingToCopyFrom() {
            assertThatThrownBy(() -> service.copy(null, "s-mid", "maria")).hasMessage("Show 's-mid' has no earlier "
                    + "show to copy goals from: pick the show to copy from.");
        }
    }

    @Nested
    class Evaluation {
        @Test
        void eachGoalHasItsStatusAttainmentAndFinalDateFromItsMetric() {
            goal("s-spring", "peak_concurrent_viewers", 800, "at_least").insert(jdbc);
            goal("s-spring", "conversion_rate_24h", 0.2, "at_least").insert(jdbc);
            goal("s-new", "unique_viewers", 1000, "at_least").insert(jdbc);
            jdbc.sql("UPDATE show_kpi SET conversion_rate_24h = 0.25 WHERE show_id = 's-spring'").update();

            List<GoalView> views = service.list(null);

            GoalView peak = views.stream().filter(v -> v.metric().equals("peak_concurrent_viewers")).findFirst().orElseThrow();
            assertThat(peak.status()).isEqualTo("met");
            assertThat(peak.attainment()).isCloseTo(812.0 / 800, within(1e-12));
            assertThat(peak.provisional()).isFalse();
            assertThat(peak.finalAt()).isEqualTo(Instant.parse("2026-03-01T20:15:00Z"));
            GoalView conversion = views.stream().filter(v -> v.metric().equals("conversion_rate_24h")).findFirst().orElseThrow();
            assertThat(conversion.status()).isEqualTo("met");
            assertThat(conversion.provisional()).isTrue();
            assertThat(conversion.finalAt()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
            GoalView pending = views.stream().filter(v -> v.showId().equals("s-new")).findFirst().orElseThrow();
            assertThat(pending.status()).isEqualTo("pending");

            clock.set(Instant.parse("2026-03-02T20:00:00Z"));
            assertThat(service.list("s-spring")).filteredOn(v -> v.metric().equals("conversion_rate_24h"))
                    .singleElement().extracting(GoalView::provisional).isEqualTo(false);
        }

        @Test
        void aMetricNullInShowKpiIsPending() {
            jdbc.sql("UPDATE show_kpi SET live_gmv = NULL WHERE show_id = 's-spring'").update();
            goal("s-spring", "live_gmv", 100, "at_least").insert(jdbc);

            assertThat(service.list("s-spring")).singleElement().extracting(GoalView::status).isEqualTo("pending");
        }

        @Test
        void summaryGivesTheHitRatePerMetric() {
            goal("s-spring", "peak_concurrent_viewers", 800, "at_least").insert(jdbc);
            goal("s-mid", "peak_concurrent_viewers", 900, "at_least").insert(jdbc);
            kpi("s-mid").set("peak_concurrent_viewers", 450L).insert(jdbc);
            goal("s-new", "peak_concurrent_viewers", 900, "at_least").insert(jdbc);

            assertThat(service.summary()).singleElement().satisfies(s -> {
                assertThat(s.goals()).isEqualTo(3);
                assertThat(s.met()).isEqualTo(1);
                assertThat(s.missed()).isEqualTo(1);
                assertThat(s.pending()).isEqualTo(1);
                assertThat(s.hitRate()).isEqualTo(0.5);
                assertThat(s.meanAttainment()).isCloseTo((812.0 / 800 + 0.5) / 2, within(1e-12));
            });
        }
    }

    @Test
    void aLiveShowsGoalsAreInProgressAndLeftOutOfTheMeanAttainment() {
        show("s-live").insert(jdbc);
        io.showmetrics.dashboard.testing.Fixtures.liveKpi("s-live", NOW.minusSeconds(30)).insert(jdbc);
        definition("live_orders", 1).set("label", "Live orders").set("additive", true).insert(jdbc);
        goal("s-live", "live_orders", 30, "at_least").insert(jdbc);

        GoalView view = service.list("s-live").get(0);

        assertThat(view.status()).as("40 live orders so far, above 30: still not met on air").isEqualTo("in_progress");
        assertThat(view.actual()).isEqualTo(40.0);
        assertThat(view.provisional()).isTrue();
        assertThat(new GoalAttainments(service).meanByShow()).doesNotContainKey("s-live");
    }
}
