package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** {@code serve} without {@code --db}: embedded PostgreSQL in DATA/postgres, migrated, seeded, stopped on stop. */
class ServeCommandIT {

    @Test
    void servesFromTheEmbeddedDatabaseAndStopsIt(@TempDir Path data) throws Exception {
        CommandLine cli = DashboardApplication.commandLine(Map.of("SHOWMETRICS_DATA", data.toString(),
                "SHOWMETRICS_PORT", "0"));
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        try {
            assertThat(cli.execute("serve")).isZero();

            String port = serve.context().getEnvironment().getProperty("local.server.port");
            assertThat(Integer.parseInt(port)).isNotEqualTo(8080);
            assertThat(data.resolve("postgres/postmaster.pid")).exists();
            JdbcClient jdbc = serve.context().getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT username || ':' || role FROM app_user ORDER BY username").query(String.class).list())
                    .containsExactly("alex:analyst", "eve:executive", "maria:marketing");
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isPositive();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in");
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/shows"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(401);
        } finally {
            serve.stop();
        }
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
    }
}
