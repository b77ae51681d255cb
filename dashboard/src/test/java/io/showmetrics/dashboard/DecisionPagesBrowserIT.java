package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.benchmark;
import static io.showmetrics.dashboard.testing.Fixtures.decision;
import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers of SPEC section 6 in headless Chromium, per role: the Show page's diagnosis, products and audiences
 * (maria, marketing; eve, executive, does not see the audiences), the Omnichannel headline "shows drove" with its
 * period in the URL (eve) and the Hosts page.
 */
class DecisionPagesBrowserIT {
    private static final Instant NOW = Instant.parse("2026-03-02T21:00:00Z");
    private static final Instant START = Fixtures.SPRING_START;

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser maria;
    private static Browser eve;

    @BeforeAll
    static void start() {
        dashboard = ServedDashboard.start("decision_browser_it", new MutableClock(NOW), dataDir, DecisionPagesBrowserIT::seed);
        maria = new Browser(dashboard.baseUrl());
        maria.signIn("maria", "showtime");
        eve = new Browser(dashboard.baseUrl());
        eve.signIn("eve", "showtime");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {maria, eve, dashboard}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void seed(JdbcClient jdbc) {
        experiment("exp-hosts").set("name", "Host A vs host B").set("control_variant", "max").insert(jdbc);
        decision("exp-hosts", "lena", "inconclusive").set("reason", "Inconclusive: no significant difference.").insert(jdbc);
        show("s-spring").set("cost", new BigDecimal("1000.0000")).set("experiment_id", "exp-hosts").insert(jdbc);
        kpi("s-spring").set("conversion_rate_24h", 0.021).set("roas_live", 3.1205).set("roas_24h", 4.48075).insert(jdbc);
        show("s-max").set("host", "Max Ode").set("title", "Denim Days").set("starts_at", START.minus(Duration.ofDays(7)))
                .set("ends_at", START.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(30))).insert(jdbc);
        kpi("s-max").set("live_gmv", new BigDecimal("4000.0000")).insert(jdbc);

        long[] viewers = {100, 180, 120, 125, 60, 70};
        long[] joined = {100, 80, 0, 5, 0, 10};
        long[] lost = {0, 0, 60, 0, 65, 0};
        for (int m = 0; m < viewers.length; m++) {
            Fixtures.minute("s-spring", m, viewers[m], 3).set("viewers_joined", joined[m]).set("viewers_lost", lost[m])
                    .insert(jdbc);
        }
        Fixtures.moment("s-spring", 1.5).set("type", "promo").set("sku", null).set("label", "Code SPRING").insert(jdbc);
        Fixtures.moment("s-spring", 3.5).set("type", "product_pin").set("sku", "SKU-SCARF").set("label", "Silk scarf").insert(jdbc);

        definition("unique_viewers", 1).insert(jdbc);
        definition("live_gmv", 2).set("label", "Live GMV").set("unit", "currency").insert(jdbc);
        definition("conversion_rate_24h", 3).set("label", "Conversion 24 h").set("unit", "ratio").insert(jdbc);
        definition("stockout_minutes", 4).set("label", "Stock-out minutes").set("unit", "minutes").insert(jdbc);
        benchmark("s-spring", "unique_viewers", 1234.0, 1000.0, 10, 0.85).insert(jdbc);
        benchmark("s-spring", "live_gmv", 3120.5, 3500.0, 10, 0.35).insert(jdbc);
        benchmark("s-spring", "conversion_rate_24h", 0.021, 0.034, 10, 0.15).insert(jdbc);
        benchmark("s-spring", "stockout_minutes", 6.5, 0.0, 10, 0.05).insert(jdbc);
        goal("s-spring", "unique_viewers", 1200, "at_least").insert(jdbc);
        goal("s-spring", "live_gmv", 5000, "at_least").insert(jdbc);

        Fixtures.sku("s-spring", "SKU-SCARF").set("clickers", 40L).set("live_gmv", new BigDecimal("59.8000"))
                .set("pinned_minutes", 2.5).insert(jdbc);
        Fixtures.sku("s-spring", "SKU-BAG").set("clickers", 12L).set("stockout_minutes", 6.5).insert(jdbc);
        Fixtures.audience("s-spring", "carted_not_bought", "C-1").insert(jdbc);
        Fixtures.audience("s-spring", "carted_not_bought", "C-2").insert(jdbc);
        Fixtures.audience("s-spring", "engaged_not_bought", "C-3").insert(jdbc);

        Fixtures.showMonth("2026-01", 4, "10000", "2000", 3).insert(jdbc);
        Fixtures.showMonth("2026-02", 5, "12000", "3000", 4).insert(jdbc);
        Fixtures.showMonth("2026-03", 1, "3120.5", "500", 1).set("partial", true).set("prev_span_shows", 1L)
                .set("prev_span_live_gmv", new BigDecimal("2000")).set("prev_span_influenced_revenue", new BigDecimal("400"))
                .insert(jdbc);
        Fixtures.run("run-1").set("data_through", Instant.parse("2026-03-02T20:30:00Z")).insert(jdbc);
    }

    private static String text(Browser b, String css) {
        return (String) b.js("const e = document.querySelector(arguments[0]);"
                + "return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;", css);
    }

