package io.showmetrics.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long step: a live progress bar on a terminal, one plain line per step otherwise (CI
 * logs, redirected output), so logs stay readable.
 */
abstract class Progress implements AutoCloseable {
    /** Advances by one unit and says what is being done now. */
    abstract void step(String message);

    /** Adds units to the expected total. */
    abstract void expect(long more);

    @Override
    public abstract void close();

    static Progress start(String task, long max, PrintWriter out) {
        return System.console() != null ? new Bar(task, max) : new Lines(task, max, out);
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String task, long max) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().clearDisplayOnFinish().build();
        }

        @Override
        synchronized void step(String message) {
            bar.step();
            bar.setExtraMessage(message);
        }

        @Override
        synchronized void expect(long more) {
            bar.maxHint(bar.getMax() + more);
        }

        @Override
        public void close() {
            bar.stepTo(bar.getMax());
            bar.close();
        }
    }

    /** Long tasks (more than 20 steps) print about every tenth of the way, short ones every step. */
    private static final class Lines extends Progress {
        private final String task;
        private final PrintWriter out;
        private long max;
        private long done;
        private long lastTenth = -1;

        Lines(String task, long max, PrintWriter out) {
            this.task = task;
            this.max = max;
            this.out = out;
        }

        @Override
        synchronized void step(String message) {
            done++;
            long tenth = max > 0 ? done * 10 / max : done;
            if (max <= 20 || tenth != lastTenth || done >= max) {
                lastTenth = tenth;
                out.println(task + ": " + message + (max > 20 ? " (" + done + "/" + max + ")" : ""));
                out.flush();
            }
        }

        @Override
        synchronized void expect(long more) {
            max += more;
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
