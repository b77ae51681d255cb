package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {

    @TempDir
    Path tmp;

    static GeneratorOptions small(Path out, int days) {
        return GeneratorOptions.defaults(out).withScale(0.004).withDays(days).withBadRate(0.01);
    }

    @Test
    void sameOptionsWriteByteIdenticalFiles() {
        Generator.generate(small(tmp.resolve("a"), 9), GenerationListener.NONE);
        Generator.generate(small(tmp.resolve("b"), 9), GenerationListener.NONE);

        Map<String, byte[]> a = Landing.snapshot(tmp.resolve("a"));
        Map<String, byte[]> b = Landing.snapshot(tmp.resolve("b"));
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        for (String f : a.keySet()) {
            assertThat(Arrays.equals(a.get(f), b.get(f))).as(f).isTrue();
        }
    }

    @Test
    void anotherJvmWritesByteIdenticalFilesToo() throws Exception {
        Generator.generate(small(tmp.resolve("here"), 4), GenerationListener.NONE);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), ForkedGeneration.class.getName(),
            tmp.resolve("there").toString(), "4").inheritIO().start();
        assertThat(p.waitFor()).isZero();

        Map<String, byte[]> a = Landing.snapshot(tmp.resolve("here"));
        Map<String, byte[]> b = Landing.snapshot(tmp.resolve("there"));
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        for (String f : a.keySet()) {
            assertThat(Arrays.equals(a.get(f), b.get(f))).as(f).isTrue();
        }
    }

    @Test
    void differentSeedWritesDifferentData() {
        Generator.generate(small(tmp.resolve("a"), 3), GenerationListener.NONE);
        Generator.generate(small(tmp.resolve("b"), 3).withSeed(7), GenerationListener.NONE);

        Map<String, byte[]> a = Landing.snapshot(tmp.resolve("a"));
        Map<String, byte[]> b = Landing.snapshot(tmp.resolve("b"));
        String viewerFile = "viewer_events/dt=2026-09-08/part-0000.jsonl.gz";
        assertThat(a).containsKey(viewerFile);
        assertThat(Arrays.equals(a.get(viewerFile), b.get(viewerFile))).isFalse();
        assertThat(Arrays.equals(a.get("customers/base/customers.csv.gz"), b.get("customers/base/customers.csv.gz"))).isFalse();
    }

    /** Day 35 assigns the holdout experiment and day 36 re-delivers some assignments: both sit at the boundary. */
    @Test
    void oneMoreDayKeepsEveryEarlierFileAndAddsOnlyTheNewDaysFolders() {
        int days = 36;
        Generator.generate(small(tmp.resolve("d"), days), GenerationListener.NONE);
        Generator.generate(small(tmp.resolve("d1"), days + 1), GenerationListener.NONE);

        Map<String, byte[]> before = Landing.snapshot(tmp.resolve("d"));
        Map<String, byte[]> after = Landing.snapshot(tmp.resolve("d1"));
        before.remove(Truth.FILE_NAME);
        after.remove(Truth.FILE_NAME);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(after).as("file kept: " + e.getKey()).containsKey(e.getKey());
            assertThat(Arrays.equals(e.getValue(), after.get(e.getKey()))).as("bytes kept: " + e.getKey()).isTrue();
        }
        String newDate = GeneratorOptions.DEFAULT_START.plusDays(days).toString();
        assertThat(after.keySet()).filteredOn(k -> !before.containsKey(k))
            .isNotEmpty()
            .allSatisfy(k -> assertThat(k).matches(".*(/dt=|/signup_dt=)" + newDate + "/.*"));
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("assignments/") && k.contains("dt=" + newDate));
    }

    @Test
    void aStartOnAnotherWeekdayKeepsTheDayPrefixProperty() {
        GeneratorOptions thursday = small(tmp.resolve("t4"), 4).withStart(java.time.LocalDate.of(2026, 9, 10));
        Generator.generate(thursday, GenerationListener.NONE);
        Generator.generate(thursday.withOut(tmp.resolve("t5")).withDays(5), GenerationListener.NONE);

        Map<String, byte[]> before = Landing.snapshot(tmp.resolve("t4"));
        Map<String, byte[]> after = Landing.snapshot(tmp.resolve("t5"));
        before.remove(Truth.FILE_NAME);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(Arrays.equals(e.getValue(), after.get(e.getKey()))).as(e.getKey()).isTrue();
        }
        assertThat(after.keySet()).anyMatch(k -> k.startsWith("orders/dt=2026-09-14/"));
    }

    @Test
    void rerunIntoAnEarlierOutputReplacesItCompletely() {
        Path out = tmp.resolve("out");
        Generator.generate(small(out, 5), GenerationListener.NONE);
        Generator.generate(small(out, 2), GenerationListener.NONE);

        assertThat(Landing.snapshot(out).keySet()).noneMatch(k -> k.contains("dt=2026-09-11"));
        assertThat(Landing.truth(out).path("options").path("days").asInt()).isEqualTo(2);
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws IOException {
        Path out = tmp.resolve("landing");
        Files.createDirectories(out.resolve("orders"));
        Files.writeString(out.resolve("orders/real.csv"), "order_id\n1\n");

        assertThatThrownBy(() -> Generator.generate(small(out, 1), GenerationListener.NONE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not empty");
        assertThat(out.resolve("orders/real.csv")).exists();
    }

    @Test
    void reportsProgressUpToTheTotal() {
        long[] last = new long[2];
        Generator.generate(small(tmp.resolve("p"), 3), (step, done, total) -> {
            synchronized (last) {
                last[0] = Math.max(last[0], done);
                last[1] = total;
            }
        });
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(5);
    }
}
