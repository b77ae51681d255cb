package io.showmetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' notebooks run top to bottom on fresh demo data: {@code notebooks/run-all.sh} generates
 * a small landing folder, runs the pipeline and executes every notebook headless with Jupyter; a failing
 * cell fails the script and this test. Needs Debian's jupyter-nbconvert and python3-nbclient (.ci/run).
 */
class NotebooksIT {
    @TempDir
    Path work;

    @Test
    void everyNotebookRunsTopToBottomOnTheDemoData() throws IOException {
        Path notebooks = Processes.repositoryRoot().resolve("notebooks");
        List<Path> sources;
        try (Stream<Path> files = Files.list(notebooks)) {
            sources = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .containsExactly("experiment_review.ipynb", "lake_tour.ipynb", "show_deep_dive.ipynb");

        long t0 = System.nanoTime();
        Processes.runOk(List.of(notebooks.resolve("run-all.sh").toString(), Processes.buildDirectory().toString()),
                Map.of("SHOWMETRICS_NOTEBOOK_WORK", work.toString(), "JAVA_HOME", System.getProperty("java.home")),
                work.resolve("run-all.log"), Duration.ofMinutes(40));
        System.out.printf("NotebooksIT: run-all.sh %.1f s%n", (System.nanoTime() - t0) / 1e9);

        for (Path source : sources) {
            Path executed = work.resolve("executed").resolve(source.getFileName());
            assertThat(executed).as("executed copy of %s", source.getFileName()).exists();
            assertThat(Files.readString(executed)).as("%s has no error output", source.getFileName())
                    .doesNotContain("\"output_type\": \"error\"");
        }
    }
}
