package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.moment;
import static io.showmetrics.dashboard.testing.Fixtures.result;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static io.showmetrics.dashboard.testing.Fixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile data and requests against the served dashboard in headless Chromium, signed in as maria (marketing).
 * A show title, an experiment variant and a show moment hold an HTML payload whose {@code onerror} sets
 * {@code window.__xss}: every page that displays them, tables and chart tooltips alike, must show the text
 * literally and never run it. A NUL byte in a request is refused with 400 and a message, never a 500.
 */
class HostileInputBrowserIT {
    private static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\">";
    private static final Instant NOW = Instant.parse("2026-03-01T21:00:00Z");

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser browser;

    @BeforeAll
    static void startDashboardAndSignIn() {
        dashboard = ServedDashboard.start("hostile_browser_it", new MutableClock(NOW), dataDir, HostileInputBrowserIT::seed);
        browser = new Browser(dashboard.baseUrl());
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

    private static void seed(JdbcClient jdbc) {
        show("s-hostile").set("title", PAYLOAD).set("experiment_id", "exp-hostile").insert(jdbc);
        kpi("s-hostile").insert(jdbc);
        Fixtures.insertMinutes(jdbc, "s-hostile", Fixtures.viewerCurve(), Fixtures.chatCurve(), Fixtures.ordersCurve());
        moment("s-hostile", 10).set("label", PAYLOAD).insert(jdbc);
        definition("unique_viewers", 1).insert(jdbc);
        definition("live_orders", 2).set("label", "Live orders").insert(jdbc);
        goal("s-hostile", "unique_viewers", 1000, "at_least").insert(jdbc);
        goal("s-hostile", "live_orders", 50, "at_least").insert(jdbc);

        experiment("exp-hostile").insert(jdbc);
        variant("exp-hostile", "holdout", 4810, 0.5, true).insert(jdbc);
        variant("exp-hostile", PAYLOAD, 5190, 0.5, false).insert(jdbc);
        result("exp-hostile", "converted", PAYLOAD, false).insert(jdbc);
        result("exp-hostile", "converted", PAYLOAD, true).insert(jdbc);
    }

    /** Shows the tooltip of data point {@code dataIndex} of series {@code seriesIndex} and returns its text. */
    private static String tooltipText(String chartId, int seriesIndex, int dataIndex) {
        browser.js("echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".dispatchAction({ type: 'showTip', seriesIndex: arguments[1], dataIndex: arguments[2] });",
                chartId, seriesIndex, dataIndex);
        String script = "const tip = [...document.getElementById(arguments[0]).children]"
                + ".find(d => d.style.zIndex === '9999999' && d.style.display !== 'none');"
                + "return tip ? tip.textContent : null;";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.js(script, chartId) != null);
        return (String) browser.js(script, chartId);
    }

