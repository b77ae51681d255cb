package io.showmetrics.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the dashboard alone, on the published serving tables. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the dashboard on the serving tables (embedded PostgreSQL by default).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL JDBC URL (env SHOWMETRICS_DB_URL).")
    String db;

    @Option(names = "--db-user", description = "Database user (env SHOWMETRICS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (env SHOWMETRICS_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--port", paramLabel = "P", description = "HTTP port (env SHOWMETRICS_PORT; default 8080).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Base folder of the embedded PostgreSQL "
            + "(env SHOWMETRICS_DATA; default ./data).")
    String data;

    @Override
    public Integer call() {
        return DashboardProcess.serve(arguments(db, dbUser, dbPassword, port, data));
    }

    static List<String> arguments(String db, String dbUser, String dbPassword, Integer port, String data) {
        List<String> args = new ArrayList<>();
        add(args, "--db", db);
        add(args, "--db-user", dbUser);
        add(args, "--db-password", dbPassword);
        add(args, "--port", port == null ? null : port.toString());
        add(args, "--data", data);
        return args;
    }

    private static void add(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }
}
