package io.showmetrics.cli;

import io.showmetrics.generator.GeneratorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: generate a sample, run the whole pipeline, and serve the dashboard. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a realistic sample into DATA/landing, run ingest -> compute -> publish on local Spark "
                + "with the embedded PostgreSQL, then start the dashboard on http://localhost:PORT. With --live, "
                + "replay the sample's last show in accelerated real time into DATA/live instead.")
final class DemoCommand implements Callable<Integer> {
    static final double DEFAULT_DEMO_SCALE = 0.05;

    @Option(names = "--scale", paramLabel = "N", description = "Sample size (default ${DEFAULT-VALUE}; 1 is about "
            + "10 million records).")
    double scale = DEFAULT_DEMO_SCALE;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--port", paramLabel = "P", description = "Dashboard port (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--no-serve", description = "Stop after publishing (do not start the dashboard).")
    boolean noServe;

    @Option(names = "--live", description = "Replay a generated show in accelerated real time (live mode): its "
            + "numbers and an alert appear on the Show page while you watch. Uses DATA/live unless --data is given.")
    boolean live;

    @Option(names = "--speed", paramLabel = "X", description = "With --live: show seconds per wall second "
            + "(default ${DEFAULT-VALUE}: a 60-minute show plays in 6 minutes).")
    double speed = LiveDemo.DEFAULT_SPEED;

    @Option(names = "--show", paramLabel = "SHOW_ID",
            description = "With --live: the show to replay (default: the sample's last show).")
    String show;

    @Option(names = "--verbose",
            description = "Print the reconciliation of every landing file, not one line per entity.")
    boolean verbose;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (live) {
            return live(out);
        }
        if (show != null || speed != LiveDemo.DEFAULT_SPEED) {
            throw new CliException("--show and --speed go with --live (./showmetrics demo --live --speed 20)", 2);
        }
        Path data = options.dataDir();
        Path landing = data.resolve("landing");
        Path marker = data.resolve("demo.properties");
        Properties wanted = new Properties();
        wanted.setProperty("scale", Double.toString(scale));
        wanted.setProperty("seed", Long.toString(seed));
        Properties existing = read(marker);
        if (existing != null && existing.equals(wanted) && Files.isDirectory(landing)) {
            out.println("demo: reusing the sample in " + landing + " (scale " + scale + ", seed " + seed + ")");
        } else if (Files.isDirectory(landing)) {
            throw new CliException("demo: " + landing + " already holds another sample"
                    + (existing == null ? "" : " (scale " + existing.getProperty("scale") + ", seed "
                            + existing.getProperty("seed") + ")")
                    + ". Remove " + data + " to start over, or pass --data with another folder.", 2);
        } else {
            out.println("demo: generating a sample (scale " + scale + ", seed " + seed + ") into " + landing);
            out.flush();
            GeneratorOptions g = GeneratorOptions.defaults(landing);
            GenerateCommand.run(new GeneratorOptions(landing, scale, seed, g.start(), g.days(), g.badRate()), out);
            write(marker, wanted, "the sample ./showmetrics demo generated in landing/");
        }
        RunCommand.Outcome outcome = RunCommand.execute(landing.toString(), options, false, verbose, clock, out);
        if (outcome.failed()) {
            return 1;
        }
        if (noServe) {
            out.println("demo: done; start the dashboard with ./showmetrics serve --data " + data);
            out.flush();
            return 0;
        }
        out.println();
        out.println("demo: starting the dashboard on http://localhost:" + port + " (Ctrl-C to stop)");
        out.flush();
        return DashboardProcess.serve(serveArguments(port, data.toString()));
    }

    /** {@code --live}: the live demo in its own data folder, {@code DATA/live} unless --data is given. */
    private int live(PrintWriter out) {
        if (!(speed > 0) || speed > ReplayClock.MAX_SPEED) {
            throw new CliException("--speed must be a number of show seconds per second in (0, "
                    + (long) ReplayClock.MAX_SPEED + "], got " + speed, 2);
        }
        if (options.data == null) {
            options.data = liveDataDir(options.dataDir()).toString();
        }
        return new LiveDemo(options, scale, seed, speed, port, !noServe, show, clock, out).run();
    }

    /** Where {@code demo --live} keeps its sample, lake and database when no --data is given. */
    static Path liveDataDir(Path data) {
        return data.resolve("live");
    }

    /**
     * The dashboard's {@code serve} arguments for the demo: the embedded database in {@code data}, and
     * {@code --demo-users} so that an empty user table gets the demo users (maria, eve, alex / showtime) and the
     * console prints them; a plain {@code serve} never seeds those well-known passwords.
     */
    static List<String> serveArguments(int port, String data) {
        List<String> args = ServeCommand.arguments(null, null, null, port, data);
        args.add("--demo-users");
        return args;
    }

    static Properties read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static void write(Path file, Properties p, String comment) {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
