package io.showmetrics.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {
    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartAndFsyncIsOn() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            assertThat(pg.owned()).isTrue();
            s.execute("CREATE TABLE kept (x int)");
            s.execute("INSERT INTO kept VALUES (42)");
            try (ResultSet rs = s.executeQuery("SHOW fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT x FROM kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void attachesToTheServerAlreadyRunningOnTheFolder() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
            // Same JVM: the owner is this process, so a second start must not kill the first server.
            Path owner = data.resolveSibling("postgres." + EmbeddedPostgresServer.OWNER_FILE);
            java.nio.file.Files.writeString(owner, Long.toString(ProcessHandle.current().parent().orElseThrow().pid()));
            try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, 0)) {
                assertThat(second.owned()).isFalse();
                assertThat(second.port()).isEqualTo(first.port());
            }
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }
}
