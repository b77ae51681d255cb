package io.showmetrics.dashboard.shows;

import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.minute;
import static io.showmetrics.dashboard.testing.Fixtures.moment;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ShowRepository} against a real, migrated PostgreSQL. */
class ShowRepositoryIT {
    private static TestDatabase db;
    /** Between the fixture KPIs' computation (2026-03-02) and their final_at (2026-03-31 20:15). */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private JdbcClient jdbc;
    private MutableClock clock;
    private ShowRepository repository;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("show_repository_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        jdbc = db.jdbc();
        clock = new MutableClock(NOW);
        repository = new ShowRepository(jdbc, clock);
    }

    @Nested
    class SectionSix {
        @Test
        void benchmarksComeInTheCatalogueOrderWithLabelAndUnit() {
            show("s1").insert(jdbc);
            Fixtures.definition("live_gmv", 2).set("unit", "currency").insert(jdbc);
            Fixtures.definition("unique_viewers", 1).insert(jdbc);
            Fixtures.benchmark("s1", "live_gmv", 900.0, 1500.0, 10, 0.15).insert(jdbc);
            Fixtures.benchmark("s1", "unique_viewers", null, null, 2, null).insert(jdbc);

            var rows = repository.findBenchmarks("s1");

            assertThat(rows).extracting(ShowBenchmark::metric).containsExactly("unique_viewers", "live_gmv");
            assertThat(rows.get(1).unit()).isEqualTo("currency");
            assertThat(rows.get(1).percentile()).isEqualTo(0.15);
            assertThat(rows.get(0).benchmarkMedian()).isNull();
            assertThat(rows.get(0).benchmarkN()).isEqualTo(2);
        }

        @Test
        void productsBestSellingFirstAndAudiencesSorted() {
            show("s1").set("cost", new BigDecimal("500.0000")).insert(jdbc);
            Fixtures.sku("s1", "A").set("clickers", 3L).set("live_orders", 0L).set("live_units", 0L)
                    .set("live_gmv", BigDecimal.ZERO).set("pinned_minutes", 4.5).insert(jdbc);
            Fixtures.sku("s1", "B").set("live_units", 2L).set("live_gmv", new BigDecimal("59.8000"))
                    .set("stockout_minutes", 2.0).insert(jdbc);
            Fixtures.audience("s1", "carted_not_bought", "C-9").insert(jdbc);
            Fixtures.audience("s1", "carted_not_bought", "C-1").insert(jdbc);

            assertThat(repository.findProducts("s1")).extracting(ShowSku::sku).containsExactly("B", "A");
            assertThat(repository.findProducts("s1").get(1).stockoutMinutes()).isNull();
            assertThat(repository.findAudience("s1", "carted_not_bought")).containsExactly("C-1", "C-9");
            assertThat(repository.findAudience("s1", "engaged_not_bought")).isEmpty();
            assertThat(repository.findById("s1").orElseThrow().show().cost()).isEqualByComparingTo("500");
        }
    }

    @Nested
    class Filters {
        /** Four shows across March 2026 by two hosts, two of them in exp-push. */
        @BeforeEach
        void fourShows() {
            show("s-0301").set("title", "Spring Collection Launch").set("starts_at", Instant.parse("2026-03-01T00:00:00Z"))
                    .set("ends_at", Instant.parse("2026-03-01T01:00:00Z")).set("experiment_id", "exp-push").insert(jdbc);
            show("s-0315").set("title", "Denim Days 100% cotton").set("host", "Omar Reyes")
                    .set("starts_at", Instant.parse("2026-03-15T19:00:00Z"))
                    .set("ends_at", Instant.parse("2026-03-15T20:00:00Z")).insert(jdbc);
            show("s-0331").set("title", "spring clearance").set("starts_at", Instant.parse("2026-03-31T23:59:00Z"))
                    .set("ends_at", Instant.parse("2026-04-01T00:59:00Z")).set("experiment_id", "exp-push").insert(jdbc);
            show("s-0401").set("title", "Summer Preview").set("host", null)
                    .set("starts_at", Instant.parse("2026-04-01T00:00:00Z"))
                    .set("ends_at", Instant.parse("2026-04-01T01:00:00Z")).insert(jdbc);
        }

        private java.util.List<String> ids(ShowFilter filter) {
            return repository.findAll(filter).stream().map(ShowRow::showId).toList();
        }

