package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServeSettingsTest {
    private static final Map<String, String> NO_ENV = Map.of();
    private static final Map<String, String> FULL_ENV = Map.of(
            "SHOWMETRICS_DB_URL", "jdbc:postgresql://env-host/db",
            "SHOWMETRICS_DB_USER", "env-user",
            "SHOWMETRICS_DB_PASSWORD", "env-pw",
            "SHOWMETRICS_PORT", "9000",
            "SHOWMETRICS_DATA", "/srv/env-data");

    @Nested
    class Precedence {
        @Test
        void defaultsApplyWithoutFlagsOrEnvironment() {
            ServeSettings s = ServeSettings.resolve(null, null, null, null, null, NO_ENV);

            assertThat(s.dbUrl()).isNull();
            assertThat(s.embeddedDatabase()).isTrue();
            assertThat(s.port()).isEqualTo(8080);
            assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        }

        @Test
        void environmentOverridesDefaults() {
            ServeSettings s = ServeSettings.resolve(null, null, null, null, null, FULL_ENV);

            assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://env-host/db");
            assertThat(s.dbUser()).isEqualTo("env-user");
            assertThat(s.dbPassword()).isEqualTo("env-pw");
            assertThat(s.port()).isEqualTo(9000);
            assertThat(s.dataDir()).isEqualTo(Path.of("/srv/env-data"));
            assertThat(s.embeddedDatabase()).isFalse();
        }

        @Test
        void flagsOverrideEnvironment() {
            ServeSettings s = ServeSettings.resolve("jdbc:postgresql://flag-host/db", "flag-user", "flag-pw", "7000",
                    "/srv/flag-data", FULL_ENV);

            assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://flag-host/db");
            assertThat(s.dbUser()).isEqualTo("flag-user");
            assertThat(s.dbPassword()).isEqualTo("flag-pw");
            assertThat(s.port()).isEqualTo(7000);
            assertThat(s.dataDir()).isEqualTo(Path.of("/srv/flag-data"));
        }

        @Test
        void blankEnvironmentVariableCountsAsUnset() {
            ServeSettings s = ServeSettings.resolve(null, null, null, null, null,
                    Map.of("SHOWMETRICS_PORT", " ", "SHOWMETRICS_DB_URL", ""));

            assertThat(s.port()).isEqualTo(8080);
            assertThat(s.embeddedDatabase()).isTrue();
        }
    }

    @Nested
    class Port {
        @Test
        void zeroMeansAnyFreePort() {
            assertThat(ServeSettings.resolve(null, null, null, "0", null, NO_ENV).port()).isZero();
        }

        @Test
        void nonNumericPortNamesItsSource() {
            assertThatThrownBy(() -> ServeSettings.resolve(null, null, null, null, null, Map.of("SHOWMETRICS_PORT", "http")))
                    .isInstanceOf(ServeSettings.InvalidSettingException.class)
                    .hasMessageContaining("'http'").hasMessageContaining("SHOWMETRICS_PORT");
        }

        @Test
        void portAboveTheRangeIsRejected() {
            assertThatThrownBy(() -> ServeSettings.resolve(null, null, null, "70000", null, NO_ENV))
                    .isInstanceOf(ServeSettings.InvalidSettingException.class)
                    .hasMessageContaining("--port").hasMessageContaining("0 to 65535");
        }
    }
}
