package io.showmetrics.cli;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.db.EmbeddedPostgresServer;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.jobs.publish.ServingDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the pipeline commands, resolved through {@link Settings}. */
final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Base folder for the embedded defaults: lake in DIR/lake, PostgreSQL in DIR/postgres "
                    + "(env SHOWMETRICS_DATA; default ./data).")
    String data;

    @Option(names = "--lake", paramLabel = "PATH",
            description = "Delta Lake root: a folder or any Hadoop URI such as s3a://bucket/lake "
                    + "(env SHOWMETRICS_LAKE; default DATA/lake).")
    String lake;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL 14+ for the serving tables (env SHOWMETRICS_DB_URL; default: the embedded "
                    + "server with its data in DATA/postgres).")
    String db;

    @Option(names = "--db-user", description = "Database user (env SHOWMETRICS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (env SHOWMETRICS_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--master", description = "Spark master (env SHOWMETRICS_MASTER; default local[*]; "
            + "ignored under spark-submit, which sets its own).")
    String master;

    @Option(names = "--reporting-currency", paramLabel = "ISO",
            description = "Currency all revenue is reported in (env SHOWMETRICS_REPORTING_CURRENCY; default EUR).")
    String reportingCurrency;

    @Option(names = "--window", paramLabel = "NAME=DURATION",
            description = "A metric window: conversion (default 24h, SPEC's); a whole number with s, m, h or d, or "
                    + "ISO-8601 (PT24H) (env SHOWMETRICS_WINDOW_<NAME>; file window.<name>). The other windows "
                    + "(heartbeat_timeout, live_grace, moment_effect, store_visit, time_decay_half_life, "
                    + "next_show_retention, experiment_pre_period) keep SPEC's defaults in this version.")
    Map<String, String> windows;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (java properties: data, lake, db.url, db.user, db.password, master, "
                    + "reporting_currency, window.<name>); env SHOWMETRICS_CONFIG; default "
                    + "./showmetrics.properties if present.")
    Path config;

    private Settings settings;

    Settings settings() {
        if (settings == null) {
            settings = Settings.load(config, System.getenv());
        }
        return settings;
    }

    /** Test hook: resolve against a given environment instead of the process's. */
    void useEnvironment(Map<String, String> env) {
        settings = Settings.load(config, env);
    }

    Path dataDir() {
        return Path.of(settings().resolve(data, "SHOWMETRICS_DATA", "data", Settings.DEFAULT_DATA));
    }

    Lake lake() {
        return new Lake(settings().resolve(lake, "SHOWMETRICS_LAKE", "lake",
                dataDir().resolve("lake").toAbsolutePath().normalize().toString()));
    }

    String master() {
        return settings().resolve(master, "SHOWMETRICS_MASTER", "master", Settings.DEFAULT_MASTER);
    }

    String reportingCurrency() {
        return settings().resolve(reportingCurrency, "SHOWMETRICS_REPORTING_CURRENCY", "reporting_currency",
                Settings.DEFAULT_REPORTING_CURRENCY);
    }

    /** The metric windows: SPEC's defaults, each overridden by flag, environment or settings file. */
    Windows windows() {
        Windows w = Windows.DEFAULTS;
        if (windows != null) {
            for (String name : windows.keySet()) {
                if (!Windows.NAMES.contains(name)) {
                    throw new CliException("Unknown window " + name + " in --window; the windows are "
                            + String.join(", ", Windows.NAMES) + ".", 2);
                }
            }
        }
        for (String name : Windows.NAMES) {
            String value = settings().resolve(windows == null ? null : windows.get(name),
                    "SHOWMETRICS_WINDOW_" + name.toUpperCase(Locale.ROOT), "window." + name, null);
            if (value != null) {
                Duration d;
                try {
                    d = Windows.parse(value);
                    w = w.with(name, d);
                } catch (IllegalArgumentException e) {
                    throw new CliException("Window " + name + ": " + e.getMessage(), 2);
                }
                if (!Windows.SETTABLE.contains(name) && !d.equals(Windows.DEFAULTS.get(name))) {
                    throw new CliException("Window " + name + " cannot be changed yet: the jobs compute it with "
                            + "SPEC's default (" + Windows.DEFAULTS.get(name) + "); the windows that are settings "
                            + "are " + String.join(", ", Windows.SETTABLE) + ".", 2);
                }
            }
        }
        return w;
    }

    /** The serving database: the given URL, or the embedded server (started here, stopped on close). */
    Database database() {
        String url = settings().resolve(db, "SHOWMETRICS_DB_URL", "db.url", null);
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new CliException("--db must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://host:5432/showmetrics, got: " + url, 2);
            }
            return new Database(new ServingDatabase(url,
                    settings().resolve(dbUser, "SHOWMETRICS_DB_USER", "db.user", null),
                    settings().resolve(dbPassword, "SHOWMETRICS_DB_PASSWORD", "db.password", null)), null, null);
        }
        // Stopped on close, or at JVM exit by a hook in Spark's ordered shutdown sequence that runs after the live
        // loop's (which lets a cycle under way finish its writes to this server) and after Spark stops.
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir().resolve("postgres"), 0, false);
        Object hook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(EMBEDDED_DB_SHUTDOWN_PRIORITY, () -> {
            pg.close();
            return scala.runtime.BoxedUnit.UNIT;
        });
        return new Database(new ServingDatabase(pg.jdbcUrl(), pg.user(), pg.password()), pg, hook);
    }

    /** Below Spark's own (50) and the live loop's (100): the embedded server stops last. */
    static final int EMBEDDED_DB_SHUTDOWN_PRIORITY = 40;

    /**
     * These options with the serving database fixed to {@code db}: for a command that keeps one embedded server
     * running and hands it to the steps it calls ({@code demo --live}), since a second {@link #database()} in the
     * same process would take the server for one left by a dead process.
     */
    CommonOptions attachedTo(ServingDatabase db) {
        CommonOptions copy = new CommonOptions();
        copy.data = data;
        copy.lake = lake;
        copy.db = db.url();
        copy.dbUser = db.user();
        copy.dbPassword = db.password();
        copy.master = master;
        copy.reportingCurrency = reportingCurrency;
        copy.windows = windows;
        copy.config = config;
        copy.settings = settings();
        return copy;
    }

    /** A serving database, with the embedded server behind it when there is one. */
    record Database(ServingDatabase db, EmbeddedPostgresServer embedded, Object shutdownHook)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
            if (shutdownHook != null) {
                try {
                    org.apache.spark.util.ShutdownHookManager.removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs (and finds the server stopped)
                }
            }
        }
    }
}
