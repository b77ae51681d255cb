import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The speed-of-light line of bench/pipeline-benchmark: DuckDB reads every landing file of a folder
 * (CSV and JSON Lines, gzip or not) and computes one aggregate per entity and format: the row count and
 * the minimum of every column, so every field of every record is parsed. Prints one line per entity and
 * a total line "duckdb: N records in S s" (S = the queries' wall time; the caller times the JVM too).
 *   javac -d classes -cp duckdb_jdbc.jar SpeedOfLight.java; java -cp classes:duckdb_jdbc.jar SpeedOfLight LANDING_DIR
 */
public class SpeedOfLight {
    public static void main(String[] args) throws IOException, SQLException {
        Path landing = Path.of(args[0]);
        Map<String, List<Path>> csv = new TreeMap<>();
        Map<String, List<Path>> json = new TreeMap<>();
        try (Stream<Path> files = Files.walk(landing)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (f.getParent().equals(landing)) {
                    continue; // truth.json and other non-landing files at the top
                }
                String entity = landing.relativize(f).getName(0).toString();
                String name = f.getFileName().toString();
                if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                    csv.computeIfAbsent(entity, e -> new ArrayList<>()).add(f);
                } else if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
                    json.computeIfAbsent(entity, e -> new ArrayList<>()).add(f);
                }
            }
        }
        long total = 0;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (var e : csv.entrySet()) {
                total += aggregate(s, e.getKey(), "csv", "read_csv(" + list(e.getValue()) + ", union_by_name = true"
                        + ", all_varchar = true, ignore_errors = true, null_padding = true)");
            }
            for (var e : json.entrySet()) {
                total += aggregate(s, e.getKey(), "jsonl", "read_json(" + list(e.getValue())
                        + ", format = 'newline_delimited', union_by_name = true, ignore_errors = true)");
            }
        }
        System.out.printf("duckdb: %d records in %.2f s%n", total, (System.nanoTime() - t0) / 1e9);
    }

    private static long aggregate(Statement s, String entity, String format, String source) throws SQLException {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery("SELECT count(*), min(COLUMNS(*)) FROM " + source)) {
            rs.next();
            long n = rs.getLong(1);
            System.out.printf("  %-14s %-5s %,12d records %7.2f s%n", entity, format, n, (System.nanoTime() - t0) / 1e9);
            return n;
        }
    }

    private static String list(List<Path> files) {
        return files.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
