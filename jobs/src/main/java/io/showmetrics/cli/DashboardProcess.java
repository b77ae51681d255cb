package io.showmetrics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the dashboard (a separate Spring Boot jar that never loads Spark) as a child process that
 * shares this terminal, and waits for it.
 */
final class DashboardProcess {
    static final String JAR_PROPERTY = "showmetrics.dashboard.jar";
    static final String DEFAULT_JAR = "dashboard/target/showmetrics-dashboard.jar";

    private DashboardProcess() {}

    static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = Path.of(configured != null ? configured : DEFAULT_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new CliException("The dashboard jar " + jar.toAbsolutePath() + " is missing. Build it with "
                    + "'mvn -B package' (./showmetrics does this on first use) or set -D" + JAR_PROPERTY + ".", 1);
        }
        return jar;
    }

    /** Runs {@code java -jar dashboard.jar serve ARGS} in the foreground; returns its exit code. */
    static int serve(List<String> args) {
        Process p = start(args);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * Starts {@code java -jar dashboard.jar serve ARGS} sharing this terminal, and returns it running; it is
     * stopped when this JVM exits.
     */
    static Process start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String heap = System.getenv().getOrDefault("SHOWMETRICS_DASHBOARD_HEAP", "512m");
        command.add("-Xmx" + heap);
        command.add("-jar");
        command.add(jar().toString());
        command.add("serve");
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return p;
        } catch (IOException e) {
            throw new CliException("Could not start the dashboard (" + String.join(" ", command) + "): "
                    + e.getMessage(), 1);
        }
    }
}
