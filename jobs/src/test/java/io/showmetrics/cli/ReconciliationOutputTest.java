package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.ingest.FileReport;
import io.showmetrics.ingest.IngestReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code run}/{@code ingest}/{@code demo} print after ingest: one line per entity, every file with --verbose. */
class ReconciliationOutputTest {

    static final IngestReport REPORT = new IngestReport("r1", List.of(
            new FileReport("viewer_events", "file:/l/viewer_events/dt=2026-03-01/a.jsonl.gz", 100, 97, 2, 1),
            new FileReport("viewer_events", "file:/l/viewer_events/dt=2026-03-02/b.jsonl.gz", 50, 50, 0, 0),
            new FileReport("orders", "file:/l/orders/dt=2026-03-01/o.csv", 10, 9, 1, 0)),
            List.of("viewer_events", "orders"), Map.of("bad_type", 3L), 0);

    static List<String> printed(boolean verbose) {
        StringWriter text = new StringWriter();
        Pipeline.printReconciliation(new PrintWriter(text, true), REPORT, verbose);
        return text.toString().lines().toList();
    }

    @Test
    void printsOneLinePerEntityAndATotalByDefault() {
        List<String> lines = printed(false);
        assertThat(lines.get(0).split(" +")).containsExactly("entity", "files", "read", "accepted", "quarantined",
                "duplicates");
        assertThat(lines.get(1).split(" +")).containsExactly("viewer_events", "2", "150", "147", "2", "1");
        assertThat(lines.get(2).split(" +")).containsExactly("orders", "1", "10", "9", "1", "0");
        assertThat(lines.get(3)).startsWith("total (3 files, 0 already loaded)");
        assertThat(lines.get(4)).contains("--verbose").contains("_ingest_log").contains("Runs page");
        assertThat(String.join("\n", lines)).doesNotContain("a.jsonl.gz");
    }

    @Test
    void verbosePrintsEveryFile() {
        List<String> lines = printed(true);
        assertThat(lines).filteredOn(l -> l.contains("file:/l/")).hasSize(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("total (3 files"));
    }

    @Test
    void runIngestAndDemoTakeVerbose() {
        CommandLine.ParseResult run = Showmetrics.commandLine().parseArgs("run", "--input", "in", "--verbose");
        assertThat(((RunCommand) run.subcommand().commandSpec().userObject()).verbose).isTrue();
        CommandLine.ParseResult ingest = Showmetrics.commandLine().parseArgs("ingest", "--input", "in");
        assertThat(((IngestCommand) ingest.subcommand().commandSpec().userObject()).verbose).isFalse();
        CommandLine.ParseResult demo = Showmetrics.commandLine().parseArgs("demo", "--verbose");
        assertThat(((DemoCommand) demo.subcommand().commandSpec().userObject()).verbose).isTrue();
    }
}
