package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.generator.GeneratorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void progressCountsEachDayOnceAndEndsAtTheTotal() {
        StringWriter text = new StringWriter();
        int days = 25;
        GenerateCommand.run(new GeneratorOptions(dir.resolve("landing"), 0.001, 7L, GeneratorOptions.DEFAULT_START,
                days, 0.0), new PrintWriter(text, true));
        long total = days + 2L;
        List<String> progress = text.toString().lines().filter(l -> l.startsWith("generate: ")).toList();
        assertThat(progress).isNotEmpty().allSatisfy(l -> assertThat(l).matches(".*\\((\\d+)/" + total + "\\)"));
        assertThat(progress.get(progress.size() - 1)).endsWith("(" + total + "/" + total + ")");
        assertThat(text.toString()).doesNotContain("(" + (total + 1) + "/");
    }
}
