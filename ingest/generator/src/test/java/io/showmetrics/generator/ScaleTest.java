package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleTest {

    @TempDir
    Path tmp;

    @Test
    void doublingTheScaleRoughlyDoublesTheRecordsButKeepsTheCalendar() {
        GenerationSummary one = Generator.generate(
            GeneratorOptions.defaults(tmp.resolve("one")).withScale(0.01).withDays(7), GenerationListener.NONE);
        GenerationSummary two = Generator.generate(
            GeneratorOptions.defaults(tmp.resolve("two")).withScale(0.02).withDays(7), GenerationListener.NONE);

        double ratio = (double) two.totalRecords() / one.totalRecords();
        assertThat(ratio).isBetween(1.7, 2.3);
        double viewers = (double) two.recordsByEntity().get("viewer_events") / one.recordsByEntity().get("viewer_events");
        assertThat(viewers).isBetween(1.7, 2.3);
        assertThat(two.recordsByEntity().get("customers")).isEqualTo(2 * one.recordsByEntity().get("customers"));
        assertThat(two.recordsByEntity().get("shows")).isEqualTo(one.recordsByEntity().get("shows"));
        assertThat(two.recordsByEntity().get("show_moments")).isEqualTo(one.recordsByEntity().get("show_moments"));
    }

    @Test
    void summaryCountsFilesAndBytes() {
        GenerationSummary s = Generator.generate(
            GeneratorOptions.defaults(tmp.resolve("s")).withScale(0.005).withDays(2), GenerationListener.NONE);

        assertThat(s.filesWritten()).isGreaterThan(10);
        assertThat(s.bytesWritten()).isPositive();
        assertThat(s.elapsed()).isPositive();
        assertThat(s.recordsByEntity()).containsOnlyKeys(
            "shows", "customers", "viewer_events", "chat_events", "player_events", "show_moments", "orders",
            "store_visits", "experiments", "assignments", "stock", "fx_rates");
    }
}
