package io.showmetrics.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.validate.Entities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingScannerTest {

  @TempDir
  Path landing;

  void touch(String relative) throws IOException {
    Path file = landing.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x\n");
  }

  List<LandingFile> scan() {
    return LandingScanner.scan(new Configuration(), landing.toString(), Entities.ALL);
  }

  @Test
  void listsLandingFilesAtAnyDepthSortedByPathWithTheirFormat() throws IOException {
    touch("viewer_events/dt=2026-03-02/part-1.jsonl.gz");
    touch("viewer_events/dt=2026-03-01/a/b/part-0.JSONL");
    touch("orders/orders.csv");
    touch("orders/more/orders.csv.gz");
    List<LandingFile> files = scan();
    assertThat(files).extracting(f -> f.getPath().substring(f.getPath().indexOf(landing.getFileName().toString())
            + landing.getFileName().toString().length() + 1))
        .containsExactly("orders/more/orders.csv.gz", "orders/orders.csv",
            "viewer_events/dt=2026-03-01/a/b/part-0.JSONL", "viewer_events/dt=2026-03-02/part-1.jsonl.gz");
    assertThat(files).extracting(LandingFile::getFormat).containsExactly("csv", "csv", "jsonl", "jsonl");
    assertThat(files).extracting(LandingFile::getEntity).containsExactly("orders", "orders", "viewer_events", "viewer_events");
    assertThat(files).allSatisfy(f -> assertThat(f.getSize()).isEqualTo(2));
  }

  @Test
  void ignoresOtherFilesFoldersAndHiddenOrInProgressNames() throws IOException {
    touch("truth.json");
    touch("unknown_entity/a.jsonl");
    touch("viewer_events/README.txt");
    touch("viewer_events/a.json");
    touch("viewer_events/.part-0.jsonl.crc");
    touch("viewer_events/_tmp/part-0.jsonl");
    touch("viewer_events/_SUCCESS");
    assertThat(scan()).isEmpty();
  }

  @Test
  void missingLandingFolderSaysWhatToPointAt() {
    assertThatThrownBy(() -> LandingScanner.scan(new Configuration(), landing.resolve("nope").toString(), Entities.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("landingPath")
        .hasMessageContaining("one sub-folder per entity");
  }
}
