package io.showmetrics.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.showmetrics.core.live.LiveAlerts.Alert;
import io.showmetrics.core.live.LiveAlerts.Goal;
import io.showmetrics.core.live.LiveAlerts.Minute;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveAlertsTest {
    private static final Instant START = Instant.parse("2026-11-01T17:00:00Z");
    private static final Instant END = START.plusSeconds(3600);
    private static final Map<String, String> LABELS = Map.of("live_orders", "Live orders", "live_gmv", "Live GMV");

    /** Minutes 0..n-1 with the given viewers, one new viewer and the given orders per minute. */
    private static List<Minute> minutes(long[] viewers, long ordersPerMinute) {
        List<Minute> out = new ArrayList<>();
        for (int i = 0; i < viewers.length; i++) {
            out.add(new Minute(i, START.plusSeconds(60L * i), viewers[i], 1, ordersPerMinute,
                    BigDecimal.valueOf(ordersPerMinute * 10L)));
        }
        return out;
    }

    private static long[] flat(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void behindPaceFiresOnceAtTheFirstMinuteAfterAQuarterOfTheShow() {
        // 1 order a minute against a goal of 120 in 60 minutes (pace 2 a minute): 50 % behind from the start, but
        // nothing fires before a quarter of the show (the end of minute 14, 17:15).
        List<Alert> alerts = LiveAlerts.evaluate("S1", START, END, minutes(flat(30, 100), 1),
                List.of(new Goal("live_orders", 120, "at_least")), LABELS, "EUR");
        assertEquals(1, alerts.size());
        Alert a = alerts.get(0);
        assertEquals(LiveAlerts.GOAL_BEHIND_PACE, a.kind());
        assertEquals(Instant.parse("2026-11-01T17:15:00Z"), a.at());
        assertEquals(15, a.actual());
        assertEquals(30, a.expected());
        assertEquals("S1|goal_behind_pace|live_orders", a.dedupKey());
        assertEquals("Live orders 15 at 17:15 UTC: 50 % behind the even pace to the goal 120 (30 expected by now)",
                a.message());
    }

    @Test
    void behindPaceNeedsMoreThanTwentyPercent() {
        // 1 order a minute against 75 in 60 minutes: pace 1.25 a minute, exactly 20 % behind: no alert.
        assertTrue(LiveAlerts.evaluate("S1", START, END, minutes(flat(60, 100), 1),
                List.of(new Goal("live_orders", 75, "at_least")), LABELS, "EUR").isEmpty());
        // 76: just over 20 % behind at every minute after the quarter.
        List<Alert> alerts = LiveAlerts.evaluate("S1", START, END, minutes(flat(60, 100), 1),
                List.of(new Goal("live_orders", 76, "at_least")), LABELS, "EUR");
        assertEquals(1, alerts.size());
        assertEquals(Instant.parse("2026-11-01T17:15:00Z"), alerts.get(0).at());
    }

    @Test
    void onlyAdditiveAtLeastGoalsArePaced() {
        List<Goal> goals = List.of(new Goal("live_orders", 1000, "at_most"), new Goal("engagement_rate", 0.9, "at_least"),
                new Goal("peak_concurrent_viewers", 1e6, "at_least"));
        assertTrue(LiveAlerts.evaluate("S1", START, END, minutes(flat(60, 100), 1), goals, LABELS, "EUR").isEmpty());
    }

    @Test
    void gmvIsFormattedInTheReportingCurrency() {
        List<Alert> alerts = LiveAlerts.evaluate("S1", START, END, minutes(flat(20, 100), 1),
                List.of(new Goal("live_gmv", 6000, "at_least")), LABELS, "EUR");
        assertEquals("Live GMV €150.00 at 17:15 UTC: 90 % behind the even pace to the goal €6,000.00 "
                + "(€1,500.00 expected by now)", alerts.get(0).message());
    }

    @Test
    void viewersFallingFiresOncePerDropAtItsFirstMinute() {
        long[] v = flat(40, 200);
        v[10] = 180; v[11] = 150; v[12] = 130; v[13] = 120; v[14] = 120; // 130 < 0.7 * 200 = 140 at minute 12
        for (int i = 15; i < 25; i++) {
            v[i] = 120;                                                // stays low: minute 17 is the last "falling"
        }
        v[30] = 50;                                                    // a second drop after recovering
        for (int i = 25; i < 30; i++) {
            v[i] = 100;
        }
        List<Alert> alerts = LiveAlerts.evaluate("S1", START, END, minutes(v, 1), List.of(), LABELS, "EUR");
        assertEquals(2, alerts.size());
        assertEquals(Instant.parse("2026-11-01T17:13:00Z"), alerts.get(0).at());
        assertEquals("S1|viewers_falling|12", alerts.get(0).dedupKey());
        assertEquals("Viewers fell 35 % in 3 min: 130 at 17:12 UTC against 200 at 17:09 UTC", alerts.get(0).message());
        assertEquals(Instant.parse("2026-11-01T17:31:00Z"), alerts.get(1).at());
    }

    @Test
    void viewersFallingIgnoresSmallAudiencesAndTheEnd() {
        long[] small = flat(30, 10);
        small[20] = 2;
        assertTrue(LiveAlerts.evaluate("S1", START, END, minutes(small, 1), List.of(), LABELS, "EUR").isEmpty());
        long[] end = flat(70, 300);
        for (int i = 60; i < 70; i++) {
            end[i] = 20;                                               // after the scheduled end: people leave
        }
        assertTrue(LiveAlerts.evaluate("S1", START, END, minutes(end, 1), List.of(), LABELS, "EUR").isEmpty());
    }

    @Test
    void theSameMinutesGiveTheSameAlertsWhateverTheOrder() {
        long[] v = flat(40, 200);
        v[20] = 100;
        List<Minute> ms = minutes(v, 1);
        List<Minute> shuffled = new ArrayList<>(ms);
        java.util.Collections.reverse(shuffled);
        List<Goal> goals = List.of(new Goal("live_orders", 200, "at_least"));
        assertEquals(LiveAlerts.evaluate("S1", START, END, ms, goals, LABELS, "EUR"),
                LiveAlerts.evaluate("S1", START, END, shuffled, goals, LABELS, "EUR"));
    }
}
