package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReplayTest {
    private static final Path FIXTURE = Path.of("src/test/resources/landing_two_shows");

    @TempDir
    Path target;

    private List<String> lines(String entity) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = target.resolve(entity);
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                assertThat(f.getFileName().toString()).doesNotStartWith(".");
                out.addAll(Files.readAllLines(f));
            }
        }
        return out;
    }

    @Test
    void slicesRecordsByTheirTimestampKeepingTheRawText() throws IOException {
        LiveReplay replay = LiveReplay.load(FIXTURE);
        assertThat(replay.shows()).extracting(LiveReplay.Show::showId).containsExactly("s1", "s2");
        assertThat(replay.shows().get(0).startsAt()).isEqualTo(Instant.parse("2026-03-01T19:00:00Z"));

        // The first slice: every record before the show, every record without a ts, and those whose ts is bad.
        int first = replay.write(target, null, Instant.parse("2026-03-01T19:00:00Z"), "history");
        assertThat(lines("shows")).hasSize(2);
        assertThat(lines("viewer_events")).hasSize(3)
                .anyMatch(l -> l.contains("\"ts\":\"2026-03-01T18:59:00Z\""))
                .anyMatch(l -> l.contains("2026-03-01 19:10:00"));
        assertThat(lines("chat_events")).isEmpty();

        // A minute of the show: offsets are compared as instants (20:00:30+01:00 is 19:00:30Z), CSV keeps its header
        // and its quoting, an exact duplicate is replayed as it came (ingest counts it).
        int second = replay.write(target, Instant.parse("2026-03-01T19:00:00Z"), Instant.parse("2026-03-01T19:01:00Z"),
                "live-0001");
        assertThat(lines("viewer_events")).hasSize(3 + 5).anyMatch(l -> l.contains("2026-03-01T20:00:30+01:00"));
        assertThat(lines("chat_events")).containsExactly("event_id,show_id,viewer_id,type,ts,text",
                "c01,s1,v1,message,2026-03-01T19:00:10Z,\"Love it, what size?\"",
                "c02,s1,v2,reaction,2026-03-01T19:00:40Z,",
                "c01,s1,v1,message,2026-03-01T19:00:10Z,\"Love it, what size?\"");
        assertThat(target.resolve("viewer_events/dt=2026-03-01/live-0001.jsonl")).exists();

        // The rest: nothing is lost or repeated.
        int rest = replay.write(target, Instant.parse("2026-03-01T19:01:00Z"), null, "after");
        assertThat(first + second + rest).isEqualTo(replay.size());
    }
}
