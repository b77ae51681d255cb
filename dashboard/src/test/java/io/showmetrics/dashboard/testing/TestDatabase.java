package io.showmetrics.dashboard.testing;

import io.showmetrics.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One real PostgreSQL (the embedded server of module showmetrics-sql) per test JVM, in a temporary folder,
 * with one freshly migrated database per test class, so classes never see each other's rows.
 */
public final class TestDatabase {
    private static EmbeddedPostgresServer server;

    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String name, PGSimpleDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new database {@code name} (dropped first if left over), migrated with the serving schema. */
    public static TestDatabase create(String name) {
        EmbeddedPostgresServer pg = server();
        JdbcClient admin = JdbcClient.create(dataSource(pg.jdbcUrl(), pg));
        admin.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
        admin.sql("CREATE DATABASE " + name).update();
        PGSimpleDataSource ds = dataSource(url(pg, name), pg);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new TestDatabase(name, ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public String jdbcUrl() {
        return url(server(), name);
    }

    public String user() {
        return server().user();
    }

    /** Empties every serving table (users included). */
    public void truncateAll() {
        jdbc().sql("""
                TRUNCATE show, show_kpi, show_minute, show_moment, metric_definition, pipeline_run, ingest_file,
                         quarantine_reason, quarantine_sample, app_user, goal, experiment, experiment_variant,
                         experiment_result, experiment_incremental, experiment_decision, srm_acknowledgement, goal_audit, series_goal, store_attribution, retention_cohort,
                         channel_month, omnichannel_period, influenced_revenue, alert, live_run CASCADE""").update();
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("showmetrics-dashboard-test-pg");
                server = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteRecursively(dir);
                }, "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static String url(EmbeddedPostgresServer pg, String database) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
    }

    private static PGSimpleDataSource dataSource(String url, EmbeddedPostgresServer pg) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        return ds;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test database folder " + dir, e);
        }
    }
}
