package io.showmetrics.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./showmetrics} command line. Exit codes: 0 success, 1 failure, 2 bad arguments. */
@Command(name = "showmetrics", mixinStandardHelpOptions = true, version = "showmetrics 0.1.0",
        description = "Live-commerce analytics: ingest show exports, compute KPIs on Spark + Delta, publish to "
                + "PostgreSQL, and chart them on the dashboard.",
        subcommands = {DemoCommand.class, GenerateCommand.class, RunCommand.class, IngestCommand.class,
                ComputeCommand.class, PublishCommand.class, ServeCommand.class, LiveCommand.class})
public final class Showmetrics implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Before Spark installs its shutdown hook: how long Hadoop lets that hook (Ctrl-C's orderly stop) run.
        org.apache.hadoop.conf.Configuration.addDefaultResource("showmetrics-shutdown.xml");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests through {@code execute(...)}. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Showmetrics());
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CliException cli) {
                err.println("error: " + cli.getMessage());
                err.flush();
                return cli.exitCode();
            }
            err.println("error: " + describe(e));
            if (System.getenv("SHOWMETRICS_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set SHOWMETRICS_DEBUG=1 for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return cmd;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append("\n  caused by: ").append(c.getMessage());
            }
        }
        return b.toString();
    }
}
