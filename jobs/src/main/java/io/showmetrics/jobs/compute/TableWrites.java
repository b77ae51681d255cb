package io.showmetrics.jobs.compute;

import io.showmetrics.jobs.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Delta writes of one compute run, several at a time: each table gets one commit, and commits to different
 * tables are independent, so a small pool runs them side by side (a small table's write is mostly fixed
 * cost: planning, a few short Spark jobs, the commit). {@link #await} waits for every write submitted so far
 * and rethrows the first failure once all of them have finished, so a failed run never leaves a write
 * running behind it.
 */
final class TableWrites implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<?>> submitted = new ArrayList<>();

    TableWrites(int threads) {
        AtomicInteger n = new AtomicInteger();
        // Threads are created by the caller's thread, so they inherit its Spark session and job properties.
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compute-write-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Overwrites {@code path} with {@code data} (only the rows matching {@code replaceWhere} when it exists). */
    synchronized Future<?> write(Dataset<Row> data, String path, String replaceWhere) {
        return submit(() -> overwrite(data, path, replaceWhere));
    }

    synchronized Future<?> submit(Runnable task) {
        Future<?> f = pool.submit(task);
        submitted.add(f);
        return f;
    }

    /** Waits for every write submitted so far; throws the first failure after all have finished. */
    void await() {
        List<Future<?>> all;
        synchronized (this) {
            all = new ArrayList<>(submitted);
            submitted.clear();
        }
        RuntimeException failure = null;
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = add(failure, new IllegalStateException("interrupted while waiting for a table write", e));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failure = add(failure, cause instanceof RuntimeException r ? r
                        : new IllegalStateException("table write failed", cause));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public void close() {
        try {
            await();
        } finally {
            pool.shutdown();
        }
    }

    /** Overwrites a table, or only the rows matching {@code replaceWhere} when it exists. */
    static void overwrite(Dataset<Row> data, String path, String replaceWhere) {
        var writer = data.write().format("delta").mode(SaveMode.Overwrite);
        if (replaceWhere != null && Lake.exists(data.sparkSession(), path)) {
            writer = writer.option("replaceWhere", replaceWhere);
        } else {
            writer = writer.option("overwriteSchema", "true");
        }
        writer.save(path);
    }
}
