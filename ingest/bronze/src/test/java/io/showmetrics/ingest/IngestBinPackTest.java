package io.showmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.ingest.read.LandingFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IngestJob#binPack}: small files share a read task, each file stays whole in one task. */
class IngestBinPackTest {

  static LandingFile file(String name, long size) {
    return new LandingFile("viewer_events", "file:/l/" + name, size, 0, 0, LandingFile.JSONL);
  }

  @Test
  void manySmallFilesGoIntoOneBinPerCoreWithSimilarSizes() {
    List<LandingFile> files = new ArrayList<>();
    for (int i = 0; i < 85; i++) {
      files.add(file("f" + i, 100_000 + i * 1_000L));
    }
    List<List<LandingFile>> bins = IngestJob.binPack(files, 2, 64L << 20);
    assertThat(bins).hasSize(2);
    assertThat(bins.stream().mapToInt(List::size).sum()).isEqualTo(85);
    long a = bins.get(0).stream().mapToLong(LandingFile::getSize).sum();
    long b = bins.get(1).stream().mapToLong(LandingFile::getSize).sum();
    assertThat(Math.abs(a - b)).isLessThanOrEqualTo(185_000L);
    assertThat(bins.stream().flatMap(List::stream).map(LandingFile::getPath).distinct().count()).isEqualTo(85);
  }

  @Test
  void bigInputGetsABinPerTargetSizeAndNeverMoreBinsThanFiles() {
    List<LandingFile> big = List.of(file("a", 100L << 20), file("b", 100L << 20), file("c", 100L << 20), file("d", 100L << 20));
    assertThat(IngestJob.binPack(big, 2, 64L << 20)).hasSize(4);
    assertThat(IngestJob.binPack(List.of(file("only", 10)), 2, 64L << 20)).singleElement()
        .satisfies(bin -> assertThat(bin).extracting(LandingFile::getPath).containsExactly("file:/l/only"));
    List<List<LandingFile>> mixed = IngestJob.binPack(
        List.of(file("big", 90L << 20), file("s1", 10L << 20), file("s2", 10L << 20), file("s3", 10L << 20)), 2, 64L << 20);
    assertThat(mixed).hasSize(2);
    assertThat(mixed).anySatisfy(bin -> assertThat(bin).extracting(LandingFile::getPath).containsExactly("file:/l/big"));
  }
}
