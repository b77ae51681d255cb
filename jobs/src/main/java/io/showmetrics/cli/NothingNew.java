package io.showmetrics.cli;

import io.showmetrics.ingest.spark.InterruptedRuns;
import io.showmetrics.ingest.spark.LandingScanner;
import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.jobs.publish.PublishJob;
import io.showmetrics.jobs.publish.ServingDatabase;
import io.showmetrics.runtime.NioLocalFileSystem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * A {@code run} with nothing new, answered without Spark.
 *
 * <p>A run that succeeded leaves {@code <lake>/_state/last_run.properties}: the fingerprint of the landing folder
 * it saw (every landing file's path, size and modification time) and its run id. The next {@code run} lists the
 * landing folder; when the fingerprint is the same, no run was left unfinished in the lake, and the serving
 * database's latest run is that run, the lake and the serving tables are exactly as that run left them: the run
 * records itself as {@code nothing_new} and stops, without starting Spark. Anything else (a changed, added or
 * removed file, {@code --full}, a lake that is not a local folder, another database) takes the full path.
 *
 * <p>Every step that can change the lake or the serving tables ({@code ingest}, {@code compute},
 * {@code publish}, alone or in a {@code run}) removes the file before it starts, so it only ever describes a
 * lake that a successful run left.
 */
final class NothingNew {
    static final String STATE = "_state/last_run.properties";

    private NothingNew() {}

    /**
     * The earlier run whose results still stand, when nothing changed since it; empty otherwise (take the full
     * path).
     */
    static Optional<String> since(Lake lake, Landing landing, ServingDatabase db) {
        Path state = stateFile(lake);
        if (state == null || !Files.isRegularFile(state) || runsInProgress(lake)) {
            return Optional.empty();
        }
        Properties last = new Properties();
        try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            last.load(r);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        String run = last.getProperty("run_id");
        if (run == null || !landing.fingerprint().equals(last.getProperty("landing_fingerprint"))) {
            return Optional.empty();
        }
        PublishJob.RunStatus latest = PublishJob.latestRun(db);
        boolean stands = latest != null && latest.runId().equals(run)
                && ("succeeded".equals(latest.status()) || "nothing_new".equals(latest.status()));
        return stands ? Optional.of(run) : Optional.empty();
    }

    /**
     * After a run that succeeded: the landing folder as listed before its ingest (a file that arrives later makes
     * the next run take the full path) and its id. Nothing, for a lake that is not local.
     */
    static void remember(Lake lake, Landing landing, String runId) {
        Path state = stateFile(lake);
        if (state == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("run_id", runId);
        p.setProperty("landing_fingerprint", landing.fingerprint());
        try {
            Files.createDirectories(state.getParent());
            Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "showmetrics: the last run that succeeded; a run finding this landing folder unchanged "
                        + "stops without Spark (delete this file to force the full check)");
            }
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + state + ": " + e.getMessage(), e);
        }
    }

    /** Before a step that may change the lake or the serving tables. */
    static void forget(Lake lake) {
        Path state = stateFile(lake);
        if (state != null) {
            try {
                Files.deleteIfExists(state);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + state + " (remove it by hand): " + e.getMessage(), e);
            }
        }
    }

    /** The landing folder as ingest lists it: its fingerprint and its size. */
    record Landing(String fingerprint, long bytes) {}

    /**
     * Lists the landing folder as ingest does, without Spark: the SHA-256 of every landing file's relative path,
     * size and modification time, and their total size.
     */
    static Landing landing(String input) {
        Configuration conf = new Configuration(false);
        NioLocalFileSystem.HADOOP_CONF.forEach(conf::set);
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(input);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String prefix;
        try {
            prefix = root.getFileSystem(conf).makeQualified(root).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bytes = 0;
        for (LandingFile f : LandingScanner.scan(conf, input, Entities.ALL)) {
            bytes += f.getSize();
            String path = f.getPath().startsWith(prefix) ? f.getPath().substring(prefix.length()) : f.getPath();
            sha.update((path + '\t' + f.getSize() + '\t' + f.getModifiedAtMillis() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Landing(HexFormat.of().formatHex(sha.digest()), bytes);
    }

    /** The state file of a lake on the local file system; null for any other lake (s3a://, hdfs://). */
    static Path stateFile(Lake lake) {
        String root = lake.root();
        if (root.startsWith("file:")) {
            return Path.of(URI.create(root)).resolve(STATE);
        }
        return root.contains("://") ? null : Path.of(root).toAbsolutePath().resolve(STATE);
    }

    private static boolean runsInProgress(Lake lake) {
        Path markers = stateFile(lake).getParent().resolveSibling("bronze").resolve(InterruptedRuns.IN_PROGRESS);
        if (!Files.isDirectory(markers)) {
            return false;
        }
        try (Stream<Path> s = Files.list(markers)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
