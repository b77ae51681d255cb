package io.showmetrics.dashboard;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The showmetrics dashboard: a Spring Boot web application that reads the PostgreSQL serving tables
 * (SPEC section 3) and never touches Spark or the lake.
 *
 * <p>Entry point: {@code showmetrics-dashboard serve [--db JDBC_URL] [--port P] ...}; see {@link ServeCommand}.
 * Exit codes: 0 success (the server keeps running), 1 failure, 2 bad arguments.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

    /** The picocli root command; its only job is to hold the subcommands. */
    @Command(name = "showmetrics-dashboard", mixinStandardHelpOptions = true,
            description = "The showmetrics dashboard.", subcommands = ServeCommand.class)
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'serve'.");
        }
    }

    public static void main(String[] args) {
        int exitCode = commandLine(System.getenv()).execute(args);
        // A successful 'serve' returns 0 while the web server keeps the JVM alive on its own threads.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The command line with the given environment (settings fall back to it after the flags). */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ServeCommand.class) {
                    return cls.cast(new ServeCommand(env));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return new CommandLine(new Root(), factory);
    }
}