        @Test
        void theDateRangeIncludesBothDaysInUtc() {
            assertThat(ids(ShowFilter.of("2026-03-01", "2026-03-31", null, null, null)))
                    .containsExactly("s-0331", "s-0315", "s-0301");
            assertThat(ids(ShowFilter.of("2026-03-02", null, null, null, null))).containsExactly("s-0401", "s-0331", "s-0315");
            assertThat(ids(ShowFilter.of(null, "2026-03-01", null, null, null))).containsExactly("s-0301");
        }

        @Test
        void theHostMatchesExactly() {
            assertThat(ids(ShowFilter.of(null, null, "Omar Reyes", null, null))).containsExactly("s-0315");
            assertThat(ids(ShowFilter.of(null, null, "Omar", null, null))).isEmpty();
        }

        @Test
        void theTitleFilterIsACaseInsensitiveSubstringWithoutWildcards() {
            assertThat(ids(ShowFilter.of(null, null, null, "SPRING", null))).containsExactly("s-0331", "s-0301");
            assertThat(ids(ShowFilter.of(null, null, null, "100%", null))).containsExactly("s-0315");
            assertThat(ids(ShowFilter.of(null, null, null, "%", null))).containsExactly("s-0315");
            assertThat(ids(ShowFilter.of(null, null, null, "_", null))).isEmpty();
        }

        @Test
        void theExperimentAndTheOtherFiltersCombine() {
            assertThat(ids(ShowFilter.of(null, null, null, null, "exp-push"))).containsExactly("s-0331", "s-0301");
            assertThat(ids(ShowFilter.of("2026-03-02", null, "Lena Park", "spring", "exp-push"))).containsExactly("s-0331");
        }

        @Test
        void aValueLikeSqlIsOnlyAValue() {
            assertThat(ids(ShowFilter.of(null, null, "x' OR '1'='1", "') OR 1=1 --", null))).isEmpty();
            assertThat(ids(ShowFilter.NONE)).hasSize(4);
        }

        @Test
        void theOptionsAreTheHostsAndExperimentsOfTheShows() {
            fixtureExperiment();

            ShowRepository.FilterOptions options = repository.findFilterOptions();

            assertThat(options.hosts()).containsExactly("Lena Park", "Omar Reyes");
            assertThat(options.experiments()).containsExactly(new ShowRepository.ExperimentOption("exp-push", "Push invite"));
        }

        private void fixtureExperiment() {
            io.showmetrics.dashboard.testing.Fixtures.experiment("exp-push").set("name", "Push invite").insert(jdbc);
        }
    }

    @Nested
    class FindAll {
        @Test
        void listsShowsLatestStartFirstWithTheirHeadlineKpis() {
            show("early").set("title", "Early show").set("starts_at", Instant.parse("2026-02-01T18:00:00Z"))
                    .set("ends_at", Instant.parse("2026-02-01T18:45:00Z")).insert(jdbc);
            show("late").set("title", "Late show").insert(jdbc);
            kpi("late").insert(jdbc);
            kpi("early").set("unique_viewers", 99L).set("status", "final")
                    .set("final_at", Instant.parse("2026-03-03T18:45:00Z")).insert(jdbc);

            var rows = repository.findAll();

            assertThat(rows).extracting(ShowRow::showId).containsExactly("late", "early");
            ShowRow late = rows.get(0);
            assertThat(late.title()).isEqualTo("Late show");
            assertThat(late.host()).isEqualTo("Lena Park");
            assertThat(late.durationSeconds()).isEqualTo(3600);
            assertThat(late.uniqueViewers()).isEqualTo(1234L);
            assertThat(late.peakConcurrentViewers()).isEqualTo(812L);
            assertThat(late.avgWatchSeconds()).isEqualTo(754.4);
            assertThat(late.engagementRate()).isEqualTo(300.0 / 1234.0);
            assertThat(late.chatMessages()).isEqualTo(1520L);
            assertThat(late.replayViewers()).isEqualTo(210L);
            assertThat(late.status()).isEqualTo("provisional");
            assertThat(late.finalAt()).isEqualTo(Instant.parse("2026-03-31T20:15:00Z"));
            assertThat(rows.get(1).durationSeconds()).isEqualTo(45 * 60);
            assertThat(rows.get(1).status()).isEqualTo("final");
        }

