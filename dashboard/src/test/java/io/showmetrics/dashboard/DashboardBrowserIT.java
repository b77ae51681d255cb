package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static io.showmetrics.dashboard.testing.Fixtures.decision;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.moment;
import static io.showmetrics.dashboard.testing.Fixtures.result;
import static io.showmetrics.dashboard.testing.Fixtures.variant;
import static io.showmetrics.dashboard.testing.Fixtures.ingestFile;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.quarantineReason;
import static io.showmetrics.dashboard.testing.Fixtures.quarantineSample;
import static io.showmetrics.dashboard.testing.Fixtures.run;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page in headless Chromium: the app started through {@code serve} on a random port against a real
 * PostgreSQL with fixture rows, signed in through the form as maria (marketing). The server's clock stands at
 * {@link #NOW}, after s-mid's and s-empty's final_at but before s-spring's. Screenshots go to
 * {@code /tmp/dash-*.png}.
 */
class DashboardBrowserIT {
    private static final Instant NOW = Instant.parse("2026-03-29T12:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final List<Long> VIEWERS = Fixtures.viewerCurve();
    private static final List<Long> CHAT = Fixtures.chatCurve();
    private static final List<Long> ORDERS = Fixtures.ordersCurve();

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser browser;

    @BeforeAll
    static void startDashboardAndSignIn() {
        dashboard = ServedDashboard.start("browser_it", CLOCK, dataDir, DashboardBrowserIT::seed);
        browser = new Browser(dashboard.baseUrl());
        browser.get("/shows");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        browser.screenshot("login");
        browser.signIn("maria", "showtime");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /** The fixture rows every page of this class reads; other browser and HTTP tests reuse them. */
    static void seed(JdbcClient jdbc) {
        show("s-spring").set("experiment_id", "exp-push").insert(jdbc);
        kpi("s-spring").insert(jdbc);
        Fixtures.insertMinutes(jdbc, "s-spring", VIEWERS, CHAT, ORDERS);

        show("s-mid").set("title", "Denim Days").set("host", "Omar Reyes")
                .set("starts_at", Instant.parse("2026-02-25T19:00:00Z"))
                .set("ends_at", Instant.parse("2026-02-25T19:50:00Z")).insert(jdbc);
        kpi("s-mid").set("unique_viewers", 640L).set("peak_concurrent_viewers", 402L).set("avg_watch_seconds", 512.0)
                .set("engagement_rate", 0.31).set("chat_messages", 700L).set("replay_viewers", 95L)
                .set("status", "final").set("final_at", Instant.parse("2026-03-27T20:05:00Z")).insert(jdbc);

        show("s-empty").set("title", "Sneaker Drop Q&A").set("host", null)
                .set("starts_at", Instant.parse("2026-02-20T18:00:00Z"))
                .set("ends_at", Instant.parse("2026-02-20T18:45:00Z")).insert(jdbc);
        kpi("s-empty").set("unique_viewers", 0L).set("identified_viewers", 0L).set("peak_concurrent_viewers", 0L)
                .set("peak_at", null).set("avg_watch_seconds", null).set("engaged_viewers", 0L)
                .set("engagement_rate", null).set("chat_messages", 0L).set("replay_viewers", 0L)
                .set("product_clickers", 0L).set("carters", 0L).set("live_orders", 0L)
                .set("live_gmv", java.math.BigDecimal.ZERO).set("aov", null).set("revenue_per_viewer", null)
                .set("buyers_24h", 0L).set("conversion_rate_24h", null).set("gmv_24h", java.math.BigDecimal.ZERO)
                .set("stockout_minutes", null)
                .set("status", "final").set("final_at", Instant.parse("2026-03-22T19:00:00Z")).insert(jdbc);

        show("s-new").set("title", "Summer Preview").set("starts_at", Instant.parse("2026-03-05T18:00:00Z"))
                .set("ends_at", Instant.parse("2026-03-05T19:30:00Z")).insert(jdbc);

        moment("s-spring", 5).insert(jdbc);
        moment("s-spring", 21.25).set("type", "promo").set("sku", null).set("label", "20% off denim")
                .set("viewers_present", 812L).set("clicks_before", 34L).set("clicks_after", 58L)
                .set("orders_before", 3L).set("orders_after", 9L).insert(jdbc);
        moment("s-spring", 36.5).set("type", "giveaway").set("sku", null).set("label", "Tote bag giveaway")
                .set("viewers_present", 805L).set("clicks_before", 20L).set("clicks_after", 18L)
                .set("orders_before", 4L).set("orders_after", 4L).insert(jdbc);
        moment("s-spring", 44).set("type", "guest").set("sku", null).set("label", "Stylist Mia Chen")
                .set("viewers_present", 760L).set("clicks_before", 15L).set("clicks_after", 25L)
                .set("orders_before", 2L).set("orders_after", null).insert(jdbc);
        seedExperiments(jdbc);

        definition("unique_viewers", 1).insert(jdbc);
        definition("peak_concurrent_viewers", 2).set("label", "Peak concurrent viewers")
                .set("definition", "The largest number of viewers present at one instant; a leave before a join at equal times")
                .insert(jdbc);
        definition("avg_watch_seconds", 3).set("label", "Average watch time").set("unit", "seconds")
                .set("definition", "Total merged live presence in seconds / unique_viewers").insert(jdbc);
        definition("engagement_rate", 4).set("label", "Engagement rate").set("unit", "ratio")
                .set("definition", "engaged_viewers / unique_viewers; NULL when there are no viewers").insert(jdbc);

        run("r-0302").insert(jdbc);
        ingestFile("r-0302", "viewer_events", "viewer_events/dt=2026-03-01/part-0001.jsonl.gz", 7900, 80, 20).insert(jdbc);
        ingestFile("r-0302", "chat_events", "chat_events/dt=2026-03-01/part-0001.csv", 1950, 40, 10).insert(jdbc);
        ingestFile("r-0302", "orders", "orders/orders-2026-03-01.jsonl", 450, 30, 0).insert(jdbc);
        quarantineReason("r-0302", "viewer_events", "bad_timestamp", 50).insert(jdbc);
        quarantineReason("r-0302", "viewer_events", "missing_field", 30).insert(jdbc);
        quarantineReason("r-0302", "chat_events", "unknown_type", 40).insert(jdbc);
        quarantineReason("r-0302", "orders", "negative_price", 20).insert(jdbc);
        quarantineReason("r-0302", "orders", "bad_timestamp", 10).insert(jdbc);
        quarantineSample("r-0302", "viewer_events/dt=2026-03-01/part-0001.jsonl.gz", 17).insert(jdbc);
        quarantineSample("r-0302", "chat_events/dt=2026-03-01/part-0001.csv", 4).set("entity", "chat_events")
                .set("field", "type").set("reason", "unknown_type").set("message", "type 'sticker' is not one of "
                        + "message, reaction, question, share, poll_vote")
                .set("raw", "c9,s-spring,v17,sticker,2026-03-01T19:04:10Z").insert(jdbc);
        run("r-0301").set("started_at", Instant.parse("2026-03-01T03:00:00Z"))
                .set("finished_at", Instant.parse("2026-03-01T03:01:05Z")).set("status", "failed")
                .set("records_read", 0L).set("records_accepted", 0L).set("records_quarantined", 0L)
                .set("records_duplicate", 0L).set("files_loaded", 0).set("shows_computed", 0)
                .set("message", "Input folder /data/landing not found").insert(jdbc);
        run("r-0303").set("started_at", Instant.parse("2026-03-03T03:00:00Z")).set("finished_at", null)
                .set("status", "running").set("records_read", 2_000L).set("records_accepted", 1_990L)
                .set("records_quarantined", 10L).set("records_duplicate", 0L).set("files_loaded", 1)
                .set("shows_computed", 0).set("message", null).insert(jdbc);
    }

    /**
     * exp-host: flagged for sample-ratio mismatch (4,810 vs 5,190 on a 50/50 design), provisional until
     * 2026-04-02 20:00; revenue (primary, significant after Holm), conversion (not significant) and store
     * visits (not computable). exp-push: split OK, final. exp-new: nothing computed yet.
     */
    private static void seedExperiments(JdbcClient jdbc) {
        experiment("exp-host").set("name", "Host A vs host B")
                .set("hypothesis", "Host B's styling segments sell more per invited customer than host A's.")
                .set("primary_metric", "revenue").set("control_variant", "host_a")
                .set("starts_at", Instant.parse("2026-02-27T00:00:00Z")).set("srm_p_value", 0.00014)
                .set("srm_flagged", true).set("final_at", Instant.parse("2026-04-02T20:00:00Z")).insert(jdbc);
        variant("exp-host", "host_a", 4_810, 0.5, true).insert(jdbc);
        variant("exp-host", "host_b", 5_190, 0.5, false).insert(jdbc);
        for (boolean adjusted : new boolean[] {false, true}) {
            result("exp-host", "converted", "host_b", adjusted).insert(jdbc);
            result("exp-host", "revenue", "host_b", adjusted).set("value", 4.87).set("control_value", 3.95)
                    .set("abs_lift", 0.92).set("abs_ci_low", adjusted ? 0.45 : 0.31).set("abs_ci_high", adjusted ? 1.39 : 1.53)
                    .set("rel_lift", 0.2329).set("rel_ci_low", adjusted ? 0.1065 : 0.0712)
                    .set("rel_ci_high", adjusted ? 0.3593 : 0.3946).set("p_value", adjusted ? 0.00012 : 0.0031)
                    .set("p_value_holm", adjusted ? 0.00036 : 0.0093).set("p_value_bh", adjusted ? 0.00036 : 0.0093)
                    .set("seq_ci_low", adjusted ? 0.08 : -0.12).set("seq_ci_high", adjusted ? 1.76 : 1.96)
                    .set("theta", adjusted ? 0.655 : null).set("variance_reduction", adjusted ? 0.41 : null).insert(jdbc);
        }
        result("exp-host", "visited_store", "host_b", false).set("value", 0.0031).set("control_value", 0.0)
                .set("abs_lift", 0.0031).set("abs_ci_low", 0.0016).set("abs_ci_high", 0.0046).set("rel_lift", null)
                .set("rel_ci_low", null).set("rel_ci_high", null).set("p_value", null).set("p_value_holm", null)
                .set("p_value_bh", null).set("seq_ci_low", null).set("seq_ci_high", null)
                .set("error_code", "zero_control_mean").insert(jdbc);
        result("exp-host", "visited_store", "host_b", true).set("value", null).set("control_value", null)
                .set("abs_lift", null).set("abs_ci_low", null).set("abs_ci_high", null).set("rel_lift", null)
                .set("rel_ci_low", null).set("rel_ci_high", null).set("p_value", null).set("p_value_holm", null)
                .set("p_value_bh", null).set("seq_ci_low", null).set("seq_ci_high", null).set("theta", null)
                .set("variance_reduction", null).set("error_code", "zero_covariate_variance").insert(jdbc);

        decision("exp-host", "host_b", "srm_blocked").set("metric", "revenue")
                .set("reason", "Blocked by a sample-ratio mismatch: the assigned customers are not split as planned "
                        + "(chi-square p = 0.00014 < 0.001), so no lift can be trusted until the assignment is fixed.")
                .set("mde_abs", null).set("power_10pct", null).set("n_needed_10pct", null).insert(jdbc);

        experiment("exp-push").insert(jdbc);
        decision("exp-push", "push", "ship").insert(jdbc);
        variant("exp-push", "holdout", 2_003, 0.2, true).insert(jdbc);
        variant("exp-push", "push", 7_997, 0.8, false).insert(jdbc);
        result("exp-push", "converted", "push", false).set("n", 7997L).set("control_n", 2003L).set("p_value", 0.012)
                .set("p_value_holm", 0.03).insert(jdbc);
        result("exp-push", "converted", "push", true).set("n", 7997L).set("control_n", 2003L).insert(jdbc);

        experiment("exp-new").set("name", "Giveaway reminder").set("hypothesis", null).set("primary_metric", null)
                .set("control_variant", "none").set("starts_at", Instant.parse("2026-03-20T00:00:00Z"))
                .set("ends_at", Instant.parse("2026-03-27T00:00:00Z")).set("last_show_end", null)
                .set("assigned", 0L).set("srm_p_value", null).set("final_at", null).insert(jdbc);
    }

    @Nested
    class ShowsPage {
        @Test
        void chartsUniqueAndPeakViewersPerShowInStartOrder() {
            browser.open("/shows");

            assertThat(browser.chartOption("shows-chart", "o.xAxis[0].data"))
                    .isEqualTo(List.of("2026-02-20 · Sneaker Drop Q&A", "2026-02-25 · Denim Days",
                            "2026-03-01 · Spring Collection Launch", "2026-03-05 · Summer Preview"));
            assertThat(browser.chartOption("shows-trend", "o.xAxis[0].data[2]")).isEqualTo("2026-03-01 · Spring Collection Launch");
            assertThat(browser.chartOption("shows-chart", "o.series[0].data")).isEqualTo(Arrays.asList(0L, 640L, 1234L, null));
            assertThat(browser.chartOption("shows-chart", "o.series[1].data")).isEqualTo(Arrays.asList(0L, 402L, 812L, null));
            assertThat(browser.chartOption("shows-chart", "o.toolbox[0].feature.saveAsImage.type")).isEqualTo("png");
            browser.screenshot("shows");
        }

        @Test
        void tableShowsFormattedKpisWithDashesForNullAndTheProvisionalDate() {
            browser.open("/shows");

            assertThat(browser.column("shows-table", "title"))
                    .containsExactly("Summer Preview", "Spring Collection Launch", "Denim Days", "Sneaker Drop Q&A");
            assertThat(browser.cell("shows-table", "s-spring", "uniqueViewers")).isEqualTo("1,234");
            assertThat(browser.cell("shows-table", "s-spring", "peakConcurrentViewers")).isEqualTo("812");
            assertThat(browser.cell("shows-table", "s-spring", "avgWatchSeconds")).isEqualTo("12:34");
            assertThat(browser.cell("shows-table", "s-spring", "engagementRate")).isEqualTo("24.3%");
            assertThat(browser.cell("shows-table", "s-spring", "startsAt")).isEqualTo("2026-03-01 19:00");
            assertThat(browser.cell("shows-table", "s-spring", "durationSeconds")).isEqualTo("1 h 00 min");
            assertThat(browser.cell("shows-table", "s-spring", "status"))
                    .isEqualTo("Provisional until 2026-03-31 20:15 UTC");
            assertThat(browser.cell("shows-table", "s-mid", "status")).isEqualTo("Final");
            assertThat(browser.cell("shows-table", "s-empty", "engagementRate")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-empty", "avgWatchSeconds")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-empty", "uniqueViewers")).isEqualTo("0");
            assertThat(browser.cell("shows-table", "s-empty", "host")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-new", "uniqueViewers")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-new", "status")).isEqualTo("Not computed");
        }

        @Test
        void tableSaysWhatEachShowSold() {
            browser.open("/shows");

            assertThat(browser.cell("shows-table", "s-spring", "liveOrders")).isEqualTo("40");
            assertThat(browser.cell("shows-table", "s-spring", "liveGmv")).isEqualTo("€3,120.50");
            assertThat(browser.cell("shows-table", "s-spring", "conversionRate24h")).isEqualTo("11.4%");
            assertThat(browser.cell("shows-table", "s-spring", "goalAttainment")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-empty", "liveGmv")).isEqualTo("€0.00");
            assertThat(browser.cell("shows-table", "s-empty", "conversionRate24h")).isEqualTo("–");
            assertThat(browser.cell("shows-table", "s-new", "liveOrders")).isEqualTo("–");
        }

        @Test
        void filtersGoIntoTheAddressSoAReloadOrASharedLinkShowsTheSameShows() {
            browser.open("/shows");
            new Select(browser.find(By.id("filter-host"))).selectByValue("Omar Reyes");
            browser.navigate(() -> browser.find(By.id("filter-apply")).click());

            assertThat(browser.driver().getCurrentUrl()).endsWith("/shows?host=Omar+Reyes");
            assertThat(browser.column("shows-table", "title")).containsExactly("Denim Days");
            assertThat(browser.find(By.id("shows-csv")).getDomAttribute("href")).isEqualTo("/api/shows.csv?host=Omar+Reyes");
            assertThat(browser.find(By.id("shows-status")).getText()).startsWith("1 show · host Omar Reyes");

            browser.open("/shows?from=2026-02-21&to=2026-03-01&q=SPRING");
            assertThat(browser.column("shows-table", "title")).containsExactly("Spring Collection Launch");
            assertThat(browser.find(By.id("filter-q")).getDomProperty("value")).isEqualTo("SPRING");
            assertThat(browser.find(By.id("filter-from")).getDomProperty("value")).isEqualTo("2026-02-21");
            assertThat(browser.chartOption("shows-chart", "o.xAxis[0].data"))
                    .isEqualTo(List.of("2026-03-01 · Spring Collection Launch"));

            browser.open("/shows?experiment=exp-push");
            assertThat(browser.column("shows-table", "title")).containsExactly("Spring Collection Launch");
            browser.navigate(() -> browser.find(By.id("filter-clear")).click());
            assertThat(browser.driver().getCurrentUrl()).endsWith("/shows");
            assertThat(browser.column("shows-table", "title")).hasSize(4);
        }

        @Test
        void aBadDateInTheAddressIsNamed() {
            browser.get("/shows?from=2026-02-30");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> "error".equals(d.findElement(By.tagName("main")).getDomAttribute("data-ready")));

            assertThat(browser.find(By.id("shows-status")).getText())
                    .contains("'2026-02-30' in from is not a date: write it as YYYY-MM-DD");
        }

        @Test
        void clickingAColumnHeaderSortsByIt() {
            browser.open("/shows");

            browser.find(By.cssSelector("#shows-table th[data-col=uniqueViewers] button")).click();

            assertThat(browser.column("shows-table", "uniqueViewers")).containsExactly("1,234", "640", "0", "–");
        }

        @Test
        void offersTheTableAsCsv() {
            browser.open("/shows");

            assertThat(browser.find(By.id("shows-csv")).getDomAttribute("href")).isEqualTo("/api/shows.csv");
            String csv = (String) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/shows.csv').then(r => r.text()).then(done);");
            assertThat(csv).startsWith("show_id,title,host,starts_at").contains("s-spring,Spring Collection Launch,");
        }
    }

    @Nested
    class ShowPage {
        @Test
        void viewerCurveChatAndOrdersShareTheTimeAxisWithThePeakMarked() {
            browser.open("/shows/s-spring");

            assertThat(browser.chartOption("minute-chart", "o.series[0].data")).isEqualTo(VIEWERS);
            assertThat(browser.chartOption("minute-chart", "o.series[1].name")).isEqualTo("Joined");
            assertThat(browser.chartOption("minute-chart", "o.series[2].name")).isEqualTo("Lost");
            assertThat(browser.chartOption("minute-chart", "o.series[3].data")).isEqualTo(CHAT);
            assertThat(browser.chartOption("minute-chart", "o.series[3].xAxisIndex")).isEqualTo(2L);
            assertThat(browser.chartOption("minute-chart", "o.series[4].name")).isEqualTo("Live orders");
            assertThat(browser.chartOption("minute-chart", "o.series[4].data")).isEqualTo(ORDERS);
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) browser.chartOption("minute-chart", "o.xAxis[0].data");
            assertThat(labels).hasSize(75).startsWith("19:00", "19:01").endsWith("20:14");
            assertThat(browser.chartOption("minute-chart", "o.xAxis[1].data")).isEqualTo(labels);
            assertThat(browser.chartOption("minute-chart", "o.series[0].markLine.data[0].yAxis")).isEqualTo(812L);
            assertThat(browser.chartOption("minute-chart", "o.series[0].markLine.data[0].label.formatter"))
                    .isEqualTo("Peak concurrent 812 at 19:23 (instantaneous)");
            assertThat(browser.chartOption("minute-chart", "o.series[0].markLine.data[1].xAxis")).isEqualTo("19:23");
            assertThat(browser.chartOption("minute-chart", "o.toolbox[0].feature.saveAsImage.type")).isEqualTo("png");
            browser.screenshot("show");
        }

        @Test
        void kpiTilesShowEveryViewerAndEngagementMetricWithTheProvisionalBadge() {
            browser.open("/shows/s-spring");

            assertThat(tile("unique_viewers")).isEqualTo("1,234");
            assertThat(tile("identified_viewers")).isEqualTo("456");
            assertThat(tile("peak_concurrent_viewers")).isEqualTo("812");
            assertThat(browser.find(By.cssSelector("#kpi-peak_concurrent_viewers .kpi-note")).getText())
                    .isEqualTo("at 19:23 UTC");
            assertThat(tile("avg_watch_seconds")).isEqualTo("12:34");
            assertThat(tile("replay_viewers")).isEqualTo("210");
            assertThat(tile("engaged_viewers")).isEqualTo("300");
            assertThat(tile("engagement_rate")).isEqualTo("24.3%");
            assertThat(tile("chat_messages")).isEqualTo("1,520");
            assertThat(tile("reactions")).isEqualTo("870");
            assertThat(tile("questions")).isEqualTo("64");
            assertThat(tile("shares")).isEqualTo("33");
            assertThat(tile("product_clickers")).isEqualTo("150");
            assertThat(tile("carters")).isEqualTo("61");
            assertThat(browser.find(By.id("show-status")).getText()).isEqualTo("Provisional until 2026-03-31 20:15 UTC");
            assertThat(browser.find(By.id("kpi-unique_viewers")).getDomAttribute("title"))
                    .startsWith("Unique viewers: Distinct viewer_id");
        }

        @Test
        void minuteTableListsEveryMinute() {
            browser.open("/shows/s-spring");

            List<String> viewers = browser.column("minutes-table", "viewers");
            assertThat(viewers).hasSize(75);
            assertThat(viewers.get(11)).isEqualTo(String.format("%,d", VIEWERS.get(11)));
            assertThat(browser.cell("minutes-table", "5", "chatEvents")).isEqualTo(String.valueOf(CHAT.get(5)));
            assertThat(browser.cell("minutes-table", "5", "minuteStart")).isEqualTo("19:05");
            assertThat(browser.cell("minutes-table", "21", "orders")).isEqualTo(String.valueOf(ORDERS.get(21)));
            assertThat(browser.cell("minutes-table", "21", "gmv"))
                    .isEqualTo(String.format(java.util.Locale.ROOT, "€%.2f", 79.90 * ORDERS.get(21)));
            assertThat(browser.find(By.id("minutes-csv")).getDomAttribute("href")).isEqualTo("/api/shows/s-spring/minutes.csv");
        }

        @Test
        void showWithoutViewersShowsDashesNotZeroOrNaN() {
            browser.open("/shows/s-empty");

            assertThat(tile("unique_viewers")).isEqualTo("0");
            assertThat(tile("engagement_rate")).isEqualTo("–");
            assertThat(tile("avg_watch_seconds")).isEqualTo("–");
            assertThat(browser.find(By.id("show-status")).getText()).isEqualTo("Final");
            assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("NaN");
        }

        @Test
        void unknownShowIsANotFoundPage() {
            browser.get("/shows/no-such-show");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        }

        @Test
        void salesPerMinuteShareTheTimeAxisOnTheLastGrid() {
            browser.open("/shows/s-spring");

            assertThat(browser.chartOption("minute-chart", "o.grid.length")).isEqualTo(4L);
            assertThat(browser.chartOption("minute-chart", "o.series[4].type")).isEqualTo("bar");
            assertThat(browser.chartOption("minute-chart", "o.series[4].xAxisIndex")).isEqualTo(3L);
            assertThat(browser.chartOption("minute-chart", "o.series[5].name")).isEqualTo("GMV");
            assertThat(browser.chartOption("minute-chart", "o.series[5].xAxisIndex")).isEqualTo(3L);
            assertThat(browser.chartOption("minute-chart", "o.yAxis[o.series[5].yAxisIndex].position")).isEqualTo("right");
            @SuppressWarnings("unchecked")
            List<Number> gmv = (List<Number>) browser.chartOption("minute-chart", "o.series[5].data");
            assertThat(gmv).hasSize(75);
            for (int m = 0; m < 75; m++) {
                assertThat(gmv.get(m).doubleValue()).isCloseTo(79.90 * ORDERS.get(m), org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(browser.chartOption("minute-chart", "o.xAxis[3].data"))
                    .isEqualTo(browser.chartOption("minute-chart", "o.xAxis[0].data"));
            assertThat(browser.chartOption("minute-chart", "o.dataZoom[0].xAxisIndex")).isEqualTo(List.of(0L, 1L, 2L, 3L));
        }

        @Test
        void momentsAreMarkedOnEveryGridWithADistinctStylePerType() {
            browser.open("/shows/s-spring");

            String moments = ".markLine.data.filter(d => d.moment).map(d => d.xAxis)";
            List<String> at = List.of("19:05", "19:21", "19:36", "19:44");
            assertThat(browser.chartOption("minute-chart", "o.series[0]" + moments)).isEqualTo(at);
            for (int series : new int[] {1, 3, 4}) {
                assertThat(browser.chartOption("minute-chart", "o.series[" + series + "]" + moments)).isEqualTo(at);
            }
            assertThat(browser.chartOption("minute-chart",
                    "o.series[0].markLine.data.filter(d => d.moment).map(d => d.label.formatter)"))
                    .isEqualTo(List.of("Product pin: Linen dress", "Promo: 20% off denim", "Giveaway: Tote bag giveaway",
                            "Guest: Stylist Mia Chen"));
            @SuppressWarnings("unchecked")
            List<String> styles = (List<String>) browser.chartOption("minute-chart",
                    "o.series[0].markLine.data.filter(d => d.moment).map(d => d.lineStyle.color + ' ' + d.lineStyle.type)");
            assertThat(styles).doesNotHaveDuplicates();
            assertThat(browser.chartOption("minute-chart", "o.series[0].markLine.data[0].yAxis")).isEqualTo(812L);
            assertThat(browser.find(By.id("moment-legend")).getText())
                    .contains("Product pin", "Promo", "Giveaway", "Guest");
        }

        @Test
        void salesTilesShowMoneyInEurosWithTwoDecimals() {
            browser.open("/shows/s-spring");

            assertThat(tile("live_orders")).isEqualTo("40");
            assertThat(tile("live_gmv")).isEqualTo("€3,120.50");
            assertThat(tile("aov")).isEqualTo("€78.01");
            assertThat(tile("revenue_per_viewer")).isEqualTo("€2.53");
            assertThat(tile("buyers_24h")).isEqualTo("52");
            assertThat(tile("conversion_rate_24h")).isEqualTo("11.40%");
            assertThat(tile("gmv_24h")).isEqualTo("€4,480.75");
            assertThat(tile("stockout_minutes")).isEqualTo("6.5");
            assertThat(tile("aov", "s-empty")).isEqualTo("–");
        }

        @Test
        void funnelRunsViewersEngagedClickedCartedBoughtWithCountsAndShareOfViewers() {
            browser.open("/shows/s-spring");

            assertThat(browser.chartOption("show-funnel", "o.series[0].type")).isEqualTo("funnel");
            assertThat(browser.chartOption("show-funnel", "o.series[0].sort")).isEqualTo("none");
            assertThat(browser.chartOption("show-funnel", "o.series[0].data.map(d => d.name + ' ' + d.value)"))
                    .isEqualTo(List.of("Viewers 1234", "Engaged 300", "Clicked a product 150", "Added to cart 61",
                            "Bought within 24 h, any channel 52"));
            assertThat(browser.cell("show-funnel-table", "engaged", "share")).isEqualTo("24.3%");
            assertThat(browser.cell("show-funnel-table", "carted", "share")).isEqualTo("4.9%");
            assertThat(browser.cell("show-funnel-table", "bought", "share")).isEqualTo("4.2%");
            assertThat(browser.cell("show-funnel-table", "bought", "note")).startsWith("identified (logged-in) viewers only");
            assertThat(browser.cell("show-funnel-table", "viewers", "share")).isEqualTo("100.0%");
        }

        @Test
        void momentTableGivesTimeIntoTheShowAndBeforeAfterDeltas() {
            browser.open("/shows/s-spring");

            assertThat(browser.column("moments-table", "offsetSeconds")).containsExactly("05:00", "21:15", "36:30", "44:00");
            String pin = "2026-03-01T19:05:00Z/product_pin/SKU-LINEN-DRESS";
            assertThat(browser.cell("moments-table", pin, "type")).isEqualTo("Product pin");
            assertThat(browser.cell("moments-table", pin, "sku")).isEqualTo("SKU-LINEN-DRESS");
            assertThat(browser.cell("moments-table", pin, "label")).isEqualTo("Linen dress");
            assertThat(browser.cell("moments-table", pin, "viewersPresent")).isEqualTo("790");
            assertThat(browser.cell("moments-table", pin, "clicks")).isEqualTo("12 → 41 Δ +29");
            assertThat(browser.cell("moments-table", pin, "orders")).isEqualTo("1 → 6 Δ +5");
            String giveaway = "2026-03-01T19:36:30Z/giveaway/";
            assertThat(browser.cell("moments-table", giveaway, "sku")).isEqualTo("any sku");
            assertThat(browser.cell("moments-table", giveaway, "clicks")).isEqualTo("20 → 18 Δ −2");
            assertThat(browser.cell("moments-table", "2026-03-01T19:44:00Z/guest/", "orders")).isEqualTo("2 → – Δ –");
            assertThat(browser.find(By.id("moments-csv")).getDomAttribute("href")).isEqualTo("/api/shows/s-spring/moments.csv");
            browser.screenshot("show-sales");
        }

        @Test
        void showNotComputedYetHasDashTilesEmptyFunnelsAndNoMoments() {
            browser.open("/shows/s-new");

            assertThat(tile("live_gmv")).isEqualTo("–");
            assertThat(tile("conversion_rate_24h")).isEqualTo("–");
            assertThat(browser.chartOption("show-funnel", "o.series[0].data.length")).isEqualTo(0L);
            assertThat(browser.chartOption("show-funnel", "o.graphic[0].elements[0].style.text"))
                    .isEqualTo("Not computed yet: no pipeline run has published this show’s KPIs.");
            assertThat(browser.cell("show-funnel-table", "viewers", "value")).isEqualTo("–");
            assertThat(browser.find(By.cssSelector("#moments-table td.empty")).getText())
                    .isEqualTo("No moments recorded for this show.");
            assertThat(browser.find(By.id("show-status")).getText()).isEqualTo("Not computed");
            assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("NaN", "undefined", "null");
        }

        @Test
        void badgeTurnsFinalOnceTheServersClockPassesFinalAt() {
            try {
                CLOCK.set(Instant.parse("2026-03-31T20:15:00Z"));
                browser.open("/shows/s-spring");

                assertThat(browser.find(By.id("show-status")).getText()).isEqualTo("Final");
            } finally {
                CLOCK.set(NOW);
            }
        }

        private String tile(String metric) {
            return browser.find(By.cssSelector("#kpi-" + metric + " .kpi-value")).getText();
        }

        private String tile(String metric, String showId) {
            browser.open("/shows/" + showId);
            return tile(metric);
        }
    }

    @Nested
    class ExperimentsPage {
        @Test
        void listsExperimentsWithVariantsSrmFlagAndStatus() {
            browser.open("/experiments");

            assertThat(browser.column("experiments-table", "name"))
                    .containsExactly("Giveaway reminder", "Host A vs host B", "Push invite vs holdout");
            assertThat(browser.cell("experiments-table", "exp-host", "srm")).isEqualTo("SRM flagged · p 0.00014");
            assertThat(browser.cell("experiments-table", "exp-push", "srm")).isEqualTo("Split OK · p 0.9440");
            assertThat(browser.cell("experiments-table", "exp-new", "srm")).isEqualTo("SRM not checked");
            assertThat(browser.cell("experiments-table", "exp-host", "primaryMetric")).isEqualTo("Revenue per assigned customer");
            assertThat(browser.cell("experiments-table", "exp-push", "variants")).contains("holdout", "control", "2,003", "push", "7,997");
            assertThat(browser.cell("experiments-table", "exp-host", "status")).isEqualTo("Provisional until 2026-04-02 20:00 UTC");
            assertThat(browser.cell("experiments-table", "exp-push", "status")).isEqualTo("Final");
            assertThat(browser.cell("experiments-table", "exp-new", "hypothesis")).isEqualTo("–");
            assertThat(browser.find(By.id("experiments-csv")).getDomAttribute("href")).isEqualTo("/api/experiments.csv");
            browser.screenshot("experiments");
        }

        @Test
        void flaggedExperimentShowsTheSrmBannerFirstAndHidesResultsUntilAcknowledged() {
            browser.open("/experiments/exp-host");

            // The decision comes first, and says why there is no lift to read.
            assertThat(browser.find(By.cssSelector("#decision [data-variant=host_b] .decision-badge")).getText())
                    .isEqualTo("Blocked: sample-ratio mismatch");
            assertThat(browser.find(By.cssSelector("#decision .decision-reason")).getText())
                    .startsWith("Blocked by a sample-ratio mismatch: the assigned customers are not split as planned");
            assertThat((Boolean) browser.js("return !!(document.getElementById('decision').compareDocumentPosition("
                    + "document.getElementById('srm-banner')) & Node.DOCUMENT_POSITION_FOLLOWING);")).isTrue();
            org.openqa.selenium.WebElement banner = browser.find(By.id("srm-banner"));
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getText()).contains("Sample-ratio mismatch: the split does not match the design",
                    "p = 0.00014", "may be biased");
            assertThat((Boolean) browser.js("const b = document.getElementById('srm-banner');"
                    + "return !!(b.compareDocumentPosition(document.getElementById('results')) & Node.DOCUMENT_POSITION_FOLLOWING);"))
                    .isTrue();
            assertThat(browser.cell("srm-table", "host_b", "assigned")).isEqualTo("5,190");
            assertThat(browser.cell("srm-table", "host_b", "expectedShare")).isEqualTo("50.00%");
            assertThat(browser.cell("srm-table", "host_b", "observedShare")).isEqualTo("51.90%");
            assertThat(browser.cell("srm-table", "host_a", "difference")).isEqualTo("−1.90 pp");
            assertThat(browser.find(By.id("srm-p-value")).getText()).isEqualTo("0.00014");
            assertThat(browser.find(By.id("results")).getDomAttribute("data-state")).isEqualTo("hidden");
            assertThat(browser.find(By.id("results-locked")).getText()).contains("hidden until you acknowledge");
            assertThat(browser.driver().findElements(By.cssSelector("[id^=forest-]"))).isEmpty();
            assertThat(fetchStatus("/api/experiments/exp-host/results")).isEqualTo(409L);
            browser.screenshot("experiment-srm");

            browser.find(By.id("srm-acknowledge")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> "shown".equals(d.findElement(By.id("results")).getDomAttribute("data-state")));

            assertThat(fetchStatus("/api/experiments/exp-host/results")).isEqualTo(200L);
            assertThat(browser.find(By.id("srm-banner")).getText()).contains("Sample-ratio mismatch acknowledged");
            assertThat(browser.chartOption("forest-converted", "o.yAxis[0].data"))
                    .isEqualTo(List.of("host_b · raw", "host_b · CUPED"));
            assertThat(browser.chartOption("forest-converted", "o.series[0].data.map(d => d.value)"))
                    .isEqualTo(List.of(List.of(0L, -0.0142, 0.3642), List.of(1L, 0.0037, 0.3463)));
            assertThat(browser.chartOption("forest-converted", "o.series[1].data.map(d => d.value)"))
                    .isEqualTo(List.of(List.of(0.175, 0L), List.of(0.175, 1L)));
            assertThat(browser.chartOption("forest-converted", "o.series[1].markLine.data[0].xAxis")).isEqualTo(0L);
            assertThat(browser.chartOption("forest-revenue", "o.series[0].data.map(d => d.value)"))
                    .isEqualTo(List.of(List.of(0L, 0.0712, 0.3946), List.of(1L, 0.1065, 0.3593)));
            assertThat(browser.chartOption("forest-revenue", "o.toolbox[0].feature.saveAsImage.type")).isEqualTo("png");
            assertThat(browser.js("return [...document.querySelectorAll('.metric-card')].map(c => c.dataset.metric);"))
                    .isEqualTo(List.of("revenue", "converted", "visited_store"));

            assertThat(browser.cell("stats-converted", "relLift", "host_b-raw")).isEqualTo("+17.5% [−1.4%, +36.4%]");
            assertThat(browser.cell("stats-converted", "relLift", "host_b-cuped")).isEqualTo("+17.5% [+0.4%, +34.6%]");
            assertThat(browser.cell("stats-converted", "controlValue", "host_b-raw")).isEqualTo("5.20%");
            assertThat(browser.cell("stats-converted", "value", "host_b-raw")).isEqualTo("6.11%");
            assertThat(browser.cell("stats-converted", "pValue", "host_b-raw")).isEqualTo("0.0486");
            assertThat(browser.cell("stats-converted", "pValueHolm", "host_b-raw")).isEqualTo("0.0972");
            assertThat(browser.cell("stats-converted", "pValueBh", "host_b-cuped")).isEqualTo("0.0590");
            assertThat(browser.cell("stats-converted", "seqCi", "host_b-raw")).isEqualTo("[−0.61 pp, +2.43 pp]");
            assertThat(browser.cell("stats-converted", "theta", "host_b-raw")).isEqualTo("–");
            assertThat(browser.cell("stats-converted", "theta", "host_b-cuped")).isEqualTo("0.4120");
            assertThat(browser.cell("stats-converted", "varianceReduction", "host_b-cuped")).isEqualTo("18.0%");
            assertThat(browser.cell("stats-revenue", "absLift", "host_b-raw")).isEqualTo("+€0.92 [+€0.31, +€1.53]");
            assertThat(browser.cell("stats-revenue", "value", "host_b-cuped")).isEqualTo("€4.87");
            assertThat(significant("stats-revenue", "absLift", "host_b-raw")).isTrue();
            assertThat(significant("stats-revenue", "pValue", "host_b-raw")).isTrue();
            assertThat(significant("stats-revenue", "relLift", "host_b-cuped")).isTrue();
            // Holm and BH have their own labelled rows; they colour nothing.
            assertThat(significant("stats-revenue", "pValueHolm", "host_b-raw")).isFalse();
            assertThat(browser.js("return document.querySelector('#stats-revenue tr[data-id=\"pValueHolm\"] th').textContent;"))
                    .isEqualTo("p adjusted by Holm (3 comparisons)");
            assertThat(browser.find(By.id("significance-legend")).getText()).startsWith("Colour: a lift is marked "
                    + "significant when the 95% CI shown excludes 0");
            assertThat(browser.find(By.cssSelector("#metric-revenue .badge-primary")).getText()).isEqualTo("primary metric");
            assertThat(browser.cell("stats-visited_store", "status", "host_b-raw"))
                    .isEqualTo("not computable: the control rate is zero");
            assertThat(browser.cell("stats-visited_store", "status", "host_b-cuped"))
                    .isEqualTo("CUPED not computable: the pre-period covariate does not vary");
            assertThat(browser.cell("stats-visited_store", "relLift", "host_b-raw")).isEqualTo("–");
            assertThat(browser.cell("stats-visited_store", "absLift", "host_b-raw")).isEqualTo("+0.31 pp [+0.16 pp, +0.46 pp]");
            assertThat(browser.cell("stats-visited_store", "seqCi", "host_b-raw")).isEqualTo("–");
            browser.screenshot("experiment");

            browser.find(By.id("scale-absolute")).click();

            assertThat(browser.chartOption("forest-converted", "o.series[0].data.map(d => d.value)"))
                    .isEqualTo(List.of(List.of(0L, 0.00005, 0.01815), List.of(1L, 0.0009, 0.0173)));
            assertThat(browser.chartOption("forest-converted", "o.series[2].data.map(d => d.value)"))
                    .isEqualTo(List.of(List.of(0L, -0.0061, 0.0243), List.of(1L, -0.0046, 0.0228)));
            assertThat(browser.chartOption("forest-converted", "o.series[1].data.map(d => d.value[0])"))
                    .isEqualTo(List.of(0.0091, 0.0091));
            browser.screenshot("experiment-absolute");
        }

        @Test
        void unflaggedFinalExperimentShowsItsResultsWithoutAcknowledgement() {
            browser.open("/experiments/exp-push");

            assertThat(browser.find(By.cssSelector("#decision [data-variant=push]")).getDomAttribute("data-decision"))
                    .isEqualTo("ship");
            assertThat(browser.find(By.cssSelector("#decision [data-variant=push] .decision-badge")).getText()).isEqualTo("Ship");
            assertThat(browser.find(By.cssSelector("#decision .decision-reason")).getText())
                    .isEqualTo("Ship push: converted +17.5% against control (Holm-adjusted p = 0.010 < 0.05).");
            assertThat(browser.find(By.cssSelector("#decision .facts")).getText()).contains(
                    "Detectable now (80% power) ±1.23 pp", "Power for a 10% lift 41%", "Customers a 10% lift needs 24,500");
            assertThat((Boolean) browser.js("const d = document.getElementById('decision').getBoundingClientRect();"
                    + "return d.top < window.innerHeight;")).as("the decision is on the first screen").isTrue();

            // Raw conversion: Holm p 0.03 and absolute CI above 0, but the relative CI [−1.4%, +36.4%] crosses 0.
            assertThat(significant("stats-converted", "absLift", "push-raw")).isTrue();
            assertThat(significant("stats-converted", "relLift", "push-raw")).isFalse();
            assertThat(browser.chartOption("forest-converted", "o.series[1].data[0].itemStyle.color")).isEqualTo("#ffffff");
            assertThat(browser.find(By.cssSelector("#metric-converted .badge-primary")).getText()).isEqualTo("primary metric");
            assertThat(browser.js("return [...document.querySelectorAll('.metric-card')].map(c => c.dataset.metric);"))
                    .isEqualTo(List.of("converted"));

            assertThat(browser.find(By.id("srm-banner")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("results")).getDomAttribute("data-state")).isEqualTo("shown");
            assertThat(browser.find(By.id("experiment-status")).getText()).isEqualTo("Final");
            assertThat(browser.cell("stats-converted", "n", "push-raw")).isEqualTo("2,003 / 7,997");
            assertThat(browser.find(By.id("experiment-facts")).getText()).contains("Shows Spring Collection Launch");
            assertThat(browser.chartOption("forest-converted", "o.yAxis[0].data")).isEqualTo(List.of("push · raw", "push · CUPED"));
            assertThat(browser.find(By.id("results-csv")).getDomAttribute("href")).isEqualTo("/api/experiments/exp-push/results.csv");
        }

        @Test
        void experimentWithoutAssignmentsOrResultsSaysSoInsteadOfShowingNumbers() {
            browser.open("/experiments/exp-new");

            assertThat(browser.find(By.id("srm-banner")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("srm-p-value")).getText()).isEqualTo("–");
            assertThat(browser.find(By.cssSelector("#srm-table td.empty")).getText())
                    .isEqualTo("No assignments published for this experiment.");
            assertThat(browser.find(By.id("results-body")).getText()).isEqualTo("No results published for this experiment yet.");
            assertThat(browser.find(By.id("decision-body")).getText())
                    .isEqualTo("No decision yet: the experiment has no result for a treatment variant.");
            assertThat(browser.find(By.id("experiment-status")).getText()).isEqualTo("Provisional");
            assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("NaN", "undefined", "null");
        }

        @Test
        void thePlannerAnswersInOneSentenceAndNamesAnInputOutOfRange() {
            browser.open("/experiments");
            browser.find(By.id("planner-link")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> "answered".equals(d.findElement(By.tagName("main")).getDomAttribute("data-state")));

            // 5% baseline, +10%, even split, alpha 5%, power 80%: 31,231 per arm (the reference case of the planner).
            assertThat(browser.find(By.id("planner-headline")).getText())
                    .startsWith("62,462 customers to detect +10.0% on a 5.00% conversion: about ");
            assertThat(browser.find(By.id("planner-control")).getText()).isEqualTo("31,231");
            assertThat(browser.find(By.id("planner-audience")).getText()).matches("[0-9,]+ \\(median of [0-9]+ shows\\)");
            browser.screenshot("experiment-planner");

            org.openqa.selenium.WebElement baseline = browser.find(By.id("baseline"));
            baseline.clear();
            baseline.sendKeys("150");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> "error".equals(d.findElement(By.tagName("main")).getDomAttribute("data-state")));
            assertThat(browser.find(By.id("planner-error")).getText())
                    .startsWith("baseline must be between 0 and 1 (exclusive)");
        }

        @Test
        void unknownExperimentIsANotFoundPage() {
            browser.get("/experiments/no-such-experiment");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        }

        private long fetchStatus(String url) {
            return (Long) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => done(r.status));", url);
        }

        private boolean significant(String table, String row, String column) {
            return (Boolean) browser.js("return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                    + ".find(r => r.dataset.id === arguments[1]).querySelector('td[data-col=\"' + arguments[2] + '\"]')"
                    + ".classList.contains('significant');", table, row, column);
        }
    }

    @Nested
    class AnalystRole {
        @Test
        void analystStartsOnTheExperimentsWithExperimentsFirstInTheNavigation() {
            String base = browser.driver().getCurrentUrl().replaceAll("^(https?://[^/]+).*$", "$1");
            try (Browser analyst = new Browser(base)) {
                analyst.signIn("alex", "showtime");

                assertThat(analyst.driver().getCurrentUrl()).endsWith("/experiments");
                analyst.open("/experiments");
                assertThat(analyst.driver().findElements(By.cssSelector(".mainnav a")).get(0).getText())
                        .isEqualTo("Experiments");
                analyst.open("/shows");
                assertThat(analyst.driver().findElements(By.cssSelector(".mainnav a")).get(0).getText())
                        .isEqualTo("Experiments");
            }
        }
    }

    @Nested
    class DefinitionsPage {
        @Test
        void listsEveryDefinitionInCatalogueOrder() {
            browser.open("/definitions");

            assertThat(browser.column("definitions-table", "name"))
                    .containsExactly("unique_viewers", "peak_concurrent_viewers", "avg_watch_seconds", "engagement_rate");
            assertThat(browser.cell("definitions-table", "engagement_rate", "label")).isEqualTo("Engagement rate");
            assertThat(browser.cell("definitions-table", "engagement_rate", "unit")).isEqualTo("ratio");
            assertThat(browser.cell("definitions-table", "unique_viewers", "window"))
                    .isEqualTo("Live window [starts_at, ends_at + 15 min)");
            assertThat(browser.find(By.id("definitions-csv")).getDomAttribute("href")).isEqualTo("/api/definitions.csv");
            browser.screenshot("definitions");
        }

        @Test
        void filterNarrowsTheTable() {
            browser.open("/definitions");

            browser.find(By.id("definitions-filter")).sendKeys("peak");

            assertThat(browser.column("definitions-table", "name")).containsExactly("peak_concurrent_viewers");
        }
    }

    @Nested
    class RunsPage {
        @Test
        void listsRunsWithTheirCountsAndChartsRecordsPerRun() {
            browser.open("/runs");

            assertThat(browser.column("runs-table", "runId")).containsExactly("r-0303", "r-0302", "r-0301");
            assertThat(browser.cell("runs-table", "r-0302", "status")).isEqualTo("Succeeded");
            assertThat(browser.cell("runs-table", "r-0302", "recordsRead")).isEqualTo("10,480");
            assertThat(browser.cell("runs-table", "r-0302", "recordsAccepted")).isEqualTo("10,300");
            assertThat(browser.cell("runs-table", "r-0302", "recordsQuarantined")).isEqualTo("150");
            assertThat(browser.cell("runs-table", "r-0302", "recordsDuplicate")).isEqualTo("30");
            assertThat(browser.cell("runs-table", "r-0302", "durationSeconds")).isEqualTo("12 min 34 s");
            assertThat(browser.cell("runs-table", "r-0303", "finishedAt")).isEqualTo("–");
            assertThat(browser.cell("runs-table", "r-0301", "message")).isEqualTo("Input folder /data/landing not found");
            assertThat(browser.chartOption("runs-chart", "o.series.map(s => s.name)"))
                    .isEqualTo(List.of("Accepted", "Quarantined", "Duplicate"));
            assertThat(browser.chartOption("runs-chart", "o.series[0].data")).isEqualTo(List.of(0L, 10_300L, 1_990L));
            assertThat(browser.chartOption("runs-chart", "o.series[1].data")).isEqualTo(List.of(0L, 150L, 10L));
            browser.screenshot("runs");
        }

        @Test
        void runDetailReconcilesEachFileAndChartsQuarantineByReason() {
            browser.open("/runs");
            browser.navigate(() -> browser.find(By.linkText("r-0302")).click());

            String gz = "viewer_events/viewer_events/dt=2026-03-01/part-0001.jsonl.gz";
            assertThat(browser.cell("files-table", gz, "recordsRead")).isEqualTo("8,000");
            assertThat(browser.cell("files-table", gz, "recordsAccepted")).isEqualTo("7,900");
            assertThat(browser.cell("files-table", gz, "recordsQuarantined")).isEqualTo("80");
            assertThat(browser.cell("files-table", gz, "recordsDuplicate")).isEqualTo("20");
            assertThat(browser.column("files-table", "reconciled")).containsOnly("✓ reconciles");
            assertThat(browser.chartOption("reasons-chart", "o.yAxis[0].data"))
                    .isEqualTo(List.of("negative_price", "missing_field", "unknown_type", "bad_timestamp"));
            assertThat(browser.chartOption("reasons-chart", "o.series[0].data")).isEqualTo(List.of(20L, 30L, 40L, 60L));
            assertThat(browser.column("reasons-table", "records")).containsExactly("50", "40", "30", "20", "10");
            assertThat(browser.column("samples-table", "line")).containsExactly("4", "17");
            assertThat(browser.cell("samples-table", "chat_events/dt=2026-03-01/part-0001.csv:4", "raw"))
                    .isEqualTo("c9,s-spring,v17,sticker,2026-03-01T19:04:10Z");
            assertThat(browser.find(By.id("run-reconciled")).getText()).contains("✓ reconciles");
            browser.screenshot("run");
        }
    }

    @Nested
    class ApiDocs {
        @Test
        void openApiDocumentListsTheJsonApiForSignedInUsers() {
            browser.get("/shows");
            String json = (String) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/v3/api-docs').then(r => r.text()).then(done);");

            assertThat(json).contains("\"/api/shows\"", "\"/api/shows/{showId}\"", "\"/api/shows/{showId}/minutes\"",
                    "\"/api/shows/{showId}/moments\"", "\"/api/experiments\"", "\"/api/experiments/{experimentId}\"",
                    "\"/api/experiments/{experimentId}/results\"", "\"/api/experiments/{experimentId}/srm-acknowledgement\"",
                    "\"/api/definitions\"", "\"/api/runs\"", "\"/api/runs/{runId}\"");
            assertThat(json).doesNotContain("\"/shows/{showId}\"");
        }

        @Test
        void swaggerUiRendersForSignedInUsers() {
            browser.get("/swagger-ui.html");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());

            assertThat(browser.find(By.tagName("body")).getText()).contains("showmetrics dashboard API");
            browser.screenshot("api");
        }
    }
}
