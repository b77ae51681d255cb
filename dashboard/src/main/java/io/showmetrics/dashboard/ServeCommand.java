package io.showmetrics.dashboard;

import io.showmetrics.db.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: starts the dashboard on the serving database.
 *
 * <p>Without a database URL it starts (or attaches to) the embedded PostgreSQL in {@code DATA/postgres}
 * and stops it again when the dashboard shuts down. Flyway migrates the schema on start. The call
 * returns 0 once the server is up; the web server's threads keep the process alive until it is
 * stopped (Ctrl-C / SIGTERM, or {@link #stop()}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard. Each setting: flag, then environment variable, then default.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Serving database, e.g. jdbc:postgresql://host:5432/showmetrics "
                    + "(env SHOWMETRICS_DB_URL; default: embedded PostgreSQL in DATA/postgres).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (env SHOWMETRICS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (env SHOWMETRICS_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--port", paramLabel = "P",
            description = "HTTP port, 0 = any free port (env SHOWMETRICS_PORT; default 8080).")
    String port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder; the embedded PostgreSQL lives in DIR/postgres (env SHOWMETRICS_DATA; default ./data).")
    String data;

    @Option(names = "--demo-users", description = "Seed the demo users maria, eve and alex (password showtime) into an "
            + "empty user table and print them. For ./showmetrics demo and tests only: without it an empty user table "
            + "gets SHOWMETRICS_USERS, or else one user 'admin' with a generated password printed once.")
    boolean demoUsers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private Clock clock;
    private ConfigurableApplicationContext context;
    private EmbeddedPostgresServer postgres;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Makes the application read the time from {@code clock} instead of the system clock (tests move time
     * with it to check the provisional/final badges). Call before {@link #call()}.
     */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ServeSettings settings;
        try {
            settings = ServeSettings.resolve(db, dbUser, dbPassword, port, data, env);
        } catch (ServeSettings.InvalidSettingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            context = start(settings);
        } catch (RuntimeException e) {
            err.println("The dashboard could not start. " + explain(e, settings));
            err.flush();
            stop();
            return CommandLine.ExitCode.SOFTWARE;
        }
        // Runs at JVM exit; a no-op when stop() was already called.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "showmetrics-dashboard-shutdown"));
        return CommandLine.ExitCode.OK;
    }

    private ConfigurableApplicationContext start(ServeSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (settings.embeddedDatabase()) {
            postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), 0);
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.user());
            properties.put("spring.datasource.password", postgres.password());
        } else {
            properties.put("spring.datasource.url", settings.dbUrl());
            if (settings.dbUser() != null) {
                properties.put("spring.datasource.username", settings.dbUser());
            }
            if (settings.dbPassword() != null) {
                properties.put("spring.datasource.password", settings.dbPassword());
            }
        }
        properties.put("server.port", settings.port());
        if (demoUsers) {
            properties.put("showmetrics.demo-users", "true");
        }

        SpringApplication app = new SpringApplication(DashboardApplication.class);
        // Our own hook stops the web server before the embedded PostgreSQL, in that order.
        app.setRegisterShutdownHook(false);
        app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("showmetrics-serve", properties)));
        if (clock != null) {
            app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock));
        }
        return app.run();
    }

    /**
     * What went wrong at start, in one message naming the setting to fix: the full stack trace is already
     * in the log above it.
     */
    static String explain(Throwable failure, ServeSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException portInUse) {
                return "Port " + portInUse.getPort() + " is already in use: pass another --port (or SHOWMETRICS_PORT), "
                        + "or 0 for any free port.";
            }
            if (t instanceof SQLException sql) {
                String where = settings.embeddedDatabase() ? "the embedded PostgreSQL in "
                        + settings.dataDir().resolve("postgres") : settings.dbUrl();
                return "Cannot use the database " + where + ": " + sql.getMessage()
                        + " Check --db, --db-user and --db-password (or SHOWMETRICS_DB_URL, SHOWMETRICS_DB_USER, "
                        + "SHOWMETRICS_DB_PASSWORD).";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The running application, once {@link #call()} returned 0. */
    ConfigurableApplicationContext context() {
        return context;
    }

    /** Stops the dashboard, then the embedded PostgreSQL if this process started it. Idempotent. */
    synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