        @Test
        void showWithoutKpiRowHasNullKpisAndNoStatus() {
            show("new").insert(jdbc);

            ShowRow row = repository.findAll().get(0);

            assertThat(row.uniqueViewers()).isNull();
            assertThat(row.engagementRate()).isNull();
            assertThat(row.avgWatchSeconds()).isNull();
            assertThat(row.status()).isNull();
            assertThat(row.finalAt()).isNull();
        }

        @Test
        void zeroDenominatorNullsStayNullNotZero() {
            show("empty").insert(jdbc);
            kpi("empty").set("unique_viewers", 0L).set("engagement_rate", null).set("avg_watch_seconds", null)
                    .insert(jdbc);

            ShowRow row = repository.findAll().get(0);

            assertThat(row.uniqueViewers()).isZero();
            assertThat(row.engagementRate()).isNull();
            assertThat(row.avgWatchSeconds()).isNull();
        }

        @Test
        void nonFiniteRatiosAreReadAsNull() {
            show("nan").insert(jdbc);
            kpi("nan").set("engagement_rate", Double.NaN).set("avg_watch_seconds", Double.POSITIVE_INFINITY)
                    .insert(jdbc);

            ShowRow row = repository.findAll().get(0);

            assertThat(row.engagementRate()).isNull();
            assertThat(row.avgWatchSeconds()).isNull();
        }
    }

    @Nested
    class FindById {
        @Test
        void readsTheShowAndEveryKpiColumn() {
            show("s1").set("experiment_id", "exp-1").insert(jdbc);
            kpi("s1").set("gmv_24h", new BigDecimal("4500.2500")).set("conversion_rate_24h", null).set("buyers_24h", null).insert(jdbc);

            ShowDetail detail = repository.findById("s1").orElseThrow();

            assertThat(detail.show().title()).isEqualTo("Spring Collection Launch");
            assertThat(detail.show().experimentId()).isEqualTo("exp-1");
            assertThat(detail.show().channel()).isEqualTo("web");
            ShowKpi k = detail.kpi();
            assertThat(k.identifiedViewers()).isEqualTo(456L);
            assertThat(k.peakAt()).isEqualTo(Instant.parse("2026-03-01T19:23:30Z"));
            assertThat(k.engagedViewers()).isEqualTo(300L);
            assertThat(k.reactions()).isEqualTo(870L);
            assertThat(k.questions()).isEqualTo(64L);
            assertThat(k.shares()).isEqualTo(33L);
            assertThat(k.pollVotes()).isEqualTo(12L);
            assertThat(k.productClickers()).isEqualTo(150L);
            assertThat(k.carters()).isEqualTo(61L);
            assertThat(k.liveGmv()).isEqualByComparingTo("3120.5");
            assertThat(k.gmv24h()).isEqualByComparingTo("4500.25");
            assertThat(k.conversionRate24h()).isNull();
            assertThat(k.buyers24h()).isNull();
            assertThat(k.status()).isEqualTo("provisional");
            assertThat(k.runId()).isEqualTo("run-2026-03-02");
            assertThat(k.computedAt()).isEqualTo(Instant.parse("2026-03-02T03:10:00Z"));
        }

        @Test
        void showNotComputedYetHasNoKpi() {
            show("s1").insert(jdbc);

            assertThat(repository.findById("s1").orElseThrow().kpi()).isNull();
        }

        @Test
        void unknownShowIsEmpty() {
            assertThat(repository.findById("nope")).isEmpty();
            assertThat(repository.exists("nope")).isFalse();
        }
    }

    @Nested
    class FindMinutes {
        @Test
        void returnsTheShowsMinutesInTimeOrder() {
            show("s1").insert(jdbc);
            show("other").insert(jdbc);
            minute("s1", 1, 200, 9).insert(jdbc);
            minute("s1", 0, 100, 4).insert(jdbc);
            minute("other", 0, 7, 7).insert(jdbc);

            var minutes = repository.findMinutes("s1");

            assertThat(minutes).extracting(ShowMinute::minuteIndex).containsExactly(0, 1);
            assertThat(minutes).extracting(ShowMinute::viewers).containsExactly(100L, 200L);
            assertThat(minutes).extracting(ShowMinute::chatEvents).containsExactly(4L, 9L);
            assertThat(minutes.get(1).minuteStart()).isEqualTo(Instant.parse("2026-03-01T19:01:00Z"));
            assertThat(minutes.get(1).gmv()).isEqualByComparingTo("79.9");
        }

