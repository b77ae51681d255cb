package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.SHOWS;
import static io.showmetrics.jobs.support.Rows.SHOW_EVENTS;
import static io.showmetrics.jobs.support.Rows.VIEWER_EVENTS;
import static io.showmetrics.jobs.support.Rows.event;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.loggedIn;
import static io.showmetrics.jobs.support.Rows.replay;
import static io.showmetrics.jobs.support.Rows.session;
import static io.showmetrics.jobs.support.Rows.show;
import static io.showmetrics.jobs.support.Rows.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.runtime.TestSparkSession;
import io.showmetrics.jobs.support.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Viewer metrics on small in-memory tables, each case computed by hand. */
class ViewerMetricsTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    /** Runs the KPI computation for the given events and returns show_id -> KPI row. */
    private static Map<String, Row> kpis(List<Row> shows, List<Row> viewerEvents, List<Row> chat, List<Row> player) {
        Dataset<Row> s = frame(spark, SHOWS, shows);
        Dataset<Row> v = frame(spark, VIEWER_EVENTS, viewerEvents);
        Dataset<Row> intervals = ViewerMetrics.presenceIntervals(v, s);
        Map<String, Row> out = new TreeMap<>();
        for (Row r : ViewerMetrics.showKpis(s, v, intervals, frame(spark, SHOW_EVENTS, chat),
                frame(spark, SHOW_EVENTS, player)).collectAsList()) {
            out.put(r.getString(r.fieldIndex("show_id")), r);
        }
        return out;
    }

    private static long count(Row r, String field) {
        return r.getLong(r.fieldIndex(field));
    }

    @Nested
    class Presence {
        @Test
        void peakAndAverageAcrossOverlappingViewers() {
            List<Row> events = new ArrayList<>();
            events.addAll(session("s1", "a", 0, 600)); // 600 s
            events.addAll(session("s1", "b", 300, 900)); // 600 s, overlaps a on [300, 600)
            events.addAll(session("s1", "c", 600, 660)); // 60 s: starts as a leaves (leave first at the tie)
            Row k = kpis(List.of(show("s1", 30)), events, List.of(), List.of()).get("s1");
            assertThat(count(k, "unique_viewers")).isEqualTo(3);
            assertThat(count(k, "peak_concurrent_viewers")).isEqualTo(2);
            assertThat(k.getTimestamp(k.fieldIndex("peak_at"))).isEqualTo(Rows.at(300));
            assertThat(k.getDouble(k.fieldIndex("avg_watch_seconds"))).isEqualTo(1260.0 / 3);
        }

        @Test
        void lobbyAndLateSessionsAreClippedToTheLiveWindowWithGrace() {
            List<Row> events = new ArrayList<>();
            events.addAll(session("s1", "lobby", -120, 60)); // counts [0, 60)
            events.addAll(session("s1", "late", 1800 + 840, 1800 + 1200)); // show 30 min; grace ends at 2700
            events.add(viewer("s1", "after", "join", 2700)); // after the grace: no live presence
            Row k = kpis(List.of(show("s1", 30)), events, List.of(), List.of()).get("s1");
            assertThat(count(k, "unique_viewers")).isEqualTo(2);
            assertThat(k.getDouble(k.fieldIndex("avg_watch_seconds"))).isEqualTo((60 + 60) / 2.0);
        }

        @Test
        void replayViewersAreCountedSeparatelyAndNotAsLiveViewers() {
            List<Row> events = new ArrayList<>(session("s1", "live", 0, 60));
            events.add(replay("s1", "r1", "join", 86_400));
            events.add(replay("s1", "live", "heartbeat", 90_000));
            Row k = kpis(List.of(show("s1", 30)), events, List.of(), List.of()).get("s1");
            assertThat(count(k, "unique_viewers")).isEqualTo(1);
            assertThat(count(k, "replay_viewers")).isEqualTo(2);
        }

        @Test
        void identifiedViewersCountDistinctCustomersAmongLiveViewers() {
            List<Row> events = List.of(
                    loggedIn("s1", "v1", "c1", "join", 0), loggedIn("s1", "v2", "c1", "join", 10),
                    loggedIn("s1", "v3", "c2", "join", 20), viewer("s1", "anon", "join", 30),
                    loggedIn("s1", "v4", "c3", "join", 5000)); // after the window: not a live viewer
            Row k = kpis(List.of(show("s1", 30)), events, List.of(), List.of()).get("s1");
            assertThat(count(k, "unique_viewers")).isEqualTo(4);
            assertThat(count(k, "identified_viewers")).isEqualTo(2);
        }

        @Test
        void aShowWithoutViewersHasNullRatiosNotZero() {
            Row k = kpis(List.of(show("empty", 30)), List.of(), List.of(), List.of()).get("empty");
            assertThat(count(k, "unique_viewers")).isZero();
            assertThat(count(k, "peak_concurrent_viewers")).isZero();
            assertThat(k.isNullAt(k.fieldIndex("peak_at"))).isTrue();
            assertThat(k.isNullAt(k.fieldIndex("avg_watch_seconds"))).isTrue();
            assertThat(k.isNullAt(k.fieldIndex("engagement_rate"))).isTrue();
        }

        @Test
        void eventsOfAnUnknownShowAreLeftOut() {
            Map<String, Row> k = kpis(List.of(show("s1", 30)), session("nope", "a", 0, 60), List.of(), List.of());
            assertThat(k).containsOnlyKeys("s1");
            assertThat(count(k.get("s1"), "unique_viewers")).isZero();
        }
    }

    @Nested
    class Engagement {
        @Test
        void engagedViewersNeedAChatEventInTheLiveWindowButNoPresence() {
            List<Row> events = new ArrayList<>();
            events.addAll(session("s1", "a", 0, 600));
            events.addAll(session("s1", "b", 0, 600));
            List<Row> chat = List.of(
                    event("s1", "a", "message", 10), event("s1", "a", "reaction", 20),
                    event("s1", "ghost", "question", 30), // no presence, still engaged
                    event("s1", "b", "share", 2700), // at the window end: outside (half-open)
                    event("s1", "b", "poll_vote", 2699));
            List<Row> player = List.of(
                    event("s1", "a", "product_click", 100), event("s1", "a", "product_click", 200),
                    event("s1", "b", "add_to_cart", 300), event("s1", "b", "product_click", -10));
            Row k = kpis(List.of(show("s1", 30)), events, chat, player).get("s1");
            assertThat(count(k, "engaged_viewers")).isEqualTo(3);
            assertThat(k.getDouble(k.fieldIndex("engagement_rate"))).isEqualTo(1.5);
            assertThat(count(k, "chat_messages")).isEqualTo(1);
            assertThat(count(k, "reactions")).isEqualTo(1);
            assertThat(count(k, "questions")).isEqualTo(1);
            assertThat(count(k, "shares")).isZero();
            assertThat(count(k, "poll_votes")).isEqualTo(1);
            assertThat(count(k, "product_clickers")).isEqualTo(1);
            assertThat(count(k, "carters")).isEqualTo(1);
        }
    }

    @Nested
    class Minutes {
        @Test
        void minuteSeriesCoversTheWholeWindowWithViewersAndChat() {
            List<Row> events = new ArrayList<>(session("s1", "a", 30, 90)); // minutes 0 and 1
            events.addAll(session("s1", "b", 60, 120)); // minute 1 only (ends at 120, half-open)
            Dataset<Row> s = frame(spark, SHOWS, List.of(show("s1", 5))); // window = 20 minutes
            Dataset<Row> intervals = ViewerMetrics.presenceIntervals(frame(spark, VIEWER_EVENTS, events), s);
            List<Row> chat = List.of(event("s1", "a", "message", 61), event("s1", "b", "reaction", 119),
                    event("s1", "b", "message", 1199));
            List<Row> player = List.of(event("s1", "a", "product_click", 65), event("s1", "a", "add_to_cart", 70));
            List<Row> minutes = ViewerMetrics.showMinutes(s, intervals, frame(spark, SHOW_EVENTS, chat),
                    frame(spark, SHOW_EVENTS, player)).orderBy("minute_index").collectAsList();
            assertThat(minutes).hasSize(20);
            assertThat(minutes.get(0).getTimestamp(minutes.get(0).fieldIndex("minute_start"))).isEqualTo(Rows.at(0));
            assertThat(minutes.stream().map(r -> r.getLong(r.fieldIndex("viewers"))).toList())
                    .startsWith(1L, 2L, 0L);
            Row m1 = minutes.get(1);
            assertThat(count(m1, "chat_events")).isEqualTo(2);
            assertThat(count(m1, "product_clicks")).isEqualTo(1);
            assertThat(count(m1, "add_to_carts")).isEqualTo(1);
            assertThat(count(minutes.get(19), "chat_events")).isEqualTo(1);
        }

        @Test
        void dropOffCountsWhoJoinedAndWhoWasLostAgainstTheMinuteBefore() {
            List<Row> events = new ArrayList<>(session("s1", "a", 0, 150)); // minutes 0, 1, 2
            events.addAll(session("s1", "b", 10, 50)); // minute 0
            events.addAll(session("s1", "c", 70, 200)); // minutes 1, 2, 3
            Dataset<Row> s = frame(spark, SHOWS, List.of(show("s1", 5)));
            Dataset<Row> intervals = ViewerMetrics.presenceIntervals(frame(spark, VIEWER_EVENTS, events), s);
            List<Row> minutes = ViewerMetrics.showMinutes(s, intervals, frame(spark, SHOW_EVENTS, List.of()),
                    frame(spark, SHOW_EVENTS, List.of())).orderBy("minute_index").collectAsList();
            // V(0) = {a, b}, V(1) = {a, c}, V(2) = {a, c}, V(3) = {c}, V(4) = {}. The first minute: V(-1) is empty,
            // so every viewer of it joined and nobody was lost.
            assertThat(minutes.stream().map(r -> count(r, "viewers")).toList()).startsWith(2L, 2L, 2L, 1L, 0L);
            assertThat(minutes.stream().map(r -> count(r, "viewers_joined")).toList()).startsWith(2L, 1L, 0L, 0L, 0L);
            assertThat(minutes.stream().map(r -> count(r, "viewers_lost")).toList()).startsWith(0L, 1L, 0L, 1L, 1L);
            assertThat(minutes.subList(5, 20)).allSatisfy(r -> {
                assertThat(count(r, "viewers_joined")).isZero();
                assertThat(count(r, "viewers_lost")).isZero();
            });
        }
    }
}
