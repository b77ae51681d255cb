package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * The dashboard as a user starts it, through {@code serve}, against a freshly migrated test database
 * filled by {@code seed}, on a free port, with the given clock and the demo users: the common setup of the browser
 * tests.
 */
final class ServedDashboard implements AutoCloseable {
    private final ServeCommand serve;
    private final String baseUrl;

    private ServedDashboard(ServeCommand serve, String baseUrl) {
        this.serve = serve;
        this.baseUrl = baseUrl;
    }

    static ServedDashboard start(String database, Clock clock, Path dataDir, Consumer<JdbcClient> seed) {
        TestDatabase db = TestDatabase.create(database);
        seed.accept(db.jdbc());
        CommandLine cli = DashboardApplication.commandLine(Map.of());
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        serve.useClock(clock);
        // The demo users (maria, eve, alex / showtime), as ./showmetrics demo asks for them.
        int exitCode = cli.execute("serve", "--db", db.jdbcUrl(), "--db-user", db.user(), "--port", "0",
                "--data", dataDir.toString(), "--demo-users");
        assertThat(exitCode).isZero();
        return new ServedDashboard(serve,
                "http://127.0.0.1:" + serve.context().getEnvironment().getProperty("local.server.port"));
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        serve.stop();
    }
}
