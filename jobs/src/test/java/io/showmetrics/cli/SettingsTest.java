package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private static Settings settings(Map<String, String> env, String key, String value) {
        Properties p = new Properties();
        if (key != null) {
            p.setProperty(key, value);
        }
        return new Settings(env, p);
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() {
        Settings all = settings(Map.of("SHOWMETRICS_LAKE", "/env"), "lake", "/file");
        assertThat(all.resolve("/flag", "SHOWMETRICS_LAKE", "lake", "/default")).isEqualTo("/flag");
        assertThat(all.resolve(null, "SHOWMETRICS_LAKE", "lake", "/default")).isEqualTo("/env");
        assertThat(settings(Map.of(), "lake", "/file").resolve(null, "SHOWMETRICS_LAKE", "lake", "/default"))
                .isEqualTo("/file");
        assertThat(settings(Map.of(), null, null).resolve(null, "SHOWMETRICS_LAKE", "lake", "/default"))
                .isEqualTo("/default");
    }

    @Test
    void lakeDefaultsToTheDataFolderAndFollowsTheConfigFile() throws Exception {
        Path config = dir.resolve("sm.properties");
        Files.writeString(config, "data=" + dir.resolve("d") + "\nmaster=local[3]\n");
        CommonOptions o = new CommonOptions();
        o.config = config;
        o.useEnvironment(Map.of());
        assertThat(o.lake().root()).isEqualTo(dir.resolve("d").resolve("lake").toString());
        assertThat(o.master()).isEqualTo("local[3]");
        assertThat(o.reportingCurrency()).isEqualTo("EUR");
    }

    @Test
    void aMissingNamedConfigFileIsABadArgument() {
        CommonOptions o = new CommonOptions();
        o.config = dir.resolve("missing.properties");
        assertThatThrownBy(() -> o.useEnvironment(Map.of())).isInstanceOf(CliException.class)
                .hasMessageContaining("does not exist").extracting(e -> ((CliException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void aNonPostgresDatabaseUrlIsRejectedWithExitCodeTwo() {
        CommonOptions o = new CommonOptions();
        o.db = "jdbc:mysql://x/y";
        o.useEnvironment(Map.of());
        assertThatThrownBy(o::database).isInstanceOf(CliException.class).hasMessageContaining("PostgreSQL JDBC URL");
    }

    @Test
    void theConversionWindowIsSpecsDefaultOverriddenByFlagEnvironmentOrFile() throws Exception {
        Path config = dir.resolve("w.properties");
        Files.writeString(config, "window.conversion=36h\nwindow.store_visit=P7D\n");
        CommonOptions o = new CommonOptions();
        o.config = config;
        o.useEnvironment(Map.of());
        assertThat(o.windows().conversion()).isEqualTo(java.time.Duration.ofHours(36));
        o.useEnvironment(Map.of("SHOWMETRICS_WINDOW_CONVERSION", "18h"));
        assertThat(o.windows().conversion()).isEqualTo(java.time.Duration.ofHours(18));
        o.windows = Map.of("conversion", "12h");
        io.showmetrics.core.windows.Windows w = o.windows();
        assertThat(w.conversion()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(w.storeVisit()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(w.nextShowRetention()).isEqualTo(java.time.Duration.ofDays(30));

        CommonOptions defaults = new CommonOptions();
        defaults.useEnvironment(Map.of());
        assertThat(defaults.windows()).isEqualTo(io.showmetrics.core.windows.Windows.DEFAULTS);
    }

    @Test
    void aWindowTheJobsDoNotFollowYetCannotBeChangedSilently() {
        CommonOptions o = new CommonOptions();
        o.useEnvironment(Map.of("SHOWMETRICS_WINDOW_STORE_VISIT", "14d"));
        assertThatThrownBy(o::windows).isInstanceOf(CliException.class)
                .hasMessageContaining("store_visit cannot be changed yet").hasMessageContaining("conversion")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void aBadWindowIsABadArgumentNamingIt() {
        CommonOptions o = new CommonOptions();
        o.windows = Map.of("convertion", "12h");
        o.useEnvironment(Map.of());
        assertThatThrownBy(o::windows).isInstanceOf(CliException.class).hasMessageContaining("convertion")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(2);
        o.windows = Map.of("conversion", "a day");
        assertThatThrownBy(o::windows).hasMessageContaining("Window conversion");
    }
}
