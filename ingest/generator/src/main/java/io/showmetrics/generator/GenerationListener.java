package io.showmetrics.generator;

/** Receives progress while the generator runs; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface GenerationListener {

    /** Ignores every report. */
    GenerationListener NONE = (step, done, total) -> { };

    /**
     * @param step  what is being written, for example {@code "day 2026-09-08"}
     * @param done  units finished so far (days, plus the population step)
     * @param total units in the whole run
     */
    void progress(String step, long done, long total);
}
