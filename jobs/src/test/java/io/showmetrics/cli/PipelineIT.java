package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole pipeline through the command line, on a hand-made landing folder whose KPIs were computed
 * by hand (see the comments in the fixture files' tests below), into an embedded PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
    @TempDir
    static Path dir;
    static Path landing;
    static Path data;

    @BeforeAll
    static void copyFixture() throws IOException {
        landing = dir.resolve("landing");
        data = dir.resolve("data");
        copy(Path.of("src/test/resources/landing_two_shows"), landing);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    record Execution(int exitCode, String out, String err) {}

    static Execution showmetrics(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Showmetrics.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Execution(code, out.toString(), err.toString());
    }

    static Execution run() {
        return showmetrics("run", "--input", landing.toString(), "--data", data.toString(), "--master", "local[2]");
    }

    static <T> T query(SqlFunction<T> f) {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data.resolve("postgres"), 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            return f.apply(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface SqlFunction<T> {
        T apply(Statement s) throws SQLException;
    }

    static Map<String, Object> row(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                m.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            return m;
        }
    }

    static List<Long> longs(Statement s, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void firstRunPublishesHandComputedKpisAndReconciles() {
        Execution e = run();
        assertThat(e.exitCode()).as(e.out() + e.err()).isZero();
        assertThat(e.out()).contains("read 23 = accepted 21 + quarantined 1 + duplicates 1");
        // One reconciliation line per entity; the files only with --verbose.
        assertThat(e.out()).containsPattern("(?m)^viewer_events +1 +12 +11 +1 +0$").doesNotContain("part-0000.jsonl");

        // s1 streams to multistream and v1 (customer c1) watches on whatnot: open labels, kept and counted.
        assertThat(query(s -> row(s, "SELECT channel FROM show WHERE show_id = 's1'")).get("channel"))
                .isEqualTo("multistream");
        assertThat(query(s -> longs(s, "SELECT count(*) FROM retention_cohort WHERE kind = 'viewer' "
                + "AND segment = 'first_channel:whatnot'")).get(0)).isPositive();

        Map<String, Object> s1 = query(s -> row(s, "SELECT * FROM show_kpi WHERE show_id = 's1'"));
        // v1 [19:00,19:01) after clipping its lobby time, v2 [19:00:30,19:02) without leave,
        // v3 [19:00:45,19:00:50) + lone rejoin [19:05,19:06); v4 is replay only; v5 was quarantined.
        assertThat(s1.get("unique_viewers")).isEqualTo(3L);
        assertThat(s1.get("identified_viewers")).isEqualTo(1L);
        assertThat(s1.get("peak_concurrent_viewers")).isEqualTo(3L);
        assertThat(((java.sql.Timestamp) s1.get("peak_at")).toInstant()).isEqualTo(Instant.parse("2026-03-01T19:00:45Z"));
        assertThat((Double) s1.get("avg_watch_seconds")).isCloseTo((60 + 90 + 65) / 3.0, within(1e-9));
        assertThat(s1.get("replay_viewers")).isEqualTo(1L);
        // v1, v2 and v9 (no presence) chatted in [19:00, 19:45); the message at 19:45 is outside.
        assertThat(s1.get("engaged_viewers")).isEqualTo(3L);
        assertThat((Double) s1.get("engagement_rate")).isEqualTo(1.0);
        assertThat(List.of(s1.get("chat_messages"), s1.get("reactions"), s1.get("questions"), s1.get("shares")))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(List.of(s1.get("product_clickers"), s1.get("carters"))).containsExactly(1L, 1L);
        // Data through = the earlier of the latest viewer event (the replay join, 2026-03-02 10:00) and the latest
        // order (21:00); no store visit was ever loaded, so visits do not hold it back. s1's 30-day window ends
        // after it: provisional, though the clock alone (months later) would say final.
        assertThat(((java.sql.Timestamp) s1.get("data_through")).toInstant())
                .isEqualTo(Instant.parse("2026-03-01T21:00:00Z"));
        assertThat(s1.get("status")).isEqualTo("provisional");
        // c1 (v1, v3) bought 2 x 12.50 on the web at 21:00, inside [first presence, ends_at + 24 h).
        assertThat(s1.get("buyers_24h")).isEqualTo(1L);
        assertThat((java.math.BigDecimal) s1.get("gmv_24h")).isEqualByComparingTo("25");

        Map<String, Object> s2 = query(s -> row(s, "SELECT * FROM show_kpi WHERE show_id = 's2'"));
        assertThat(s2.get("unique_viewers")).isEqualTo(0L);
        assertThat(s2.get("avg_watch_seconds")).isNull();
        assertThat(s2.get("engagement_rate")).isNull();

        List<Long> minutes = query(s -> longs(s, "SELECT viewers FROM show_minute WHERE show_id = 's1' ORDER BY minute_index"));
        assertThat(minutes).hasSize(45).startsWith(3L, 1L, 0L, 0L, 0L, 1L, 0L);

        Map<String, Object> run = query(s -> row(s, "SELECT * FROM pipeline_run"));
        assertThat(run.get("status")).isEqualTo("succeeded");
        assertThat(((java.sql.Timestamp) run.get("data_through")).toInstant())
                .isEqualTo(Instant.parse("2026-03-01T21:00:00Z"));
        assertThat(List.of(run.get("records_read"), run.get("records_accepted"), run.get("records_quarantined"),
                run.get("records_duplicate"))).containsExactly(23L, 21L, 1L, 1L);
        Map<String, Object> q = query(s -> row(s, "SELECT * FROM quarantine_sample"));
        assertThat(q.get("reason")).isEqualTo("bad_timestamp");
        assertThat(q.get("field")).isEqualTo("ts");
        assertThat(q.get("line")).isEqualTo(13L);
        List<Long> definitions = query(s -> longs(s, "SELECT count(*) FROM metric_definition"));
        assertThat(definitions.get(0)).isGreaterThan(10L);
    }

    @Test
    @Order(2)
    void secondRunOnTheSameInputChangesNothing() throws IOException {
        Object computedBefore = query(s -> row(s, "SELECT computed_at FROM show_kpi WHERE show_id = 's1'")
                .get("computed_at"));
        // The landing folder is as the first run saw it: answered from the last run's fingerprint, without Spark.
        Execution e = run();
        assertThat(e.exitCode()).as(e.out() + e.err()).isZero();
        assertThat(e.out()).contains("read 0 = accepted 0").contains("nothing new: the landing folder is unchanged")
                .doesNotContain("compute:");
        Map<String, Object> fast = query(s -> row(s, "SELECT r.message, r.data_through, p.data_through AS before "
                + "FROM pipeline_run r, pipeline_run p WHERE r.status = 'nothing_new' AND p.status = 'succeeded'"));
        assertThat((String) fast.get("message")).contains("answered without Spark");
        assertThat(fast.get("data_through")).isNotNull().isEqualTo(fast.get("before"));

        // Without the fingerprint (as after any ingest, compute or publish step) the full check says the same.
        Files.delete(data.resolve("lake").resolve(NothingNew.STATE));
        Execution full = run();
        assertThat(full.exitCode()).as(full.out() + full.err()).isZero();
        assertThat(full.out()).contains("read 0 = accepted 0").contains("nothing new to compute")
                .contains("already up to date");
        assertThat(data.resolve("lake").resolve(NothingNew.STATE)).exists();
        Object computedAfter = query(s -> row(s, "SELECT computed_at FROM show_kpi WHERE show_id = 's1'")
                .get("computed_at"));
        assertThat(computedAfter).isEqualTo(computedBefore);
        List<Long> noOpRuns = query(s -> longs(s, "SELECT count(*) FROM pipeline_run WHERE status = 'nothing_new'"));
        assertThat(noOpRuns).containsExactly(2L);
    }

    @Test
    @Order(3)
    void aNewDayRecomputesOnlyTheShowsItTouches() throws IOException {
        Object s1Before = query(s -> row(s, "SELECT computed_at FROM show_kpi WHERE show_id = 's1'").get("computed_at"));
        copy(Path.of("src/test/resources/landing_two_shows_day2"), landing);
        Execution e = run();
        assertThat(e.exitCode()).as(e.out() + e.err()).isZero();
        assertThat(e.out()).contains("read 6 = accepted 6").contains("1 show(s) computed");
        // w1 [19:00, 19:02) with heartbeats, w2 a lone join [19:01, 19:02): both present from 19:01.
        Map<String, Object> s2 = query(s -> row(s, "SELECT * FROM show_kpi WHERE show_id = 's2'"));
        assertThat(s2.get("unique_viewers")).isEqualTo(2L);
        assertThat(s2.get("peak_concurrent_viewers")).isEqualTo(2L);
        assertThat((Double) s2.get("avg_watch_seconds")).isEqualTo(90.0);
        Object s1After = query(s -> row(s, "SELECT computed_at FROM show_kpi WHERE show_id = 's1'").get("computed_at"));
        assertThat(s1After).isEqualTo(s1Before);
    }

    @Test
    @Order(4)
    void aLateReturnReopensTheShowWhoseWindowHeldThePurchase() throws IOException {
        // Day 3 brings only the return of c1's web line o1/1, dated 2026-03-03 09:00: inside s2's window,
        // while the purchase it cancels counted for s1. Both shows are recomputed; s1 loses its buyer.
        copy(Path.of("src/test/resources/landing_late_return"), landing);
        Execution e = run();
        assertThat(e.exitCode()).as(e.out() + e.err()).isZero();
        assertThat(e.out()).contains("read 1 = accepted 1").contains("2 show(s) computed");
        Map<String, Object> s1 = query(s -> row(s, "SELECT * FROM show_kpi WHERE show_id = 's1'"));
        assertThat(s1.get("buyers_24h")).isEqualTo(0L);
        assertThat((java.math.BigDecimal) s1.get("gmv_24h")).isEqualByComparingTo("0");
        // The return (orders through 2026-03-03 09:00) moves the data through to the latest viewer event of day 2.
        assertThat(((java.sql.Timestamp) s1.get("data_through")).toInstant())
                .isEqualTo(Instant.parse("2026-03-02T19:02:00Z"));
    }

    @Test
    @Order(5)
    void badArgumentsExitWithTwoAndSayWhatToFix() {
        Execution missing = showmetrics("run", "--input", dir.resolve("nope").toString(), "--data", data.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a folder");
        assertThat(showmetrics("run").exitCode()).isEqualTo(2);
        assertThat(showmetrics("frobnicate").exitCode()).isEqualTo(2);
    }
}