        @Test
        void showWithoutMinutesHasAnEmptySeries() {
            show("s1").insert(jdbc);

            assertThat(repository.findMinutes("s1")).isEmpty();
        }
    }

    @Nested
    class Status {
        @Test
        void isProvisionalBeforeFinalAtWhateverTheStoredStatusSays() {
            show("s1").insert(jdbc);
            kpi("s1").set("status", "final").insert(jdbc);

            assertThat(repository.findById("s1").orElseThrow().kpi().status()).isEqualTo("provisional");
            assertThat(repository.findAll().get(0).status()).isEqualTo("provisional");
        }

        @Test
        void turnsFinalAtFinalAtWithoutANewRun() {
            show("s1").insert(jdbc);
            kpi("s1").insert(jdbc);
            clock.set(Instant.parse("2026-03-31T20:15:00Z"));

            assertThat(repository.findById("s1").orElseThrow().kpi().status()).isEqualTo("final");
            assertThat(repository.findAll().get(0).status()).isEqualTo("final");

            clock.advance(Duration.ofSeconds(-1));

            assertThat(repository.findAll().get(0).status()).isEqualTo("provisional");
        }

        @Test
        void keepsTheStoredStatusWhenFinalAtIsUnknown() {
            show("s1").insert(jdbc);
            kpi("s1").set("status", "final").set("final_at", null).insert(jdbc);

            assertThat(repository.findById("s1").orElseThrow().kpi().status()).isEqualTo("final");
        }

        @Test
        void showWithoutKpisHasNoStatus() {
            show("s1").insert(jdbc);

            assertThat(repository.findAll().get(0).status()).isNull();
        }
    }

    @Nested
    class FindMoments {
        @Test
        void returnsMomentsInTimeOrderWithTheirOffsetFromTheShowsStart() {
            show("s1").insert(jdbc);
            show("other").insert(jdbc);
            moment("s1", 31.5).set("type", "promo").set("sku", null).set("label", "20% off everything").insert(jdbc);
            moment("s1", 7.25).insert(jdbc);
            moment("other", 1).insert(jdbc);

            var moments = repository.findMoments("s1");

            assertThat(moments).extracting(ShowMoment::type).containsExactly("product_pin", "promo");
            ShowMoment pin = moments.get(0);
            assertThat(pin.ts()).isEqualTo(Instant.parse("2026-03-01T19:07:15Z"));
            assertThat(pin.offsetSeconds()).isEqualTo(7 * 60 + 15);
            assertThat(pin.sku()).isEqualTo("SKU-LINEN-DRESS");
            assertThat(pin.label()).isEqualTo("Linen dress");
            assertThat(pin.viewersPresent()).isEqualTo(790L);
            assertThat(pin.clicksBefore()).isEqualTo(12L);
            assertThat(pin.clicksAfter()).isEqualTo(41L);
            assertThat(pin.clicksDelta()).isEqualTo(29L);
            assertThat(pin.ordersDelta()).isEqualTo(5L);
            assertThat(moments.get(1).sku()).isNull();
            assertThat(moments.get(1).offsetSeconds()).isEqualTo(31 * 60 + 30);
        }

        @Test
        void momentInTheLobbyHasANegativeOffset() {
            show("s1").insert(jdbc);
            moment("s1", -0.5).set("type", "guest").insert(jdbc);

            assertThat(repository.findMoments("s1").get(0).offsetSeconds()).isEqualTo(-30);
        }

        @Test
        void uncomputedCountsStayNullAndSoDoTheirDeltas() {
            show("s1").insert(jdbc);
            moment("s1", 3).set("viewers_present", null).set("clicks_before", null).set("orders_after", null)
                    .insert(jdbc);

            ShowMoment m = repository.findMoments("s1").get(0);

            assertThat(m.viewersPresent()).isNull();
            assertThat(m.clicksDelta()).isNull();
            assertThat(m.ordersDelta()).isNull();
            assertThat(m.clicksAfter()).isEqualTo(41L);
        }

        @Test
        void showWithoutMomentsHasNone() {
            show("s1").insert(jdbc);

            assertThat(repository.findMoments("s1")).isEmpty();
        }
    }

