package io.showmetrics.dashboard;

import static io.showmetrics.dashboard.testing.Fixtures.alert;
import static io.showmetrics.dashboard.testing.Fixtures.goal;
import static io.showmetrics.dashboard.testing.Fixtures.liveKpi;
import static io.showmetrics.dashboard.testing.Fixtures.liveRun;
import static io.showmetrics.dashboard.testing.Fixtures.minute;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Browser;
import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live mode on the dashboard (SPEC section 6) in headless Chromium, one browser session: a show on air as
 * {@code ./showmetrics live} writes it (show, minutes so far, a live show_kpi row, a goal, an alert, a live_run
 * heartbeat). The Show page carries the LIVE badge, the alert card and the pacing chart, takes two new minutes and a
 * new alert from the database within 25 s without a reload, and drops the badge once the batch run's provisional
 * row replaces the live one; the Alerts page says live mode runs and lists the alerts.
 */
class LivePagesBrowserIT {
    private static final Instant START = Fixtures.SPRING_START;
    /** 20 minutes into the show; the heartbeat polled 4 s before. */
    private static final Instant NOW = START.plus(Duration.ofMinutes(20));
    private static final Instant THROUGH = START.plus(Duration.ofMinutes(11)).plusSeconds(30);

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static Browser maria;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        dashboard = ServedDashboard.start("live_browser_it", new MutableClock(NOW), dataDir, LivePagesBrowserIT::seed);
        maria = new Browser(dashboard.baseUrl());
        maria.signIn("maria", "showtime");
    }

    @AfterAll
    static void stop() throws Exception {
        if (maria != null) {
            maria.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static void seed(JdbcClient db) {
        jdbc = db;
        show("s-live").set("title", "Spring Live").insert(db);
        for (int m = 0; m < 12; m++) {
            minute("s-live", m, 100 + 10L * m, 4).set("new_viewers", m == 0 ? 100L : 10L).insert(db);
        }
        liveKpi("s-live", THROUGH).insert(db);
        goal("s-live", "live_orders", 120, "at_least").insert(db);
        alert("s-live", START.plus(Duration.ofMinutes(10)), "goal_behind_pace", "live_orders")
                .set("message", "Live orders 5 by 19:10, 75 % behind the pace to 120 (20)")
                .set("webhook_status", "delivered").set("webhook_attempts", 1)
                .set("webhook_delivered_at", START.plus(Duration.ofMinutes(10)).plusSeconds(25)).insert(db);
        liveRun("live-1", START.minus(Duration.ofMinutes(5)), NOW.minusSeconds(4))
                .set("shows_on_air", new String[] {"s-live"}).set("files_loaded", 12L).insert(db);
    }

    private static String text(String css) {
        return (String) maria.js("const e = document.querySelector(arguments[0]);"
                + "return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;", css);
    }

    private static long settledPacingPoints() {
        return (Long) maria.chartOption("pacing-live_orders", "o.series[0].data.filter(v => v !== null && v !== '-').length");
    }

    @Test
    void theShowPageFollowsALiveShowWithoutReloadingThenSettlesAndTheAlertsPageSaysLiveModeRuns() {
        maria.open("/shows");
        assertThat(text("#shows-table tr[data-id='s-live'] .badge-live")).isEqualTo("LIVE");

        maria.open("/shows/s-live");
        assertThat(text("#live-status .badge-live")).isEqualTo("LIVE");
        assertThat(text("#live-through")).isEqualTo("data through 19:11:30 UTC · refreshes every 10 s");
        assertThat(text("#live-minutes")).isEqualTo("12 minutes so far, the last one still counting");
        assertThat((Boolean) maria.js("return document.getElementById('show-alerts').hidden;")).isFalse();
        assertThat(text("#show-alerts-list li:nth-child(1)"))
                .isEqualTo("19:10 UTC Behind pace: Live orders Live orders 5 by 19:10, 75 % behind the pace to 120 (20)"
                        + " Webhook delivered");
        assertThat(text("#diagnosis-weakest")).startsWith("On air: judged after the show.");
        assertThat(text("#diagnosis-goals")).isEqualTo("1 goal in progress on air.");
        assertThat(text("#kpi-conversion_rate_24h .kpi-value")).isEqualTo("after the show");
        assertThat(text("#kpi-live_orders .kpi-goal .badge")).isEqualTo("In progress");
        assertThat(maria.chartOption("pacing-live_orders", "o.xAxis[0].data.length"))
                .as("the pacing axis runs to the scheduled end").isEqualTo(60L);
        assertThat(settledPacingPoints()).as("11 settled minutes, the 12th still counting").isEqualTo(11L);
        assertThat(maria.chartOption("minute-chart", "o.series.find(s => s.id === 'alerts').markPoint.data.length"))
                .isEqualTo(1L);
        maria.screenshot("live-show");

        // Mark this document and scroll down: a refresh must keep both (no reload, no jump).
        maria.js("window.__sameDocument = true; window.scrollTo(0, 700);");
        long scrolled = (Long) maria.js("return Math.round(window.scrollY);");

        minute("s-live", 12, 230, 6).set("orders", 3L).insert(jdbc);
        minute("s-live", 13, 240, 7).set("orders", 2L).insert(jdbc);
        jdbc.sql("UPDATE show_kpi SET data_through = :t, live_orders = 45 WHERE show_id = 's-live'")
                .param("t", utc(START.plus(Duration.ofMinutes(13)).plusSeconds(45))).update();
        alert("s-live", START.plus(Duration.ofMinutes(13)), "viewers_falling", null)
                .set("message", "Viewers 130 at 19:13, down 45 % from 240 at 19:12").insert(jdbc);

        new WebDriverWait(maria.driver(), Duration.ofSeconds(25)).until(d ->
                "14".equals(maria.js("return document.getElementById('live-minutes').dataset.minutes;"))
                        && Long.valueOf(2).equals(maria.js("return document.querySelectorAll('#show-alerts-list li').length;")));
        assertThat((Boolean) maria.js("return window.__sameDocument === true;")).as("no reload").isTrue();
        // Not back at the top: the new alert above grows the page, and the browser's scroll anchoring keeps what the
        // reader was looking at in place (scrollY moves down by the alert's height).
        assertThat((Long) maria.js("return Math.round(window.scrollY);")).isBetween(scrolled, scrolled + 120);
        assertThat(text("#live-through")).isEqualTo("data through 19:13:45 UTC · refreshes every 10 s");
        assertThat(text("#show-alerts-list li:nth-child(1) .alert-kind")).isEqualTo("Viewers falling");
        assertThat(text("#show-alerts-list li:nth-child(1) .badge-webhook")).as("no webhook: no delivery state").isNull();
        assertThat(text("#show-alerts-count")).isEqualTo("(2)");
        assertThat(text("#kpi-live_orders .kpi-value")).isEqualTo("45");
        assertThat(settledPacingPoints()).as("the pacing line grew by two minutes").isEqualTo(13L);
        assertThat(maria.column("minutes-table", "minuteIndex")).hasSize(14);

        jdbc.sql("""
                        UPDATE show_kpi SET status = 'provisional', final_at = :f, run_id = 'run-1',
                               conversion_rate_24h = 0.04 WHERE show_id = 's-live'""")
                .param("f", utc(START.plus(Duration.ofDays(30)))).update();
        new WebDriverWait(maria.driver(), Duration.ofSeconds(25)).until(d ->
                Long.valueOf(0).equals(maria.js("return document.querySelectorAll('#show-status .badge-live').length;")));
        assertThat(text("#show-status")).startsWith("Provisional");
        assertThat((Boolean) maria.js("return window.__sameDocument === true;")).isTrue();
        assertThat(maria.js("return document.getElementById('show-page').dataset.live || null;")).isNull();
        assertThat(text("#kpi-conversion_rate_24h .kpi-value")).isEqualTo("4.00%");
        assertThat(text("#kpi-live_orders .kpi-goal .badge")).isEqualTo("Missed");

        maria.open("/alerts");
        assertThat(text("#live-mode-line"))
                .isEqualTo("LIVE Live mode running: last poll 4 s ago, 12 files loaded, on air: Spring Live");
        assertThat(maria.column("alerts-table", "headline")).containsExactly("Viewers falling", "Behind pace: Live orders");
        assertThat(maria.column("alerts-table", "showTitle")).containsExactly("Spring Live", "Spring Live");
        assertThat(maria.column("alerts-table", "webhookStatus")).containsExactly("not posted", "Webhook delivered");
        maria.screenshot("alerts");
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