    /** Waits long enough for a planted image to fail to load, then asserts its handler never ran. */
    private static void assertNoScriptRan(String page) {
        Object xss = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => done(window.__xss === undefined ? null : String(window.__xss)), 1000);");
        assertThat(xss).as("a script planted in the data ran on %s", page).isNull();
        assertThat(browser.driver().findElements(By.cssSelector("main img[src='x']")))
                .as("an <img> planted in the data was created on %s", page).isEmpty();
    }

    @Nested
    class HtmlInData {
        @Test
        void showsListShowsTheTitleLiterallyInTableAndTooltip() {
            browser.open("/shows");

            assertThat(browser.cell("shows-table", "s-hostile", "title")).isEqualTo(PAYLOAD);
            assertThat(tooltipText("shows-chart", 0, 0)).contains(PAYLOAD);
            assertThat(tooltipText("shows-trend", 0, 0)).contains(PAYLOAD);
            assertNoScriptRan("/shows");
        }

        @Test
        void showPageShowsTheTitleAndMomentLiterally() {
            browser.open("/shows/s-hostile");

            assertThat(browser.find(By.id("show-title")).getText()).isEqualTo(PAYLOAD);
            assertThat(browser.chartOption("minute-chart", "o.title[0].subtext")).asString().startsWith(PAYLOAD);
            assertThat(tooltipText("minute-chart", 0, 10)).contains("Viewers");
            assertThat(browser.find(By.id("moments-table")).getText()).contains(PAYLOAD);
            assertNoScriptRan("/shows/s-hostile");
        }

        @Test
        void experimentPageShowsTheVariantLiterallyInTablesAndForestPlotTooltip() {
            browser.open("/experiments/exp-hostile");

            assertThat(browser.cell("srm-table", PAYLOAD, "order")).isEqualTo(PAYLOAD);
            assertThat(browser.find(By.id("experiment-facts")).getText()).contains("Shows " + PAYLOAD);
            assertThat(browser.find(By.id("stats-converted")).getText()).contains(PAYLOAD + " vs holdout");
            String tip = tooltipText("forest-converted", 1, 0);
            assertNoScriptRan("/experiments/exp-hostile");
            assertThat(tip).startsWith(PAYLOAD + " · raw").contains("Relative lift +17.5%");
        }

        @Test
        void escapeHelperEscapesEveryHtmlSpecialCharacter() {
            browser.open("/shows");

            assertThat(browser.js("return SM.esc(arguments[0]);", "<a href=\"x\" title='y'>&</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
            assertThat(browser.js("return [SM.esc(null), SM.esc(undefined), SM.esc(0.5)];")).isEqualTo(java.util.List.of("", "", "0.5"));
        }

        @Test
        void goalsPageShowsTheTitleLiterallyInTableFormAndTrendTooltip() {
            browser.open("/goals");

            assertThat(browser.column("goals-table", "showTitle")).containsOnly(PAYLOAD);
            assertThat(browser.find(By.id("goal-show")).getText()).contains(PAYLOAD);
            assertThat(tooltipText("goal-trend-chart", 0, 0)).contains(PAYLOAD);
            assertNoScriptRan("/goals");
        }
    }

    @Nested
    class NulByte {
        /** The status, content type and body of a GET of {@code url} from the signed-in page. */
        @SuppressWarnings("unchecked")
        private Map<String, Object> fetch(String url) {
            return (Map<String, Object>) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], { headers: { Accept: 'application/json' } }).then(async r => done({ status: r.status,"
                    + " type: r.headers.get('Content-Type') || '', body: await r.text() }));", url);
        }

        @Test
        void inAnApiQueryParameterIs400WithAProblemNamingTheParameter() {
            browser.open("/shows");
            Map<String, String> parameterOf = Map.of("/api/retention?segment=all%00", "segment",
                    "/api/goals?showId=s-hostile%00x", "showId", "/api/goals.csv?showId=%00", "showId");
            parameterOf.forEach((url, parameter) -> {
                Map<String, Object> answer = fetch(url);

                assertThat(answer.get("status")).as(url).isEqualTo(400L);
                assertThat((String) answer.get("type")).as(url).startsWith("application/problem+json");
                assertThat((String) answer.get("body")).as(url).contains("\"code\":\"nul_byte\"")
                        .contains("Query parameter '" + parameter + "' contains a NUL byte");
            });
        }

        @Test
        void inAParameterNameIsRefusedTooNamingIt() {
            browser.open("/shows");
            Map<String, Object> answer = fetch("/api/goals?show%00Id=s-hostile");

            assertThat(answer.get("status")).isEqualTo(400L);
            assertThat((String) answer.get("body")).contains("Query parameter 'show%00Id' contains a NUL byte");
        }

        @Test
        void fromAnAnonymousClientIsRefusedBeforeSignIn() throws Exception {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(dashboard.baseUrl() + "/api/retention?segment=%00")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("Query parameter 'segment' contains a NUL byte");
        }

        /** Tomcat refuses such an address itself, before the application: a plain 400, never a 500. */
        @Test
        void inThePathIs400NotA500() {
            browser.open("/shows");
            Map<String, Object> api = fetch("/api/shows/s-hostile%00");
            browser.get("/shows/s-hostile%00");

            assertThat(api.get("status")).isEqualTo(400L);
            assertThat(browser.find(By.tagName("body")).getText()).contains("400").contains("Bad Request");
        }

        @Test
        void inAPageQueryParameterShowsTheErrorPageWithTheMessage() {
            browser.get("/goals?showId=s-hostile%00");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Bad request");
            assertThat(browser.find(By.tagName("main")).getText()).contains("Query parameter 'showId' contains a NUL byte");
        }
    }
}