    @Nested
    class SalesKpis {
        @Test
        void readsEverySalesColumnWithMoneyAsDecimals() {
            show("s1").insert(jdbc);
            kpi("s1").insert(jdbc);

            ShowKpi k = repository.findById("s1").orElseThrow().kpi();

            assertThat(k.liveOrders()).isEqualTo(40L);
            assertThat(k.liveGmv()).isEqualByComparingTo("3120.50");
            assertThat(k.aov()).isEqualByComparingTo("78.0125");
            assertThat(k.revenuePerViewer()).isEqualByComparingTo("2.5288");
            assertThat(k.buyers24h()).isEqualTo(52L);
            assertThat(k.conversionRate24h()).isEqualTo(52.0 / 456.0);
            assertThat(k.gmv24h()).isEqualByComparingTo("4480.75");
            assertThat(k.stockoutMinutes()).isEqualTo(6.5);
        }

        @Test
        void unmeasuredStockOutsAndOrderlessAovStayNull() {
            show("s1").insert(jdbc);
            kpi("s1").set("live_orders", 0L).set("aov", null).set("stockout_minutes", null)
                    .set("conversion_rate_24h", null).insert(jdbc);

            ShowKpi k = repository.findById("s1").orElseThrow().kpi();

            assertThat(k.liveOrders()).isZero();
            assertThat(k.aov()).isNull();
            assertThat(k.stockoutMinutes()).isNull();
            assertThat(k.conversionRate24h()).isNull();
        }
    }

    @Nested
    class StoreVisitsAndFinality {
        @Test
        void totalsEachAttributionModelAndListsVisitsPerStore() {
            show("s").insert(jdbc);
            kpi("s").set("influenced_store_visits", 12.0).set("influenced_visitors", 10L).set("saw_show_share", 0.4)
                    .insert(jdbc);
            io.showmetrics.dashboard.testing.Fixtures.storeAttribution("s", "store-b", "last_touch", 4.0).insert(jdbc);
            io.showmetrics.dashboard.testing.Fixtures.storeAttribution("s", "store-a", "last_touch", 8.0).insert(jdbc);
            io.showmetrics.dashboard.testing.Fixtures.storeAttribution("s", "store-a", "linear", 5.5).insert(jdbc);
            io.showmetrics.dashboard.testing.Fixtures.storeAttribution("other", "store-a", "linear", 99.0).insert(jdbc);

            StoreVisits v = repository.findStoreVisits("s");

            assertThat(v.models()).extracting(StoreVisits.ModelTotal::model)
                    .containsExactly("last_touch", "first_touch", "linear", "time_decay", "markov");
            assertThat(v.models()).extracting(StoreVisits.ModelTotal::visits).containsExactly(12.0, null, 5.5, null, null);
            assertThat(v.stores()).extracting(StoreVisits.Store::storeId).containsExactly("store-a", "store-b");
            assertThat(v.stores().get(0).visits()).containsEntry("last_touch", 8.0).containsEntry("linear", 5.5);
            assertThat(v.experiment()).isNull();
            assertThat(v.sawShowShare()).isEqualTo(0.4);
        }

        @Test
        void showWithoutKpisHasNoStoreVisits() {
            show("s").insert(jdbc);

            StoreVisits v = repository.findStoreVisits("s");

            assertThat(v.influencedStoreVisits()).isNull();
            assertThat(v.experiment()).isNull();
            assertThat(v.stores()).isEmpty();
        }

        @Test
        void eachMetricIsProvisionalUntilEndsAtPlusItsFinalAfterSeconds() {
            show("s").insert(jdbc);
            kpi("s").insert(jdbc);
            Fixtures.definition("unique_viewers", 1).set("final_after_seconds", 900L).insert(jdbc);
            Fixtures.definition("conversion_rate_24h", 2).set("final_after_seconds", 86_400L)
                    .insert(jdbc);
            Fixtures.definition("viewers", 3).set("level", "minute").insert(jdbc);
            clock.set(Instant.parse("2026-03-01T20:15:00Z"));

            var finality = repository.findById("s").orElseThrow().finality();

            assertThat(finality).containsOnlyKeys("unique_viewers", "conversion_rate_24h");
            assertThat(finality.get("unique_viewers")).isEqualTo(new MetricFinality("final", Instant.parse("2026-03-01T20:15:00Z"), false));
            assertThat(finality.get("conversion_rate_24h"))
                    .isEqualTo(new MetricFinality("provisional", Instant.parse("2026-03-02T20:00:00Z"), false));
        }

