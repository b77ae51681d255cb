package io.showmetrics.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that showmetrics starts by itself when no {@code --db} URL is given.
 *
 * <p>Real PostgreSQL binaries shipped through Maven (zonky), data kept in one folder (default
 * {@code ./data/postgres}) with {@code fsync} on, so published runs survive a crash. One server per
 * data folder: if another live showmetrics process already runs a server on the folder, this one
 * attaches to it (and leaves it running on {@link #close()}); if the process that started a server
 * was killed, its orphaned postmaster is stopped first.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The file beside the data folder naming the JVM that owns the running server. */
    static final String OWNER_FILE = "showmetrics.owner";
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres; // null when attached to another process's server
    private final int port;
    private final Path dataDir;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts (or attaches to) the server whose data lives in {@code dataDir}.
     *
     * @param dataDir the data folder; created on first use
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /**
     * As {@link #start(Path, int)}; with {@code stopOnJvmExit} false the server is not stopped by a JVM shutdown hook
     * of its own, and the caller stops it ({@link #close()}), e.g. from a shutdown hook that runs after its work has
     * finished (the live loop's Ctrl-C lets the cycle under way commit to this server first).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean stopOnJvmExit) {
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir.getParent());
            Optional<Integer> running = livePostmasterPort(dir);
            if (running.isPresent()) {
                LOG.info("Attaching to the PostgreSQL server already running on {} (port {})", dir, running.get());
                return new EmbeddedPostgresServer(null, running.get(), dir);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? 0 : port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .start();
            Files.writeString(ownerFile(dir), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            return new EmbeddedPostgresServer(pg, pg.getPort(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + ": " + e.getMessage() + ". Check that the folder is writable, or pass --db with a JDBC URL.", e);
        }
    }

    /**
     * The port of a postmaster that runs on {@code dir} on behalf of a live JVM, if any. A postmaster
     * whose owning JVM is gone is stopped here, so the folder can be started again.
     */
    private static Optional<Integer> livePostmasterPort(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            Files.deleteIfExists(pidFile); // left by a crash; PostgreSQL would refuse to start
            return Optional.empty();
        }
        Optional<ProcessHandle> owner = readOwner(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid() && lines.size() > 3) {
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        }
        LOG.warn("Stopping a stale PostgreSQL server (pid {}) left on {} by a process that is gone", pid, dir);
        ProcessHandle handle = postmaster.get();
        handle.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
        return Optional.empty();
    }

    private static Optional<Long> readOwner(Path dir) {
        try {
            Path f = ownerFile(dir);
            return Files.exists(f) ? Optional.of(Long.parseLong(Files.readString(f).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path ownerFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + "." + OWNER_FILE);
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for the server's default database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The embedded server trusts local connections; the password is not checked. */
    public String password() {
        return "";
    }

    /** Whether this object started the server (and so stops it on close). */
    public boolean owned() {
        return postgres != null;
    }

    @Override
    public synchronized void close() {
        if (postgres == null || closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            Files.deleteIfExists(ownerFile(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL in " + dataDir, e);
        }
    }
}
