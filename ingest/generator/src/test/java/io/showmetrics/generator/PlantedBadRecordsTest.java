package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedBadRecordsTest {

    @TempDir
    static Path tmp;
    static GenerationSummary summary;
    static JsonNode truth;
    static Map<Entity, Map<String, Long>> detected;

    @BeforeAll
    static void generate() {
        summary = Generator.generate(
            GeneratorOptions.defaults(tmp).withScale(0.02).withDays(8).withBadRate(0.1), GenerationListener.NONE);
        truth = Landing.truth(tmp);
        detected = Detector.classify(tmp);
    }

    @Test
    void everyReasonCodeIsPlantedAndListedInTruth() {
        for (Reason r : Reason.values()) {
            assertThat(truth.path("planted_bad").path(r.code).asLong()).as(r.code).isPositive();
        }
        assertThat(truth.path("planted_duplicates").asLong()).isPositive();
    }

    @Test
    void redetectedBadRecordsMatchTruthPerEntityAndReason() {
        for (Entity e : Entity.values()) {
            Map<String, Long> expected = new LinkedHashMap<>();
            truth.path("planted_bad_by_entity").path(e.folder).fields()
                .forEachRemaining(f -> expected.put(f.getKey(), f.getValue().asLong()));
            long dups = truth.path("planted_duplicates_by_entity").path(e.folder).asLong(0);
            if (dups > 0) {
                expected.put("duplicate", dups);
            }
            Map<String, Long> found = new LinkedHashMap<>(detected.get(e));
            found.remove("good");
            assertThat(found).as(e.folder).isEqualTo(expected);
        }
    }

    @Test
    void truthRecordCountsEqualTheLinesInTheFiles() {
        for (Entity e : Entity.values()) {
            long lines = detected.get(e).values().stream().mapToLong(Long::longValue).sum();
            assertThat(truth.path("records").path(e.folder).asLong()).as(e.folder).isEqualTo(lines);
            assertThat(summary.recordsByEntity().get(e.folder)).as(e.folder).isEqualTo(lines);
        }
    }

    @Test
    void truthListsEveryFileWithItsRecordCountForPerFileReconciliation() {
        long bad = 0;
        long dups = 0;
        int listed = 0;
        for (Entity e : Entity.values()) {
            for (Path f : Landing.files(tmp, e)) {
                JsonNode c = truth.path("files").path(tmp.relativize(f).toString());
                assertThat(c.isObject()).as(f.toString()).isTrue();
                assertThat(c.path("records").asLong()).as(f.toString()).isEqualTo(Landing.rows(f).size());
                bad += c.path("planted_bad").asLong();
                dups += c.path("planted_duplicates").asLong();
                listed++;
            }
        }
        assertThat(truth.path("files").size()).isEqualTo(listed).isEqualTo((int) summary.filesWritten());
        assertThat(bad).isEqualTo(summary.totalPlantedBad());
        assertThat(dups).isEqualTo(summary.plantedDuplicates());
    }

    @Test
    void summaryAgreesWithTruth() {
        for (Reason r : Reason.values()) {
            assertThat(summary.plantedBadByReason().get(r.code)).isEqualTo(truth.path("planted_bad").path(r.code).asLong());
        }
        assertThat(summary.plantedDuplicates()).isEqualTo(truth.path("planted_duplicates").asLong());
    }

    @Test
    void badRecordsNeverTouchReferenceEntities() {
        for (Entity e : new Entity[] {Entity.SHOWS, Entity.CUSTOMERS, Entity.SHOW_MOMENTS, Entity.EXPERIMENTS,
            Entity.ASSIGNMENTS, Entity.STOCK, Entity.FX_RATES}) {
            assertThat(detected.get(e).keySet()).as(e.folder).isSubsetOf("good");
        }
    }
}
