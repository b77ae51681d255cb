package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page on a phone: headless Chromium emulating a 390 × 844 screen (an iPhone 14) against the app started through
 * {@code serve} with {@link DashboardBrowserIT}'s fixture rows and a few goals, signed in as maria. No page may scroll
 * sideways; the navigation folds behind a menu button; KPI tiles go two by two; charts and tables stay inside their
 * cards (a wide table scrolls inside its own box). Screenshots of the whole page: {@code /tmp/dash-phone-*.png}.
 */
class PhoneBrowserIT {
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser phone;

    @BeforeAll
    static void startAndSignIn() {
        dashboard = ServedDashboard.start("phone_browser_it", new MutableClock(Instant.parse("2026-03-29T12:00:00Z")),
                dataDir, PhoneBrowserIT::seed);
        phone = Browser.phone(dashboard.baseUrl(), WIDTH, HEIGHT);
        phone.signIn("maria", "showtime");
    }

    private static void seed(JdbcClient jdbc) {
        DashboardBrowserIT.seed(jdbc);
        goal("s-spring", "unique_viewers", 1200, "at_least").insert(jdbc);
        goal("s-spring", "peak_concurrent_viewers", 900, "at_least").insert(jdbc);
        goal("s-mid", "unique_viewers", 2000, "at_least").insert(jdbc);
        goal("s-new", "engagement_rate", 0.3, "at_least").insert(jdbc);
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /**
     * How far the page reaches past the screen's right edge (0 when it does not scroll sideways), and the elements
     * that stick out without being inside a box that scrolls them (for the failure message).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> overflow() {
        return (Map<String, Object>) phone.js("""
                const width = document.documentElement.clientWidth;
                const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
                  const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll' || x === 'hidden') return true; }
                  return false; };
                const offenders = [...document.querySelectorAll('body *')]
                  .filter(el => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length && !scrolls(el))
                  .slice(0, 8).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '')
                    + ' right=' + Math.round(el.getBoundingClientRect().right));
                return { excess: document.documentElement.scrollWidth - width, viewport: window.innerWidth,
                  offenders: offenders };""");
    }

    private static boolean displayed(String css) {
        return !phone.driver().findElements(By.cssSelector(css)).isEmpty()
                && phone.find(By.cssSelector(css)).isDisplayed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/shows", "/shows?host=Lena+Park", "/shows/s-spring", "/shows/s-empty", "/goals",
            "/experiments", "/experiments/exp-host", "/experiments/exp-push", "/experiments/planner", "/retention",
            "/omnichannel", "/runs", "/runs/r-0302", "/definitions"})
    void noPageScrollsSideways(String path) {
        phone.open(path);

        Map<String, Object> overflow = overflow();
        assertThat(overflow.get("viewport")).isEqualTo((long) WIDTH);
        assertThat(((Number) overflow.get("excess")).longValue()).as("%s sticks out: %s", path, overflow.get("offenders"))
                .isLessThanOrEqualTo(0);
    }

    @Test
    void pagesWithoutDataScriptFitToo() {
        for (String path : List.of("/account/password", "/shows/no-such-show")) {
            phone.get(path);
            assertThat(((Number) overflow().get("excess")).longValue()).as(path + ": " + overflow().get("offenders"))
                    .isLessThanOrEqualTo(0);
        }
    }

    @Nested
    class Navigation {
        @Test
        void foldsBehindAMenuButtonThatOpensAndClosesIt() {
            phone.open("/shows");

            assertThat(displayed("#menu-toggle")).isTrue();
            assertThat(phone.find(By.id("menu-toggle")).getDomAttribute("aria-expanded")).isEqualTo("false");
            assertThat(displayed("#mainnav")).as("the page links are folded").isFalse();
            assertThat(displayed("#user-menu")).isFalse();
            assertThat(displayed("#data-through") || phone.driver().findElements(By.id("data-through")).isEmpty()).isTrue();
            long barHeight = (Long) phone.js("return Math.round(document.querySelector('.topbar').getBoundingClientRect().height);");
            assertThat(barHeight).as("a folded bar is one row").isLessThan(110);

            phone.find(By.id("menu-toggle")).click();
            assertThat(phone.find(By.id("menu-toggle")).getDomAttribute("aria-expanded")).isEqualTo("true");
            assertThat(displayed("#mainnav")).isTrue();
            assertThat(displayed("#change-password-link")).isTrue();
            assertThat(((Number) overflow().get("excess")).longValue()).isLessThanOrEqualTo(0);
            // The links stack, one per row, each as wide as the screen allows.
            @SuppressWarnings("unchecked")
            List<Object> lefts = (List<Object>) phone.js("return [...document.querySelectorAll('#mainnav a')].map(a => "
                    + "Math.round(a.getBoundingClientRect().left));");
            assertThat(lefts).hasSizeGreaterThan(5).containsOnly(lefts.get(0));
            phone.pageScreenshot("phone-menu");

            phone.navigate(() -> phone.find(By.cssSelector("#mainnav a[href='/goals']")).click());
            assertThat(phone.driver().getCurrentUrl()).endsWith("/goals");
            assertThat(displayed("#mainnav")).as("folded again on the next page").isFalse();
        }
    }

    @Nested
    class Layout {
        @Test
        void kpiTilesGoTwoByTwo() {
            phone.open("/shows/s-spring");

            @SuppressWarnings("unchecked")
            List<Map<String, Number>> tiles = (List<Map<String, Number>>) phone.js("return [...document.querySelectorAll("
                    + "'.kpi-grid')].find(g => g.children.length >= 3).querySelectorAll('.kpi').values().toArray()"
                    + ".slice(0, 3).map(t => { const r = t.getBoundingClientRect(); return { left: r.left, top: r.top, "
                    + "width: r.width }; });");
            assertThat(tiles.get(0).get("top")).isEqualTo(tiles.get(1).get("top"));
            assertThat(tiles.get(1).get("left").doubleValue()).isGreaterThan(tiles.get(0).get("left").doubleValue());
            assertThat(tiles.get(2).get("top").doubleValue()).isGreaterThan(tiles.get(0).get("top").doubleValue());
            assertThat(tiles.get(2).get("left")).isEqualTo(tiles.get(0).get("left"));
            assertThat(tiles.get(0).get("width").doubleValue()).isBetween(120.0, WIDTH / 2.0);
            phone.pageScreenshot("phone-show");
        }

        @Test
        void chartsFitTheirCardsAndFollowTheScreenWhenItTurns() {
            phone.open("/shows");
            String widths = "return [...document.querySelectorAll('.chart')].map(c => [c.id, "
                    + "Math.round(echarts.getInstanceByDom(c).getWidth()), Math.round(c.closest('.card').clientWidth)]);";

            @SuppressWarnings("unchecked")
            List<List<Object>> portrait = (List<List<Object>>) phone.js(widths);
            assertThat(portrait).isNotEmpty().allSatisfy(c -> assertThat(((Number) c.get(1)).longValue())
                    .as("chart %s", c.get(0)).isLessThanOrEqualTo(((Number) c.get(2)).longValue()).isGreaterThan(250));
            phone.pageScreenshot("phone-shows");

            phone.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", HEIGHT, "height", WIDTH,
                    "deviceScaleFactor", 2, "mobile", true));
            try {
                new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> {
                    @SuppressWarnings("unchecked")
                    List<List<Object>> turned = (List<List<Object>>) phone.js(widths);
                    return ((Number) turned.get(0).get(1)).longValue() > WIDTH;
                });
                Map<String, Object> overflow = overflow();
                assertThat(((Number) overflow.get("excess")).longValue()).as("sticks out: %s", overflow.get("offenders"))
                        .isLessThanOrEqualTo(0);
            } finally {
                phone.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }

        @Test
        void aWideTableScrollsInsideItsCardNotThePage() {
            phone.open("/shows");

            @SuppressWarnings("unchecked")
            Map<String, Number> wrap = (Map<String, Number>) phone.js("const w = document.getElementById('shows-table');"
                    + "return { scroll: w.scrollWidth, client: w.clientWidth, card: w.closest('.card').clientWidth };");
            assertThat(wrap.get("scroll").longValue()).as("the table is wider than the screen")
                    .isGreaterThan(wrap.get("client").longValue());
            assertThat(wrap.get("client").longValue()).isLessThanOrEqualTo(wrap.get("card").longValue());
            assertThat(((Number) overflow().get("excess")).longValue()).isLessThanOrEqualTo(0);

            phone.js("document.getElementById('shows-table').scrollLeft = 10000;");
            assertThat(((Number) phone.js("return document.getElementById('shows-table').scrollLeft;")).longValue())
                    .isPositive();
            assertThat(((Number) phone.js("return window.scrollX;")).longValue()).isZero();
        }

        @Test
        void theGoalsFormsStackInOneColumn() {
            phone.open("/goals");

            @SuppressWarnings("unchecked")
            List<Number> lefts = (List<Number>) phone.js("return [...document.querySelectorAll('.goal-forms > .card')]"
                    + ".map(c => Math.round(c.getBoundingClientRect().left));");
            assertThat(lefts).hasSize(4).containsOnly(lefts.get(0));
            phone.pageScreenshot("phone-goals");
        }
    }
}
