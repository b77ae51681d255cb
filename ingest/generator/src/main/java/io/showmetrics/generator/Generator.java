package io.showmetrics.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes a synthetic landing folder (SPEC section 1) with planted effects, plus {@code truth.json} at its root.
 *
 * <p>Deterministic: the same options give byte-identical files. Each day's files depend only on (seed, scale,
 * start, day index) and the fixed population, so a run with {@code days + 1} reproduces the first {@code days}
 * and adds the next day's files. Days are written in parallel; results are merged in day order.
 */
public final class Generator {

    private static final long T_BASE = Rng.tag("base-customers");

    private Generator() {
    }

    /**
     * Generates the landing folder.
     *
     * @throws IllegalArgumentException when {@code out} holds files that are not an earlier generator output
     * @throws UncheckedIOException     when a file cannot be written
     */
    public static GenerationSummary generate(GeneratorOptions o, GenerationListener listener) {
        long t0 = System.nanoTime();
        GenerationListener progress = listener == null ? GenerationListener.NONE : listener;
        prepare(o.out());
        long total = o.days() + 2L;
        AtomicLong done = new AtomicLong();
        progress.progress("population", 0, total);
        World w = new World(o);
        progress.progress("population", done.incrementAndGet(), total);

        Counters all = new Counters();
        Counters base = new Counters();
        Path baseFile = o.out().resolve(Entity.CUSTOMERS.folder).resolve("base").resolve("customers.csv.gz");
        try (Sink s = new Sink(baseFile, Entity.CUSTOMERS, Sink.Format.CSV, null, Rng.key(w.seed, T_BASE, 0), 0,
            DayWriter.NONE, base)) {
            for (int i = 0; i < w.pop.nBase; i++) {
                s.write(DayWriter.customer(w, i));
            }
        }
        all.addAll(base);
        progress.progress("customers", done.incrementAndGet(), total);

        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "generator-day");
            t.setDaemon(true);
            return t;
        });
        List<DayResult> days = new ArrayList<>();
        try {
            List<Future<DayResult>> futures = new ArrayList<>();
            for (int d = 0; d < o.days(); d++) {
                int day = d;
                futures.add(pool.submit(() -> {
                    DayResult r = new DayWriter(w, day).write();
                    progress.progress("day " + w.date(day), done.incrementAndGet(), total);
                    return r;
                }));
            }
            for (Future<DayResult> f : futures) {
                days.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("generation failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        for (DayResult d : days) {
            all.addAll(d.counters);
        }
        Truth.write(o.out().resolve(Truth.FILE_NAME), w, all, days);

        Map<String, Long> records = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            records.put(e.folder, all.records[e.ordinal()]);
        }
        Map<String, Long> bad = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            bad.put(r.code, all.totalBad(r));
        }
        long bytes = 0;
        for (Path p : all.files) {
            try {
                bytes += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new GenerationSummary(o.out(), records, all.files.size(), bytes, bad, all.totalDuplicates(),
            Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Creates the folder, or clears an earlier generator output in it (its entity folders and truth.json).
     * Refuses to touch a folder that holds anything else, so a real landing folder is never overwritten.
     */
    private static void prepare(Path out) {
        try {
            if (!Files.exists(out)) {
                Files.createDirectories(out);
                return;
            }
            if (!Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file; give a folder");
            }
            List<Path> children;
            try (Stream<Path> s = Files.list(out)) {
                children = s.toList();
            }
            if (children.isEmpty()) {
                return;
            }
            Path truth = out.resolve(Truth.FILE_NAME);
            boolean ours = Files.isRegularFile(truth) && isGeneratorTruth(truth);
            List<String> entityFolders = new ArrayList<>();
            for (Entity e : Entity.values()) {
                entityFolders.add(e.folder);
            }
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (!ours || !(name.equals(Truth.FILE_NAME) || entityFolders.contains(name))) {
                    throw new IllegalArgumentException("--out " + out + " is not empty and is not an earlier generator "
                        + "output (found " + name + "); choose an empty or new folder");
                }
            }
            for (Path c : children) {
                deleteTree(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
    }

    private static boolean isGeneratorTruth(Path truth) {
        try {
            JsonNode n = new ObjectMapper().readTree(truth.toFile());
            return Truth.GENERATOR_NAME.equals(n.path("generator").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
