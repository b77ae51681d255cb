package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.channelMonth;
import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static io.showmetrics.dashboard.testing.Fixtures.influencedRevenue;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.omnichannelPeriod;
import static io.showmetrics.dashboard.testing.Fixtures.retentionCell;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static io.showmetrics.dashboard.testing.Fixtures.storeAttribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goals, the Show page's goal, pacing, store-visit and retention sections, the Retention and Omnichannel pages in
 * headless Chromium: the app started through {@code serve} against a real PostgreSQL, signed in through the form
 * as maria (marketing) and, for the executive's view, as eve. The server's clock stands at {@link #NOW}: an hour
 * after s-spring ended, so its viewer metrics (15 min) are final and its 24 h conversion is provisional.
 */
class FeaturePagesBrowserIT {
    private static final Instant NOW = Instant.parse("2026-03-01T21:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final List<Long> VIEWERS = Fixtures.viewerCurve();
    private static final List<Long> ORDERS = Fixtures.ordersCurve();

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser browser;
    private static String baseUrl;

    @BeforeAll
    static void startDashboardAndSignIn() {
        dashboard = ServedDashboard.start("feature_browser_it", CLOCK, dataDir, FeaturePagesBrowserIT::seed);
        baseUrl = dashboard.baseUrl();
        browser = new Browser(baseUrl);
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

    /** Viewers whose first live presence falls in minute m: a burst in the first 12 minutes, then a trickle; 1,234 in all. */
    private static long newViewers(int m) {
        return m == 0 ? 84 : m < 12 ? 80 : m < 60 ? 5 : 2;
    }

    /** The show's live orders and GMV as the sum of its minutes (79.90 per order). */
    private static final long LIVE_ORDERS = ORDERS.stream().mapToLong(Long::longValue).sum();
    private static final java.math.BigDecimal LIVE_GMV = new java.math.BigDecimal("79.90").multiply(java.math.BigDecimal.valueOf(LIVE_ORDERS));

    private static void seed(JdbcClient jdbc) {
        show("s-spring").set("experiment_id", "exp-hold").insert(jdbc);
        kpi("s-spring").set("live_orders", LIVE_ORDERS).set("live_gmv", LIVE_GMV).set("aov", new java.math.BigDecimal("79.90"))
                .set("returning_viewer_rate", 0.31).set("next_show_retention", 0.22)
                .set("influenced_store_visits", 12.0).set("influenced_visitors", 10L).set("saw_show_share", 0.4)
                .insert(jdbc);
        Fixtures.insertMinutes(jdbc, "s-spring", VIEWERS, Fixtures.chatCurve(), ORDERS);
        for (int m = 0; m < VIEWERS.size(); m++) {
            jdbc.sql("UPDATE show_minute SET new_viewers = :n WHERE show_id = 's-spring' AND minute_index = :m")
                    .param("n", newViewers(m)).param("m", m).update();
        }
        experiment("exp-hold").set("name", "Store-visit holdout").insert(jdbc);
        Fixtures.incrementalVisits("exp-hold", "push", "holdout").insert(jdbc);
        // s-mid: an experiment flagged for sample-ratio mismatch that maria has not acknowledged.
        experiment("exp-srm").set("name", "One-tap checkout").set("control_variant", "control").set("srm_flagged", true)
                .set("srm_p_value", 0.00002).insert(jdbc);
        Fixtures.incrementalVisits("exp-srm", "one_tap", "control").set("visits", 96.0).insert(jdbc);
        // s-next: host A vs host B, no holdout.
        experiment("exp-hosts").set("name", "Host A vs host B").set("control_variant", "host_a").insert(jdbc);
        Fixtures.incrementalVisits("exp-hosts", "host_b", "host_a").set("visits", -2.5).set("ci_low", -20.0)
                .set("ci_high", 15.0).insert(jdbc);
        show("s-mid").set("title", "Denim Days").set("starts_at", Instant.parse("2026-02-25T19:00:00Z"))
                .set("ends_at", Instant.parse("2026-02-25T20:00:00Z")).set("experiment_id", "exp-srm").insert(jdbc);
        kpi("s-mid").set("unique_viewers", 640L).set("peak_concurrent_viewers", 402L).set("live_orders", 22L)
                .set("live_gmv", new java.math.BigDecimal("1500.00")).insert(jdbc);
        show("s-next").set("title", "Summer Preview").set("starts_at", Instant.parse("2026-03-08T18:00:00Z"))
                .set("ends_at", Instant.parse("2026-03-08T19:00:00Z")).set("experiment_id", "exp-hosts").insert(jdbc);

        definition("unique_viewers", 1).set("additive", true).set("final_after_seconds", 900L).insert(jdbc);
        definition("peak_concurrent_viewers", 2).set("label", "Peak concurrent viewers").set("final_after_seconds", 900L)
                .insert(jdbc);
        definition("live_orders", 3).set("label", "Live orders").set("additive", true).set("final_after_seconds", 900L)
                .insert(jdbc);
        definition("live_gmv", 4).set("label", "Live GMV").set("unit", "currency").set("additive", true)
                .set("final_after_seconds", 900L).insert(jdbc);
        definition("conversion_rate_24h", 5).set("label", "Conversion 24 h").set("unit", "ratio")
                .set("final_after_seconds", 86_400L).insert(jdbc);
        definition("returning_viewer_rate", 6).set("label", "Returning viewer rate").set("unit", "ratio")
                .set("final_after_seconds", 900L).insert(jdbc);
        definition("next_show_retention", 7).set("label", "Next-show retention").set("unit", "ratio")
                .set("final_after_seconds", 2_592_000L).insert(jdbc);
        definition("influenced_store_visits", 9).set("label", "Influenced store visits").set("final_after_seconds", 604_800L)
                .insert(jdbc);
        definition("saw_show_share", 10).set("label", "Saw the show").set("unit", "ratio").set("final_after_seconds", 604_800L)
                .insert(jdbc);
        definition("peak_at", 8).set("label", "Peak at").set("unit", "timestamp").set("goal_allowed", false).insert(jdbc);

        // The jobs' benchmark of s-spring's peak concurrency: the median of the 10 shows before it.
        jdbc.sql("INSERT INTO show_benchmark (show_id, metric, value, benchmark_median, benchmark_n, percentile) "
                + "VALUES ('s-spring', 'peak_concurrent_viewers', 812, 700, 10, 0.7)").update();
        goal("s-spring", "live_gmv", 14000, "at_least").insert(jdbc);
        goal("s-spring", "unique_viewers", 1200, "at_least").insert(jdbc);
        goal("s-spring", "conversion_rate_24h", 0.2, "at_least").insert(jdbc);
        goal("s-mid", "peak_concurrent_viewers", 500, "at_least").insert(jdbc);
        goal("s-next", "unique_viewers", 1500, "at_least").insert(jdbc);
        goal("s-spring", "influenced_store_visits", 10, "at_least").insert(jdbc);

        for (String[] r : new String[][] {{"store-berlin", "8"}, {"store-paris", "4"}}) {
            storeAttribution("s-spring", r[0], "last_touch", Double.parseDouble(r[1])).insert(jdbc);
            storeAttribution("s-spring", r[0], "first_touch", Double.parseDouble(r[1]) - 1).insert(jdbc);
            storeAttribution("s-spring", r[0], "linear", Double.parseDouble(r[1]) - 0.5).insert(jdbc);
            storeAttribution("s-spring", r[0], "time_decay", Double.parseDouble(r[1]) - 0.25).insert(jdbc);
            storeAttribution("s-spring", r[0], "markov", Double.parseDouble(r[1]) + 0.5).insert(jdbc);
        }

        retentionCell("viewer", "all", "2026-02-02", 0, 200, 200).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-02", 1, 200, 70).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-02", 2, 200, 50).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-09", 0, 150, 150).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-09", 1, 150, 45).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-16", 0, 120, 120).insert(jdbc);
        retentionCell("viewer", "generation:Gen Z", "2026-02-02", 0, 40, 40).insert(jdbc);
        retentionCell("viewer", "generation:Gen Z", "2026-02-02", 1, 40, 18).insert(jdbc);
        retentionCell("viewer", "region:north", "2026-02-02", 0, 60, 60).insert(jdbc);
        retentionCell("buyer", "all", "2026-02-02", 0, 50, 50).insert(jdbc);
        retentionCell("buyer", "all", "2026-02-02", 1, 50, 12).insert(jdbc);

        String[][] months = {{"2026-01-01", "1"}, {"2026-02-01", "1.1"}, {"2026-03-01", "1.25"}};
        for (String[] m : months) {
            double f = Double.parseDouble(m[1]);
            channelMonth(m[0], "live", String.valueOf(Math.round(18000 * f)), Math.round(300 * f), Math.round(260 * f)).insert(jdbc);
            channelMonth(m[0], "web", String.valueOf(Math.round(42000 * f)), Math.round(800 * f), Math.round(640 * f)).insert(jdbc);
            channelMonth(m[0], "app", String.valueOf(Math.round(26000 * f)), Math.round(520 * f), Math.round(430 * f)).insert(jdbc);
            channelMonth(m[0], "store", String.valueOf(Math.round(31000 * f)), Math.round(410 * f), Math.round(380 * f)).insert(jdbc);
            influencedRevenue(m[0], "web", String.valueOf(Math.round(5200 * f)), Math.round(70 * f), Math.round(60 * f)).insert(jdbc);
            influencedRevenue(m[0], "app", String.valueOf(Math.round(3100 * f)), Math.round(45 * f), Math.round(40 * f)).insert(jdbc);
            influencedRevenue(m[0], "store", String.valueOf(Math.round(2400 * f)), Math.round(20 * f), Math.round(20 * f)).insert(jdbc);
            omnichannelPeriod("month", m[0], Math.round(1500 * f), Math.round(270 * f * f), Math.round(90 * f), 900).insert(jdbc);
        }
        omnichannelPeriod("quarter", "2025-10-01", 3600, 500, 200, 2600).insert(jdbc);
        omnichannelPeriod("quarter", "2026-01-01", 3900, 780, 300, 2700).insert(jdbc);
        Fixtures.run("run-1").set("data_through", Instant.parse("2026-03-01T20:30:00Z")).insert(jdbc);
    }

    /** For controls that reload the data in place (main[data-ready] turns false at once, then true). */
    private static void waitForPage(String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(path)
                && "true".equals(d.findElement(By.tagName("main")).getDomAttribute("data-ready")));
    }

    /** The text of the element at {@code css}, whitespace collapsed (independent of how CSS lays it out). */
    private static String text(String css) {
        return (String) browser.js("return document.querySelector(arguments[0]).textContent.replace(/\\s+/g, ' ').trim();", css);
    }

    private static long goalCount() {
        return (Long) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/goals').then(r => r.json()).then(g => done(g.length));");
    }

    @Nested
    class Goals {
        @Test
        void marketingSetsAGoalThroughTheFormAndSeesItsBadgeAndLineOnTheShowPage() {
            browser.open("/goals");
            new Select(browser.find(By.id("goal-show"))).selectByValue("s-spring");
            new Select(browser.find(By.id("goal-metric"))).selectByValue("peak_concurrent_viewers");
            new Select(browser.find(By.id("goal-direction"))).selectByValue("at_least");
            browser.find(By.id("goal-target")).sendKeys("790");
            browser.navigate(() -> browser.find(By.id("goal-save")).click());
            assertThat(browser.driver().getCurrentUrl()).endsWith("/goals");

            assertThat(browser.find(By.id("goal-notice")).getText())
                    .isEqualTo("Goal set: Peak concurrent viewers ≥ 790 for Spring Collection Launch.");
            // The latest change first (other tests of this class add and remove goals of their own).
            assertThat(browser.column("goal-audit-table", "action")).first().isEqualTo("create");
            assertThat(browser.column("goal-audit-table", "new")).first().isEqualTo("≥ 790");
            assertThat(browser.column("goal-audit-table", "showId")).first().isEqualTo("s-spring");
            assertThat(browser.column("goal-audit-table", "changedBy")).first().isEqualTo("maria");
            browser.screenshot("goals");

            browser.open("/shows/s-spring");
            assertThat(text("#kpi-peak_concurrent_viewers .kpi-goal"))
                    .isEqualTo("Met 103% of goal ≥ 790");
            assertThat(browser.find(By.cssSelector("#kpi-peak_concurrent_viewers .kpi-final")).getText()).isEqualTo("Final");
            assertThat(browser.chartOption("minute-chart",
                    "o.series[0].markLine.data.filter(d => d.goal).map(d => d.yAxis)")).isEqualTo(List.of(790L));
            assertThat(browser.chartOption("minute-chart", "o.series[0].markLine.data[0].name")).isEqualTo("Peak concurrent");
            assertThat(browser.cell("show-goals-table", "peak_concurrent_viewers", "status")).startsWith("Met");
            browser.screenshot("show-goals");
        }

        @Test
        void csvImportWithOneBadLineShowsTheErrorReportAndImportsNothing() throws IOException {
            long before = goalCount();
            Path csv = Files.createTempFile(dataDir, "goals-", ".csv");
            Files.writeString(csv, "show_id,metric,target,direction\n"
                    + "s-next,live_orders,60,at_least\n"
                    + "s-next,peak_concurrent_viewers,lots,at_least\n"
                    + "s-next,live_gmv,4000,at_least\n");
            browser.open("/goals");

            browser.find(By.id("import-file")).sendKeys(csv.toString());
            browser.navigate(() -> browser.find(By.id("import-submit")).click());
            assertThat(browser.driver().getCurrentUrl()).endsWith("/goals");

            assertThat(browser.find(By.id("import-errors")).getText()).contains("Nothing was imported from " + csv.getFileName());
            assertThat(browser.find(By.cssSelector("#import-error-table tbody tr[data-line='3'] td[data-col=message]")).getText())
                    .isEqualTo("Target 'lots' is not a number: write it as 1500, 1,500 or 2500.50; a rate also as 5 % "
                            + "(or 0.05), money as €600, watch time as mm:ss (12:30).");
            assertThat(browser.driver().findElements(By.cssSelector("#import-error-table tbody tr"))).hasSize(1);
            assertThat(goalCount()).isEqualTo(before);
            browser.screenshot("goals-import-errors");
        }

        @Test
        void goalTableShowsStatusAttainmentAndProvisionalDates() {
            browser.open("/goals");

            String conversion = browser.cell("goals-table", goalId("s-spring", "conversion_rate_24h"), "status");
            assertThat(conversion).isEqualTo("Missed 57% of target provisional until 2026-03-02 20:00 UTC");
            assertThat(browser.cell("goals-table", goalId("s-spring", "live_gmv"), "status")).isEqualTo("Met 103% of target");
            assertThat(browser.cell("goals-table", goalId("s-next", "unique_viewers"), "status")).isEqualTo("Pending");
            assertThat(browser.cell("goals-table", goalId("s-spring", "live_gmv"), "target")).isEqualTo("≥ €14,000.00");
            assertThat(browser.chartOption("goal-hit-chart", "o.yAxis[0].data")).asList().contains("Live GMV");
            assertThat(browser.chartOption("goal-trend-chart", "o.series.length")).isNotEqualTo(0L);
        }

        private String goalId(String showId, String metric) {
            return String.valueOf(browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/goals').then(r => r.json()).then(g => done(g.find(x => x.showId === arguments[0] "
                    + "&& x.metric === arguments[1]).goalId));", showId, metric));
        }
    }

    @Nested
    class ShowPage {
        @Test
        void cumulativePacingChartsTheRunningTotalAgainstAnEvenPaceToTheTarget() {
            browser.open("/shows/s-spring");

            @SuppressWarnings("unchecked")
            List<Number> cumulative = (List<Number>) browser.chartOption("pacing-live_gmv", "o.series[0].data");
            @SuppressWarnings("unchecked")
            List<Number> pace = (List<Number>) browser.chartOption("pacing-live_gmv", "o.series[1].data");
            double total = 0;
            for (int m = 0; m < ORDERS.size(); m++) {
                total += 79.90 * ORDERS.get(m);
                assertThat(cumulative.get(m).doubleValue()).isCloseTo(total, within(0.01));
            }
            assertThat(total).isCloseTo(LIVE_GMV.doubleValue(), within(1e-6));
            assertThat(pace.get(0).doubleValue()).isCloseTo(233.33, within(1e-9));
            assertThat(pace.get(29).doubleValue()).isCloseTo(7000.0, within(1e-9));
            assertThat(pace.get(59).doubleValue()).isCloseTo(14000.0, within(1e-9));
            assertThat(pace.get(74).doubleValue()).as("flat at the target in the grace period").isCloseTo(14000.0, within(1e-9));
            assertThat(browser.chartOption("pacing-live_gmv", "o.series[0].markLine.data[0].yAxis")).isEqualTo(14000L);
            @SuppressWarnings("unchecked")
            List<Number> viewers = (List<Number>) browser.chartOption("pacing-unique_viewers", "o.series[0].data");
            assertThat(viewers.get(0).longValue()).isEqualTo(84L);
            assertThat(viewers.get(11).longValue()).isEqualTo(964L);
            assertThat(viewers.get(viewers.size() - 1).longValue()).as("the running sum ends at unique viewers").isEqualTo(1234L);
            assertThat(browser.driver().findElements(By.id("pacing-conversion_rate_24h"))).as("not additive").isEmpty();
        }

        @Test
        void kpiTilesCarryGoalBadgesAndTheirOwnFinalDates() {
            browser.open("/shows/s-spring");

            assertThat(text("#kpi-live_gmv .kpi-goal")).isEqualTo("Met 103% of goal ≥ €14,000.00");
            assertThat(text("#kpi-conversion_rate_24h .kpi-goal"))
                    .isEqualTo("Missed 57% of goal ≥ 20.0%");
            assertThat(browser.find(By.cssSelector("#kpi-conversion_rate_24h .kpi-final")).getText())
                    .isEqualTo("Provisional until 2026-03-02 20:00 UTC");
            assertThat(browser.find(By.cssSelector("#kpi-live_gmv .kpi-final")).getText()).isEqualTo("Final");
            assertThat(browser.find(By.cssSelector("#retention-tiles #kpi-returning_viewer_rate .kpi-value")).getText()).isEqualTo("31.0%");
            assertThat(browser.find(By.cssSelector("#retention-tiles #kpi-next_show_retention .kpi-value")).getText()).isEqualTo("22.0%");
            assertThat(browser.find(By.cssSelector("#kpi-next_show_retention .kpi-final")).getText())
                    .isEqualTo("Provisional until 2026-03-31 20:00 UTC");

            browser.open("/shows/s-next");
            assertThat(text("#kpi-unique_viewers .kpi-goal")).isEqualTo("Pending goal ≥ 1,500");
            assertThat(text("#kpi-unique_viewers .kpi-value")).isEqualTo("–");
        }

        @Test
        void storeVisitsByModelAndStoreWithSurveyShareAndTheExperimentsOwnNumber() {
            browser.open("/shows/s-spring");

            assertThat(browser.chartOption("model-chart", "o.xAxis[0].data"))
                    .isEqualTo(List.of("Last touch", "First touch", "Linear", "Time decay", "Markov"));
            @SuppressWarnings("unchecked")
            List<Number> totals = (List<Number>) browser.chartOption("model-chart", "o.series[0].data");
            assertThat(totals).extracting(Number::doubleValue).containsExactly(12.0, 10.0, 11.0, 11.5, 13.0);
            assertThat(browser.chartOption("store-chart", "o.series.map(s => s.name)")).isEqualTo(List.of("store-berlin", "store-paris"));
            assertThat(browser.cell("store-table", "store-paris", "markov")).isEqualTo("4.50");
            assertThat(browser.chartOption("model-chart", "o.series[0].markLine.data.map(d => d.yAxis)")).isEqualTo(List.of(10L));
            assertThat(browser.find(By.cssSelector("#sv-saw-show .kpi-value")).getText()).isEqualTo("40.0%");
            assertThat(text("#sv-influenced .kpi-final")).isEqualTo("Provisional until 2026-03-08 20:00 UTC");
            assertThat(browser.driver().findElements(By.id("sv-incremental"))).isEmpty();
            assertThat(text("#sv-experiment")).isEqualTo("Experiment Store-visit holdout: incremental store visits +35.0 "
                    + "(95% CI +8.2 – +61.8), over all its shows");
            assertThat(browser.find(By.cssSelector("#sv-experiment a")).getDomAttribute("href")).isEqualTo("/experiments/exp-hold");
            browser.screenshot("show-store-visits");

            browser.open("/shows/s-next");
            assertThat(text("#sv-experiment")).isEqualTo("Experiment Host A vs host B: difference in store visits between "
                    + "the variants host_b and host_a: −2.5 (95% CI −20.0 – +15.0), over all its shows (no holdout, so not "
                    + "incremental to the shows)");

            browser.open("/shows/s-mid");
            assertThat(text("#sv-experiment")).contains("Experiment One-tap checkout: flagged for sample-ratio mismatch")
                    .doesNotContain("96");
            assertThat(browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/shows/s-mid/store-visits').then(r => r.json()).then(v => done(JSON.stringify(v.experiment)));"))
                    .isEqualTo("{\"experimentId\":\"exp-srm\",\"name\":\"One-tap checkout\",\"holdout\":false,"
                            + "\"srmFlagged\":true,\"resultsVisible\":false,\"variants\":[]}");
            assertThat(browser.find(By.id("pacing-note")).getText()).startsWith("No goal on unique viewers, live orders or live GMV");
        }
    }

    @Nested
    class OpenApi {
        @Test
        void documentsTheNewEndpoints() {
            String doc = (String) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/v3/api-docs').then(r => r.text()).then(done);");

            assertThat(doc).contains("\"/api/goals\"", "\"/api/goals/{goalId}\"", "\"/api/goals/import\"",
                    "\"/api/goals/copy\"", "\"/api/goals.csv\"", "\"/api/retention\"", "\"/api/omnichannel\"",
                    "\"/api/shows/{showId}/store-visits\"");
        }
    }

    /** Sends a CSRF-protected DELETE from the signed-in page and returns the status. */
    private static long delete(String url) {
        return (Long) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const h = {}; h[document.querySelector('meta[name=_csrf_header]').content] = "
                + "document.querySelector('meta[name=_csrf]').content;"
                + "fetch(arguments[0], { method: 'DELETE', headers: h }).then(r => done(r.status));", url);
    }

    private static String checkText(String id) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElement(By.id(id)).getText().isBlank() && d.findElement(By.id(id)).isDisplayed());
        return browser.find(By.id(id)).getText();
    }

    @Nested
    class TypedAndSeriesGoals {
        @Test
        void aTargetFarFromTheBenchmarkIsWarnedBesideTheFormBeforeSaving() {
            browser.open("/goals");
            new Select(browser.find(By.id("goal-show"))).selectByValue("s-spring");
            new Select(browser.find(By.id("goal-metric"))).selectByValue("peak_concurrent_viewers");
            browser.find(By.id("goal-target")).sendKeys("5,000");

            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    "warning".equals(d.findElement(By.id("goal-check")).getDomAttribute("data-state")));
            assertThat(checkText("goal-check")).contains("Reads as 5,000", "Benchmark: 700, the median of the 10 shows "
                    + "before this one.", "5,000 is 7.1× the benchmark (700, the median of the 10 shows before this one)");
            browser.screenshot("goals-benchmark-warning");

            browser.find(By.id("goal-target")).clear();
            browser.find(By.id("goal-target")).sendKeys("750");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    "ok".equals(d.findElement(By.id("goal-check")).getDomAttribute("data-state")));
            assertThat(checkText("goal-check")).contains("Reads as 750").doesNotContain("check the target");

            browser.find(By.id("goal-target")).clear();
            browser.find(By.id("goal-target")).sendKeys("7,5");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    "error".equals(d.findElement(By.id("goal-check")).getDomAttribute("data-state")));
            assertThat(checkText("goal-check")).contains("has a comma that does not group thousands");
        }

        @Test
        void anUpcomingShowIsOfferedFirstAndAPercentageIsSavedAsAFraction() {
            browser.open("/goals");
            List<String> groups = browser.find(By.id("goal-show")).findElements(By.tagName("optgroup")).stream()
                    .map(g -> g.getDomAttribute("label")).toList();
            assertThat(groups).containsExactly("Upcoming", "Past");
            assertThat(browser.find(By.cssSelector("#goal-show optgroup[label=Upcoming] option")).getDomAttribute("value"))
                    .isEqualTo("s-next");

            new Select(browser.find(By.id("goal-show"))).selectByValue("s-next");
            new Select(browser.find(By.id("goal-metric"))).selectByValue("conversion_rate_24h");
            browser.find(By.id("goal-target")).sendKeys("12.5 %");
            browser.navigate(() -> browser.find(By.id("goal-save")).click());

            assertThat(browser.find(By.id("goal-notice")).getText())
                    .isEqualTo("Goal set: Conversion 24 h ≥ 12.5% for Summer Preview.");
            String id = goalIdOf("s-next", "conversion_rate_24h");
            assertThat(browser.cell("goals-table", id, "target")).isEqualTo("≥ 12.5%");
            assertThat(browser.cell("goals-table", id, "source")).isEqualTo("This show");
            assertThat(delete("/api/goals/" + id)).isEqualTo(204L);
        }

        @Test
        void aSeriesGoalCoversTheSeriesUpcomingShowAndSaysSo() {
            browser.open("/goals");
            new Select(browser.find(By.id("series-kind"))).selectByValue("title_prefix");
            browser.find(By.id("series-pattern")).sendKeys("summer");
            new Select(browser.find(By.id("series-metric"))).selectByValue("live_orders");
            browser.find(By.id("series-target")).sendKeys("1,000");
            assertThat(checkText("series-check")).contains("Reads as 1,000");
            browser.navigate(() -> browser.find(By.id("series-save")).click());

            assertThat(browser.find(By.id("goal-notice")).getText()).isEqualTo("Series goal set: Live orders ≥ 1,000 for "
                    + "titles starting with “summer”, from now on (1 upcoming show without a goal of their own).");
            String seriesId = browser.column("series-table", "series").isEmpty() ? null : (String) browser.js(
                    "return document.querySelector('#series-table tbody tr').dataset.id;");
            assertThat(browser.cell("series-table", seriesId, "shows")).isEqualTo("1 (1 upcoming)");
            String row = "series-" + seriesId + "-s-next";
            assertThat(browser.cell("goals-table", row, "source")).isEqualTo("Series: titles starting with “summer”");
            assertThat(browser.cell("goals-table", row, "status")).isEqualTo("Pending");
            assertThat(browser.find(By.cssSelector("#goals-table tr[data-id='" + row + "'] [data-action=override]")).isDisplayed())
                    .isTrue();
            assertThat(browser.cell("goal-audit-table", String.valueOf(browser.js(
                    "return document.querySelector('#goal-audit-table tbody tr').dataset.id;")), "showId"))
                    .isEqualTo("series: titles starting with “summer”");
            browser.screenshot("goals-series");
            assertThat(delete("/api/goals/series/" + seriesId)).isEqualTo(204L);
        }

        @Test
        void oneAbsurdTargetIsCutAtTheAxisCapAndLabelledWithItsValue() {
            browser.open("/goals");
            new Select(browser.find(By.id("goal-show"))).selectByValue("s-mid");
            new Select(browser.find(By.id("goal-metric"))).selectByValue("live_orders");
            browser.find(By.id("goal-target")).sendKeys("5");
            browser.navigate(() -> browser.find(By.id("goal-save")).click());
            String id = goalIdOf("s-mid", "live_orders");
            try {
                assertThat(browser.chartOption("goal-trend-chart", "o.yAxis[0].max")).isEqualTo(2L);
                int series = ((Number) browser.chartOption("goal-trend-chart",
                        "o.series.findIndex(s => s.name === 'Live orders')")).intValue();
                assertThat(browser.chartOption("goal-trend-chart", "o.series[" + series + "].data[0].value")).isEqualTo(2L);
                assertThat(browser.chartOption("goal-trend-chart", "o.series[" + series + "].data[0].actual")).isEqualTo(4.4);
                assertThat(browser.chartOption("goal-trend-chart", "o.series[" + series + "].data[0].label.formatter"))
                        .isEqualTo("▲ 440%");
                assertThat(browser.chartOption("goal-trend-chart", "o.xAxis[0].data[0]")).isEqualTo("2026-02-25 · Denim Days");
                browser.screenshot("goals-attainment-cap");
            } finally {
                delete("/api/goals/" + id);
            }
        }

        private String goalIdOf(String showId, String metric) {
            return String.valueOf(browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/goals').then(r => r.json()).then(g => done(g.find(x => x.showId === arguments[0] "
                    + "&& x.metric === arguments[1]).goalId));", showId, metric));
        }
    }

    @Nested
    class ShowsPage {
        @Test
        void eachShowShowsTheMeanAttainmentOfItsGoals() {
            browser.open("/shows");
            @SuppressWarnings("unchecked")
            List<Number> attainments = (List<Number>) browser.driver().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/goals?showId=s-spring').then(r => r.json()).then(g => done(g.filter(x => x.attainment "
                    + "!== null).map(x => x.attainment)));");
            double mean = attainments.stream().mapToDouble(Number::doubleValue).average().orElseThrow();

            assertThat(browser.cell("shows-table", "s-spring", "goalAttainment"))
                    .isEqualTo(Math.round(mean * 100) + "%");
            assertThat(browser.cell("shows-table", "s-next", "goalAttainment")).isEqualTo("–");
        }

        @Test
        void eachShowCarriesABadgePerGoalAndATrendOfHeadlineKpis() {
            browser.open("/shows");

            assertThat(browser.cell("shows-table", "s-spring", "goals")).contains("Live GMV: Met", "Conversion 24 h: Missed");
            assertThat(browser.cell("shows-table", "s-mid", "goals")).isEqualTo("Peak concurrent viewers: Missed");
            assertThat(browser.cell("shows-table", "s-next", "goals")).isEqualTo("Unique viewers: Pending");
            assertThat(browser.chartOption("shows-trend", "o.series.map(s => s.name)"))
                    .isEqualTo(List.of("Unique viewers", "Live orders", "Live GMV", "Conversion 24 h"));
            assertThat(browser.chartOption("shows-trend", "o.series[0].data")).isEqualTo(java.util.Arrays.asList(640L, 1234L, null));
            browser.screenshot("shows-goals");
        }
    }

    @Nested
    class RetentionPage {
        @Test
        void heatMapShowsTheFixtureRatesPerCohortAndWeek() {
            browser.open("/retention");

            @SuppressWarnings("unchecked")
            List<List<Number>> cells = (List<List<Number>>) browser.chartOption("retention-heatmap", "o.series[0].data.map(d => d.value)");
            List<String> flat = new ArrayList<>();
            cells.forEach(c -> flat.add(c.get(0) + "," + c.get(1) + "," + c.get(2).doubleValue()));
            assertThat(flat).containsExactly("0,0,1.0", "1,0,0.35", "2,0,0.25", "0,1,1.0", "1,1,0.3", "0,2,1.0");
            assertThat(browser.chartOption("retention-heatmap", "o.yAxis[0].data"))
                    .isEqualTo(List.of("2026-02-02 (200) · incl. earlier customers", "2026-02-09 (150)", "2026-02-16 (120)"));
            assertThat(browser.find(By.id("retention-note")).getText())
                    .contains("it includes customers who existed before the data starts");
            assertThat(browser.find(By.id("data-through")).getText()).isEqualTo("Data through 2026-03-01 20:30 UTC");
            assertThat(browser.chartOption("retention-heatmap", "o.toolbox[0].feature.saveAsImage.type")).isEqualTo("png");
            assertThat(new Select(browser.find(By.id("segment"))).getOptions()).extracting(o -> o.getText())
                    .containsExactly("All customers", "Generation: Gen Z", "Region: north");
            browser.screenshot("retention");

            new Select(browser.find(By.id("segment"))).selectByValue("generation:Gen Z");
            waitForPage("/retention");
            assertThat(browser.chartOption("retention-heatmap", "o.series[0].data.map(d => d.value[2])")).isEqualTo(List.of(1L, 0.45));
            assertThat(browser.find(By.id("retention-csv")).getDomAttribute("href"))
                    .isEqualTo("/api/retention.csv?kind=viewer&segment=generation%3AGen%20Z");

            browser.find(By.id("kind-buyer")).click();
            waitForPage("/retention");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                    List.of(1L, 0.24).equals(browser.chartOption("retention-heatmap", "o.series[0].data.map(d => d.value[2])")));
            assertThat(browser.chartOption("retention-heatmap", "o.title[0].text")).isEqualTo("Buyer retention · All customers");
        }
    }

    @Nested
    class OmnichannelForExecutives {
        @Test
        void executiveLandsOnOmnichannelWhichRendersTheFixtureRevenue() {
            try (Browser eve = new Browser(baseUrl)) {
                eve.signIn("eve", "showtime");
                assertThat(eve.driver().getCurrentUrl()).endsWith("/omnichannel");
                eve.open("/omnichannel");

                assertThat(eve.find(By.cssSelector(".mainnav a")).getText()).isEqualTo("Omnichannel");
                assertThat(eve.chartOption("revenue-chart", "o.series.map(s => s.name)"))
                        .isEqualTo(List.of("live", "web", "app", "store"));
                assertThat(eve.chartOption("revenue-chart", "o.series[1].data")).isEqualTo(List.of(42000L, 46200L, 52500L));
                assertThat(eve.chartOption("revenue-chart", "o.series[0].stack")).isEqualTo("total");
                assertThat(eve.chartOption("multichannel-chart", "o.series[1].data.map(d => d.value[1])"))
                        .isEqualTo(List.of(500.0 / 3600, 0.2));
                assertThat(eve.chartOption("influenced-chart", "o.series[3].data")).isEqualTo(List.of(90L, 99L, 113L));
                assertThat(eve.find(By.cssSelector("#tile-revenue .kpi-value")).getText()).isEqualTo("€146,250.00");
                assertThat(eve.find(By.cssSelector("#tile-revenue .kpi-note")).getText()).startsWith("+13.6% vs previous month");
                assertThat(eve.cell("influenced-table", "2026-03-01/web", "change")).isEqualTo("+13.6%");
                eve.screenshot("omnichannel");

                eve.open("/goals");
                assertThat(eve.driver().findElements(By.id("goal-form"))).isEmpty();
                Object status = eve.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/goals', {method: 'POST', headers: {'Content-Type': 'application/json',"
                        + " 'X-CSRF-TOKEN': document.querySelector('meta[name=_csrf]').content},"
                        + " body: JSON.stringify({showId: 's-next', metric: 'live_orders', target: 5, direction: 'at_least'})})"
                        + ".then(r => done(r.status));");
                assertThat(status).isEqualTo(403L);
            }
        }
    }
}
