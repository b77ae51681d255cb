package io.showmetrics.cli;

import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.read.LandingRecordReader;
import io.showmetrics.ingest.read.RawRecord;
import io.showmetrics.ingest.spark.LandingScanner;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.RecordValidator;
import io.showmetrics.ingest.validate.ValidationResult;
import io.showmetrics.runtime.NioLocalFileSystem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * Replays a landing folder as if its files were landing while it happened: the records of a source folder (any of
 * the landing formats) are cut by their {@code ts} into time slices, and each slice is written as new landing files,
 * in the source's format, with its raw lines as they were (so a bad record is quarantined live exactly as in batch).
 * Records without a {@code ts} (shows, customers, products, experiments, ...), and records whose {@code ts} does not
 * parse, belong to the first slice. Used by {@code demo --live}, the live-latency benchmark and the live-mode tests.
 */
final class LiveReplay {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One record: its entity, the file group (format and CSV header) it came from, its raw text and its ts. */
    private record Rec(String entity, String format, String header, String raw, Instant ts) {}

    /** A show of the source folder (its last row in file order). */
    record Show(String showId, String title, Instant startsAt, Instant endsAt) {}

    private final List<Rec> records;
    private final Map<String, Show> shows;

    private LiveReplay(List<Rec> records, Map<String, Show> shows) {
        this.records = records;
        this.shows = shows;
    }

    /** The source folder's shows, by start. */
    List<Show> shows() {
        return shows.values().stream().sorted(java.util.Comparator.comparing(Show::startsAt)
                .thenComparing(Show::showId)).toList();
    }

    /** Reads every record of the landing folder {@code source} (its entity folders, as ingest lists them). */
    static LiveReplay load(Path source) {
        Configuration conf = new Configuration(false);
        NioLocalFileSystem.HADOOP_CONF.forEach(conf::set);
        Map<String, EntitySchema> schemas = new LinkedHashMap<>();
        Entities.ALL.forEach(e -> schemas.put(e.name(), e));
        Instant never = Instant.parse("9999-01-01T00:00:00Z"); // no record is "in the future" while slicing
        List<Rec> out = new ArrayList<>();
        Map<String, Show> shows = new LinkedHashMap<>();
        for (LandingFile f : LandingScanner.scan(conf, source.toString(), Entities.ALL)) {
            EntitySchema schema = schemas.get(f.getEntity());
            RecordValidator validator = new RecordValidator(schema, never);
            int tsField = schema.indexOf("ts");
            boolean isShows = Entities.SHOWS.name().equals(f.getEntity());
            try (LandingRecordReader reader = new LandingRecordReader(f, () -> open(f.getPath()))) {
                while (reader.hasNext()) {
                    RawRecord r = reader.next();
                    if (!RawRecord.RECORD.equals(r.getKind())) {
                        continue; // unreadable tails and undecodable lines stay in the source only
                    }
                    Instant ts = null;
                    if (tsField >= 0 || isShows) {
                        ValidationResult v = LandingFile.CSV.equals(r.getFormat())
                                ? validator.validateCsv(r.getFile(), r.getLine(), r.getHeader(), r.getRaw())
                                : validator.validateJson(r.getFile(), r.getLine(), r.getRaw());
                        if (v instanceof ValidationResult.Accepted a && isShows) {
                            Object[] x = a.values();
                            String id = (String) x[schema.indexOf("show_id")];
                            shows.put(id, new Show(id, (String) x[schema.indexOf("title")],
                                    (Instant) x[schema.indexOf("starts_at")], (Instant) x[schema.indexOf("ends_at")]));
                        } else if (v instanceof ValidationResult.Accepted a) {
                            ts = (Instant) a.values()[tsField];
                        }
                    }
                    out.add(new Rec(f.getEntity(), r.getFormat(), r.getHeader(), r.getRaw(), ts));
                }
            }
        }
        return new LiveReplay(out, shows);
    }

    private static InputStream open(String path) throws IOException {
        String local = path.startsWith("file:") ? java.net.URI.create(path).getPath() : path;
        InputStream in = Files.newInputStream(Path.of(local));
        return local.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** How many records were read. */
    int size() {
        return records.size();
    }

    /**
     * Writes the records with {@code ts} in {@code [from, to)} as new landing files under {@code target}, one per
     * entity and source format, named {@code <name>[-<n>].<format>} in the entity's {@code dt=} folder of {@code to};
     * with {@code from} null, also every record before {@code to} and every record without a ts. Each file is written
     * beside its final name and moved into place, so ingest never sees half a file.
     *
     * @return the number of records written
     */
    int write(Path target, Instant from, Instant to, String name) {
        Map<String, List<Rec>> groups = new LinkedHashMap<>();
        for (Rec r : records) {
            boolean in = r.ts() == null ? from == null
                    : (from == null || !r.ts().isBefore(from)) && (to == null || r.ts().isBefore(to));
            if (in) {
                groups.computeIfAbsent(r.entity() + '\t' + r.format() + '\t' + r.header(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        int written = 0;
        Map<String, Integer> perEntity = new LinkedHashMap<>();
        for (List<Rec> group : groups.values()) {
            Rec first = group.get(0);
            int n = perEntity.merge(first.entity(), 1, Integer::sum);
            Path dir = target.resolve(first.entity()).resolve("dt=" + DAY.format(to == null ? Instant.now() : to));
            String file = name + (n == 1 ? "" : "-" + n) + "." + first.format();
            try {
                Files.createDirectories(dir);
                Path tmp = dir.resolve("." + file + ".tmp");
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    if (first.header() != null) {
                        w.write(first.header());
                        w.write('\n');
                    }
                    for (Rec r : group) {
                        w.write(r.raw());
                        w.write('\n');
                    }
                }
                Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the replay file " + dir.resolve(file) + ": "
                        + e.getMessage(), e);
            }
            written += group.size();
        }
        return written;
    }
}
