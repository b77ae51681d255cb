package io.showmetrics.dashboard;

import java.nio.file.Path;
import java.util.Map;

/**
 * The settings of {@code serve}, each resolved in one order: command-line flag, then environment
 * variable, then default.
 *
 * @param dbUrl JDBC URL of the serving database, or {@code null} to start the embedded PostgreSQL
 * @param dbUser database user, or {@code null} (the driver's default, or the URL's own)
 * @param dbPassword database password, or {@code null}
 * @param port HTTP port; 0 picks any free port
 * @param dataDir data folder; the embedded PostgreSQL keeps its files in {@code dataDir/postgres}
 */
record ServeSettings(String dbUrl, String dbUser, String dbPassword, int port, Path dataDir) {
    static final String ENV_DB_URL = "SHOWMETRICS_DB_URL";
    static final String ENV_DB_USER = "SHOWMETRICS_DB_USER";
    static final String ENV_DB_PASSWORD = "SHOWMETRICS_DB_PASSWORD";
    static final String ENV_PORT = "SHOWMETRICS_PORT";
    static final String ENV_DATA = "SHOWMETRICS_DATA";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATA = "./data";

    /** Raised for a setting that cannot be used; the message names the setting and the fix. */
    static final class InvalidSettingException extends RuntimeException {
        InvalidSettingException(String message) {
            super(message);
        }
    }

    /**
     * Resolves every setting: a non-null flag wins, then a non-blank environment variable, then the default.
     *
     * @throws InvalidSettingException when a port is not a number in 0..65535
     */
    static ServeSettings resolve(String dbFlag, String userFlag, String passwordFlag, String portFlag,
                                 String dataFlag, Map<String, String> env) {
        String dbUrl = pick(dbFlag, env.get(ENV_DB_URL), null);
        String user = pick(userFlag, env.get(ENV_DB_USER), null);
        String password = pick(passwordFlag, env.get(ENV_DB_PASSWORD), null);
        String portText = pick(portFlag, env.get(ENV_PORT), Integer.toString(DEFAULT_PORT));
        String portSource = portFlag != null ? "--port" : (isBlank(env.get(ENV_PORT)) ? "default" : ENV_PORT);
        String data = pick(dataFlag, env.get(ENV_DATA), DEFAULT_DATA);
        return new ServeSettings(dbUrl, user, password, parsePort(portText, portSource), Path.of(data));
    }

    private static int parsePort(String text, String source) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("Invalid port '" + text + "' from " + source
                    + ": give a number from 0 to 65535 (0 = any free port).");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidSettingException("Invalid port " + port + " from " + source
                    + ": give a number from 0 to 65535 (0 = any free port).");
        }
        return port;
    }

    private static String pick(String flag, String envValue, String fallback) {
        if (flag != null) {
            return flag;
        }
        return isBlank(envValue) ? fallback : envValue;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    boolean embeddedDatabase() {
        return dbUrl == null;
    }
}