        @Test
        void aMetricWhoseWindowEndsAfterTheDataThroughStaysOpenHoweverLateTheClock() {
            show("s").insert(jdbc);
            // The data stops 2026-03-02 02:00, before the 24-hour window ends (2026-03-02 20:00).
            kpi("s").set("data_through", Instant.parse("2026-03-02T02:00:00Z"))
                    .set("final_at", Instant.parse("2026-03-31T20:00:00Z")).insert(jdbc);
            Fixtures.definition("unique_viewers", 1).set("final_after_seconds", 900L).insert(jdbc);
            Fixtures.definition("conversion_rate_24h", 2).set("final_after_seconds", 86_400L)
                    .insert(jdbc);
            clock.set(Instant.parse("2026-06-01T00:00:00Z"));

            ShowDetail detail = repository.findById("s").orElseThrow();

            assertThat(detail.finality().get("unique_viewers"))
                    .isEqualTo(new MetricFinality("final", Instant.parse("2026-03-01T20:15:00Z"), false));
            assertThat(detail.finality().get("conversion_rate_24h"))
                    .isEqualTo(new MetricFinality("provisional", Instant.parse("2026-03-02T20:00:00Z"), true));
            assertThat(detail.kpi().status()).isEqualTo("provisional");
            assertThat(detail.kpi().dataThrough()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
            assertThat(repository.findAll()).singleElement().extracting(ShowRow::status).isEqualTo("provisional");
        }

        @Test
        void minutesCarryTheirNewViewers() {
            show("s").insert(jdbc);
            minute("s", 0, 100, 5).set("new_viewers", 100L).insert(jdbc);
            minute("s", 1, 120, 5).set("new_viewers", 30L).insert(jdbc);

            assertThat(repository.findMinutes("s")).extracting(ShowMinute::newViewers).containsExactly(100L, 30L);
        }
    }

    @Nested
    class OnAir {
        private final Instant dataThrough = Fixtures.SPRING_START.plus(Duration.ofMinutes(2)).plusSeconds(30);

        @BeforeEach
        void aLiveShowWithThreeMinutes() {
            show("s-live").insert(jdbc);
            Fixtures.liveKpi("s-live", dataThrough).insert(jdbc);
            for (int m = 0; m < 3; m++) {
                minute("s-live", m, 100 + m, 5).insert(jdbc);
            }
            clock.set(dataThrough.plusSeconds(8));
        }

        @Test
        void aLiveRowReadsAsLiveWithItsDataThroughAndTheKpisThatComeAfterTheShow() {
            ShowDetail detail = repository.findById("s-live").orElseThrow();

            assertThat(detail.kpi().status()).isEqualTo("live");
            assertThat(detail.kpi().dataThrough()).isEqualTo(dataThrough);
            assertThat(detail.onAir()).isTrue();
            assertThat(detail.afterTheShow()).contains("conversion_rate_24h", "buyers_24h", "gmv_24h",
                    "influenced_store_visits", "next_show_retention", "roas_24h", "stockout_minutes")
                    .doesNotContain("unique_viewers", "live_orders", "live_gmv", "roas_live");
            assertThat(repository.findAll()).extracting(ShowRow::status).containsExactly("live");
        }

        @Test
        void onlyTheMinuteTheDataThroughHasNotPassedIsStillCounting() {
            assertThat(repository.findMinutes("s-live")).extracting(ShowMinute::stillCounting)
                    .containsExactly(false, false, true);
        }

        @Test
        void onceTheBatchRunPublishedTheShowNothingIsStillCountingAndNothingComesAfterTheShow() {
            jdbc.sql("UPDATE show_kpi SET status = 'provisional', final_at = :f WHERE show_id = 's-live'")
                    .param("f", java.time.OffsetDateTime.parse("2026-03-31T20:15:00Z")).update();

            assertThat(repository.findMinutes("s-live")).extracting(ShowMinute::stillCounting)
                    .containsOnly(false);
            ShowDetail detail = repository.findById("s-live").orElseThrow();
            assertThat(detail.kpi().status()).isEqualTo("provisional");
            assertThat(detail.afterTheShow()).isEmpty();
        }
    }
}
