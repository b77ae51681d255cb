package io.showmetrics.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves every setting in one documented order of precedence: command-line flag, then environment
 * variable, then the properties file ({@code --config}, {@code $SHOWMETRICS_CONFIG} or
 * {@code ./showmetrics.properties}), then the default constant.
 */
final class Settings {
    static final String DEFAULT_DATA = "./data";
    static final String DEFAULT_MASTER = "local[*]";
    static final String DEFAULT_REPORTING_CURRENCY = "EUR";
    static final String DEFAULT_CONFIG_FILE = "showmetrics.properties";

    private final Map<String, String> env;
    private final Properties file;

    Settings(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    /** Loads the properties file named by the flag, the environment, or the default name if present. */
    static Settings load(Path configFlag, Map<String, String> env) {
        Properties props = new Properties();
        Path path = configFlag != null ? configFlag
                : env.containsKey("SHOWMETRICS_CONFIG") ? Path.of(env.get("SHOWMETRICS_CONFIG"))
                : Path.of(DEFAULT_CONFIG_FILE);
        boolean required = configFlag != null || env.containsKey("SHOWMETRICS_CONFIG");
        if (Files.exists(path)) {
            try (Reader r = Files.newBufferedReader(path)) {
                props.load(r);
            } catch (IOException e) {
                throw new CliException("Cannot read the settings file " + path + ": " + e.getMessage(), 2);
            }
        } else if (required) {
            throw new CliException("The settings file " + path + " does not exist. Fix --config or "
                    + "SHOWMETRICS_CONFIG, or remove it to use the defaults.", 2);
        }
        return new Settings(env, props);
    }

    /**
     * @param flag the command-line value, null when not given
     * @param envName environment variable name, e.g. {@code SHOWMETRICS_LAKE}
     * @param key properties-file key, e.g. {@code lake}
     * @param defaultValue used when nothing else sets it (may be null)
     */
    String resolve(String flag, String envName, String key, String defaultValue) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        String e = env.get(envName);
        if (e != null && !e.isBlank()) {
            return e;
        }
        String f = file.getProperty(key);
        if (f != null && !f.isBlank()) {
            return f.trim();
        }
        return defaultValue;
    }
}
