package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;

/** The command line up to (not including) starting the server: help, and exit code 2 on bad arguments. */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = DashboardApplication.commandLine(env);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void serveHelpListsEverySettingWithItsEnvironmentVariable() {
        int code = run(Map.of(), "serve", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--db", "--db-user", "--db-password", "--port", "--data",
                "SHOWMETRICS_DB_URL", "SHOWMETRICS_DB_USER", "SHOWMETRICS_DB_PASSWORD", "SHOWMETRICS_PORT",
                "SHOWMETRICS_DATA");
    }

    @Test
    void unknownOptionExitsWith2() {
        assertThat(run(Map.of(), "serve", "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString()).contains("--colour");
    }

    @Test
    void missingCommandExitsWith2() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("serve");
    }

    @Test
    void badPortFlagExitsWith2() {
        assertThat(run(Map.of(), "serve", "--port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid port 'eighty' from --port");
    }

    @Test
    void badPortInEnvironmentExitsWith2() {
        assertThat(run(Map.of("SHOWMETRICS_PORT", "99999"), "serve")).isEqualTo(2);
        assertThat(err.toString()).contains("SHOWMETRICS_PORT");
    }

    @Nested
    class StartupFailure {
        private final ServeSettings external = ServeSettings.resolve("jdbc:postgresql://db.example:5432/sm", null, null,
                null, null, Map.of());

        @Test
        void unreachableDatabaseNamesTheUrlAndTheSettingsToCheck() {
            var failure = new IllegalStateException("context failed",
                    new RuntimeException("flyway", new SQLException("Connection to db.example:5432 refused.")));

            assertThat(ServeCommand.explain(failure, external))
                    .isEqualTo("Cannot use the database jdbc:postgresql://db.example:5432/sm: Connection to "
                            + "db.example:5432 refused. Check --db, --db-user and --db-password (or SHOWMETRICS_DB_URL, "
                            + "SHOWMETRICS_DB_USER, SHOWMETRICS_DB_PASSWORD).");
        }

        @Test
        void portInUseSuggestsAnotherPort() {
            var failure = new IllegalStateException("context failed", new PortInUseException(8080));

            assertThat(ServeCommand.explain(failure, external)).startsWith("Port 8080 is already in use")
                    .contains("--port");
        }

        @Test
        void anyOtherFailureGivesItsRootCause() {
            var failure = new IllegalStateException("outer", new IllegalArgumentException("Invalid user 'bob'"));

            assertThat(ServeCommand.explain(failure, external)).isEqualTo("Invalid user 'bob'");
        }
    }
}