    @Test
    void theShowPageLeadsWithGoalsWhatHeldItBackWhereViewersLeftAndRoas() {
        maria.open("/shows/s-spring");

        assertThat(text(maria, "#diagnosis-goals")).isEqualTo("1 of 2 goals met, 1 missed.");
        assertThat(maria.driver().findElements(By.cssSelector("#diagnosis-weakest li"))).hasSize(3);
        assertThat(text(maria, "#diagnosis-weakest li:nth-child(1)"))
                .isEqualTo("Stock-out minutes 6.5, lowest 10 % of the last 10 shows (median 0.0)");
        assertThat(text(maria, "#diagnosis-weakest li:nth-child(2)"))
                .isEqualTo("Conversion 24 h 2.1%, lowest 20 % of the last 10 shows (median 3.4%)");
        assertThat(text(maria, "#diagnosis-drops li:nth-child(1)"))
                .isEqualTo("19:04: −65 viewers of 125, after Product pin: Silk scarf at 19:03");
        assertThat(text(maria, "#diagnosis-drops li:nth-child(2)"))
                .isEqualTo("19:02: −60 viewers of 180, after Promo: Code SPRING at 19:01");
        assertThat(text(maria, "#diagnosis-roas")).startsWith("Cost €1,000.00: 3.12× live");
        // The diagnosis is the first card, above every tile.
        assertThat((Boolean) maria.js("const d = document.getElementById('diagnosis');"
                + "return d.getBoundingClientRect().top < document.getElementById('kpi-tiles').getBoundingClientRect().top;"))
                .isTrue();
        assertThat(text(maria, "#kpi-conversion_rate_24h .kpi-bench")).isEqualTo("median of last 10: 3.4% · p15");
        assertThat(maria.find(By.id("kpi-conversion_rate_24h")).getDomAttribute("class")).contains("kpi-weak");
        assertThat(maria.chartOption("minute-chart", "o.series[2].data")).isEqualTo(List.of(0L, 0L, -60L, 0L, -65L, 0L));
        assertThat(maria.chartOption("minute-chart", "o.series[2].markPoint.data.length")).isEqualTo(2L);
        assertThat(maria.chartOption("minute-chart", "o.series[0].markLine.data.filter(d => d.name === 'Show end').length"))
                .as("the show (60 min) ends after the 6 minutes of data: no marker outside the grid").isEqualTo(0L);
        assertThat(maria.column("products-table", "sku")).containsExactly("SKU-SCARF", "SKU-BAG");
        assertThat(maria.cell("products-table", "SKU-SCARF", "pinnedMinutes")).isEqualTo("2.5");
        assertThat(maria.cell("products-table", "SKU-BAG", "stockoutMinutes")).isEqualTo("6.5");
        assertThat(text(maria, "#audience-carted_not_bought .kpi-value")).isEqualTo("2");
        assertThat(maria.find(By.cssSelector("#audience-carted_not_bought a")).getDomAttribute("href"))
                .isEqualTo("/api/shows/s-spring/audiences/carted_not_bought.csv");
        maria.screenshot("show-diagnosis");
    }

    @Test
    void anExecutiveSeesTheDiagnosisButNoAudience() {
        eve.open("/shows/s-spring");

        assertThat(eve.driver().findElements(By.cssSelector("#diagnosis-weakest li"))).hasSize(3);
        assertThat(eve.driver().findElements(By.id("audiences"))).isEmpty();
        assertThat((Long) eve.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/shows/s-spring/audiences/carted_not_bought.csv').then(r => done(r.status));")).isEqualTo(403L);
    }

    @Test
    void omnichannelLeadsWithWhatTheShowsDroveForAPeriodKeptInTheUrl() {
        eve.open("/omnichannel");

        assertThat(text(eve, "#drove-headline")).isEqualTo("Shows drove €3,620.50");
        assertThat(text(eve, "#shows-drove .drove-period")).isEqualTo("2026-03 (month to date: the number can still grow)");
        assertThat(text(eve, "#shows-drove .drove-compare")).isEqualTo("+50.9% vs €2,400.00 over the same days of 2026-02");
        eve.screenshot("omnichannel-drove");

        new Select(eve.find(By.id("drove-from"))).selectByValue("2026-02");
        new Select(eve.find(By.id("drove-to"))).selectByValue("2026-02");
        eve.navigate(() -> eve.find(By.cssSelector("#shows-drove button[type=submit]")).click());
        new WebDriverWait(eve.driver(), Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("main")).getDomAttribute("data-ready")));
        assertThat(eve.driver().getCurrentUrl()).endsWith("/omnichannel?from=2026-02&to=2026-02");
        assertThat(text(eve, "#drove-headline")).isEqualTo("Shows drove €15,000.00");
        assertThat(text(eve, "#shows-drove .drove-compare")).isEqualTo("+25.0% vs €12,000.00 in 2026-01");
    }

    @Test
    void hostsAreRankedByGmvPerShowHourWithTheirExperimentDecision() {
        eve.open("/hosts");

        assertThat(eve.column("hosts-table", "host")).containsExactly("Max Ode", "Lena Park");
        assertThat(eve.cell("hosts-table", "Max Ode", "gmvPerLiveHour")).isEqualTo("€8,000.00");
        assertThat(eve.cell("hosts-table", "Lena Park", "experiments")).isEqualTo("Host A vs host B lena: Inconclusive");
        assertThat(eve.cell("hosts-table", "Lena Park", "goalHitRate")).isEqualTo("50% (1 of 2)");
        eve.screenshot("hosts");
    }
}
