package io.showmetrics.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test-side reader of a landing folder: every record of an entity, parsed with Jackson or univocity. */
final class Landing {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record as read.
     *
     * @param fields      parsed fields (absent or null values left out, CSV empty cells left out); null if unparseable
     * @param raw         the raw line or CSV row text as written
     * @param columnCount CSV cells in the row (-1 for JSONL)
     * @param headerCount CSV header cells (-1 for JSONL)
     */
    record Row(Path file, long line, String raw, Map<String, String> fields, int columnCount, int headerCount) {

        boolean unparseable() {
            return fields == null;
        }

        String get(String k) {
            return fields == null ? null : fields.get(k);
        }
    }

    private Landing() {
    }

    static List<Path> files(Path root, Entity e) {
        Path dir = root.resolve(e.folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Row> rows(Path root, Entity e) {
        List<Row> out = new ArrayList<>();
        for (Path f : files(root, e)) {
            out.addAll(rows(f));
        }
        return out;
    }

    static List<Row> rows(Path file) {
        String name = file.getFileName().toString();
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
        List<String> lines = lines(file);
        List<Row> out = new ArrayList<>();
        if (!csv) {
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank()) {
                    continue;
                }
                out.add(new Row(file, i + 1, l, parseJson(l), -1, -1));
            }
            return out;
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(false);
        settings.setMaxCharsPerColumn(100_000);
        settings.setNullValue(null);
        settings.setEmptyValue(null);
        CsvParser parser = new CsvParser(settings);
        List<String[]> all = parser.parseAll(new java.io.StringReader(String.join("\n", lines) + "\n"));
        String[] header = all.get(0);
        // Rows and physical lines coincide: the generator never writes line breaks inside cells.
        for (int i = 1; i < all.size(); i++) {
            String[] cells = all.get(i);
            Map<String, String> m = null;
            if (cells.length == header.length) {
                m = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    if (cells[c] != null && !cells[c].isEmpty()) {
                        m.put(header[c], cells[c]);
                    }
                }
            }
            out.add(new Row(file, i + 1, lines.get(i), m, cells.length, header.length));
        }
        return out;
    }

    /** A row as a JSON object of its fields, featured_skus as an array whether written as JSON or '|'-separated. */
    static ObjectNode asJson(Row r) {
        ObjectNode n = JSON.createObjectNode();
        r.fields().forEach((k, v) -> {
            if (k.equals("featured_skus")) {
                ArrayNode a = n.putArray(k);
                if (v.startsWith("[")) {
                    try {
                        JSON.readTree(v).forEach(a::add);
                    } catch (JsonProcessingException ex) {
                        throw new IllegalStateException(ex);
                    }
                } else {
                    for (String sku : v.split("\\|")) {
                        a.add(sku);
                    }
                }
            } else {
                n.put(k, v);
            }
        });
        return n;
    }

    static String[] header(Path csvFile) {
        return lines(csvFile).get(0).split(",");
    }

    private static Map<String, String> parseJson(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) {
                return null;
            }
            Map<String, String> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    return;
                }
                m.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
            });
            return m;
        } catch (JsonProcessingException ex) {
            return null;
        }
    }

    static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l);
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode truth(Path root) {
        try {
            return JSON.readTree(root.resolve("truth.json").toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Relative path to bytes of every file under root. */
    static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
