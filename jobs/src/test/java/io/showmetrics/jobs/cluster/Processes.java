package io.showmetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's scripts and command lines as child processes for the integration tests of
 * this package: output to a log file, a deadline, and every process of the tree ended by its PID when
 * the deadline passes.
 */
final class Processes {
    private Processes() {}

    /** The repository root (failsafe runs in the jobs module). */
    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The jobs module's build folder (target, or the one named by -Dsm.target): where the test classes are. */
    static Path buildDirectory() {
        try {
            Path testClasses = Path.of(Processes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test classes are not in a folder", e);
        }
    }

    /** The Java 17 running the tests, for the child JVMs. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Spark JVM flags this test JVM got from the build (the --add-opens list and friends). */
    static List<String> sparkJvmFlags() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules")
                        || a.equals("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect.")
                        || a.startsWith("-Dio.netty."))
                .toList();
    }

    /**
     * Runs a command to completion and returns its exit code; its output goes to {@code log}.
     *
     * @param env added to the inherited environment
     * @param timeout after which the process and its descendants are killed and the test fails
     */
    static int run(List<String> command, Map<String, String> env, Path log, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(repositoryRoot().toFile());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "; the end of its output:\n" + tail(log, 60));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Like {@link #run} but the command must exit with 0. */
    static void runOk(List<String> command, Map<String, String> env, Path log, Duration timeout) {
        int code = run(command, env, log, timeout);
        assertThat(code).as("exit code of %s; the end of its output:\n%s", String.join(" ", command), tail(log, 150))
                .isZero();
    }

    /** The last lines of a log, for failure messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
