import io.showmetrics.db.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares every table of two showmetrics serving databases row by row (bench/compare-serving runs it;
 * see there for the usage). Each side is a data folder (its embedded PostgreSQL in DATA/postgres is
 * started for the comparison, or reused when a run is holding it) or a JDBC URL. Rows are compared as
 * the text PostgreSQL gives for each value, with the {@link #DEFAULT_IGNORED} bookkeeping columns left
 * out; tables whose primary key survives that are matched on the key (a changed value is reported as
 * such), the others as multisets of whole rows. Exit code 0: identical; 1: different; 2: cannot compare.
 */
public class CompareServing {
    /** Columns that say which run wrote a row and when, not what was computed: they differ between any two runs. */
    static final List<String> DEFAULT_IGNORED = List.of("run_id", "computed_at", "published_at", "started_at",
            "finished_at", "step_seconds", "delta_version");
    /**
     * Run clocks inside texts, masked before comparing: a quarantined record's message names the run's clock
     * ("is after 2026-12-08T19:59:31.68Z (run start + 2 days)"). Column name, PostgreSQL regular expression,
     * replacement.
     */
    static final List<String[]> MASKED = List.<String[]>of(new String[] {"message",
            "is after [0-9T:.+-]+Z? \\(run start", "is after <run clock> (run start"});
    /** Flyway's own bookkeeping (installed_on, execution_time), not serving data. */
    static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history");
    static final int EXAMPLES = 5;

    public static void main(String[] args) throws Exception {
        List<String> sides = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>(DEFAULT_IGNORED);
        boolean exact = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--exact")) {
                exact = true;
            } else if (args[i].equals("--ignore") && i + 1 < args.length) {
                ignored.addAll(Arrays.asList(args[++i].split(",")));
            } else {
                sides.add(args[i]);
            }
        }
        if (sides.size() != 2) {
            System.err.println("usage: compare-serving [--exact] [--ignore COL,...] A B   (A, B: showmetrics data folders or jdbc: URLs)");
            System.exit(2);
        }
        try (Side a = Side.open(sides.get(0)); Side b = Side.open(sides.get(1))) {
            System.out.println("compare-serving: A = " + a.name + ", B = " + b.name);
            System.out.println("ignoring the run bookkeeping columns " + String.join(", ", ignored)
                    + " (and the table " + String.join(", ", SKIPPED_TABLES) + "); masking the run clock in "
                    + MASKED.stream().map(m -> m[0] + " ('" + m[1] + "')").collect(Collectors.joining(", ")));
            int exit = new CompareServing(a.connection, b.connection, ignored, exact).compare();
            System.exit(exit);
        } catch (SQLException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("compare-serving: cannot compare: " + e.getMessage());
            System.exit(2);
        }
    }

    /** One database: a data folder's embedded PostgreSQL or a JDBC URL. */
    record Side(String name, EmbeddedPostgresServer server, Connection connection) implements AutoCloseable {
        static Side open(String spec) throws SQLException {
            if (spec.startsWith("jdbc:")) {
                return new Side(spec, null, DriverManager.getConnection(spec, System.getenv("SHOWMETRICS_DB_USER"),
                        System.getenv("SHOWMETRICS_DB_PASSWORD")));
            }
            Path postgres = Path.of(spec).resolve("postgres");
            if (!Files.isDirectory(postgres)) {
                throw new IllegalArgumentException(spec + " is neither a jdbc: URL nor a showmetrics data folder (no "
                        + postgres + ")");
            }
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(postgres, 0);
            try {
                return new Side(spec, pg, DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()));
            } catch (SQLException e) {
                pg.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    private final Connection a;
    private final Connection b;
    private final Set<String> ignored;

    private final boolean exact;
    private long roundingRows;

    CompareServing(Connection a, Connection b, Set<String> ignored, boolean exact) {
        this.a = a;
        this.b = b;
        this.ignored = ignored;
        this.exact = exact;
    }

    int compare() throws SQLException {
        Set<String> tablesA = tables(a);
        Set<String> tablesB = tables(b);
        int differing = 0;
        for (String t : union(tablesA, tablesB)) {
            if (!tablesA.contains(t) || !tablesB.contains(t)) {
                System.out.printf("%-22s DIFFERENT: only in %s%n", t, tablesA.contains(t) ? "A" : "B");
                differing++;
                continue;
            }
            List<String> colsA = columns(a, t);
            List<String> colsB = columns(b, t);
            if (!colsA.equals(colsB)) {
                System.out.printf("%-22s DIFFERENT columns: A %s, B %s%n", t, colsA, colsB);
                differing++;
                continue;
            }
            List<String> cols = colsA.stream().filter(c -> !ignored.contains(c)).toList();
            List<String> key = primaryKey(a, t);
            if (key.isEmpty() || !cols.containsAll(key) || !key.equals(primaryKey(b, t))) {
                key = List.of();
            }
            if (!compareTable(t, cols, key)) {
                differing++;
            }
        }
        if (differing == 0) {
            System.out.println("IDENTICAL: every table has the same rows" + (roundingRows == 0 ? ""
                    : " (" + roundingRows + " row(s) only up to double rounding; --exact to count them as different)"));
            return 0;
        }
        System.out.println("DIFFERENT: " + differing + " table(s) differ");
        return 1;
    }

    /** Streams both sides in the same order and merges; prints the table's line; true when identical. */
    private boolean compareTable(String table, List<String> cols, List<String> key) throws SQLException {
        List<String> order = new ArrayList<>(key);
        cols.stream().filter(c -> !key.contains(c)).forEach(order::add);
        String select = "SELECT " + cols.stream().map(CompareServing::text).collect(Collectors.joining(", "))
                + " FROM " + quote(table) + " ORDER BY "
                + order.stream().map(c -> text(c) + " COLLATE \"C\" NULLS FIRST").collect(Collectors.joining(", "));
        int[] keyIdx = key.stream().mapToInt(cols::indexOf).toArray();
        long rows = 0;
        long onlyA = 0;
        long onlyB = 0;
        long changed = 0;
        long rounding = 0;
        String roundingExample = null;
        List<String> examples = new ArrayList<>();
        try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.setFetchSize(10_000);
            sb.setFetchSize(10_000);
            try (ResultSet ra = sa.executeQuery(select); ResultSet rb = sb.executeQuery(select)) {
                List<String> x = next(ra, cols.size());
                List<String> y = next(rb, cols.size());
                while (x != null || y != null) {
                    int c = x == null ? 1 : y == null ? -1 : compareOn(x, y, key.isEmpty() ? null : keyIdx);
                    if (c == 0 && x.equals(y)) {
                        rows++;
                        x = next(ra, cols.size());
                        y = next(rb, cols.size());
                    } else if (c == 0 && !exact && roundingOnly(x, y)) {
                        rows++;
                        rounding++;
                        if (roundingExample == null) {
                            roundingExample = "  e.g. key " + describe(cols, x, keyIdx) + ": " + changes(cols, x, y);
                        }
                        x = next(ra, cols.size());
                        y = next(rb, cols.size());
                    } else if (c == 0) {
                        changed++;
                        if (examples.size() < EXAMPLES) {
                            examples.add("  changed, key " + describe(cols, x, keyIdx) + ": " + changes(cols, x, y));
                        }
                        x = next(ra, cols.size());
                        y = next(rb, cols.size());
                    } else if (c < 0) {
                        onlyA++;
                        if (examples.size() < EXAMPLES) {
                            examples.add("  only in A: " + describe(cols, x, null));
                        }
                        x = next(ra, cols.size());
                    } else {
                        onlyB++;
                        if (examples.size() < EXAMPLES) {
                            examples.add("  only in B: " + describe(cols, y, null));
                        }
                        y = next(rb, cols.size());
                    }
                }
            }
        } finally {
            a.commit();
            b.commit();
        }
        String how = key.isEmpty() ? "whole rows" : "on key " + String.join(", ", key);
        if (onlyA == 0 && onlyB == 0 && changed == 0) {
            System.out.printf("%-22s identical: %,d rows (%s)%s%n", table, rows, how, rounding == 0 ? ""
                    : String.format(", %,d of them only in the last digits of a double (|A-B| <= %.0e x |A|)",
                            rounding, ROUNDING));
            if (roundingExample != null) {
                System.out.println(roundingExample);
            }
            roundingRows += rounding;
            return true;
        }
        System.out.printf("%-22s DIFFERENT (%s): %,d identical rows, %,d changed, %,d only in A, %,d only in B%n",
                table, how, rows, changed, onlyA, onlyB);
        examples.forEach(System.out::println);
        return false;
    }

    /** Relative difference of two doubles that is floating-point rounding (summation order), not a change. */
    static final double ROUNDING = 1e-12;

    /**
     * True when every differing value of two rows is a number whose relative difference is at most {@link
     * #ROUNDING}: the same sum of doubles added in another order (another partitioning), not another figure.
     */
    static boolean roundingOnly(List<String> x, List<String> y) {
        for (int i = 0; i < x.size(); i++) {
            String p = x.get(i);
            String q = y.get(i);
            if (Objects.equals(p, q)) {
                continue;
            }
            if (p == null || q == null || Math.max(digits(p), digits(q)) < 15) {
                return false; // a value shorter than a double's 15-17 digits is compared as text (1.50 is not 1.5)
            }
            double u;
            double v;
            try {
                u = Double.parseDouble(p);
                v = Double.parseDouble(q);
            } catch (NumberFormatException notANumber) {
                return false;
            }
            if (Math.abs(u - v) > ROUNDING * Math.max(Math.abs(u), Math.abs(v))) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String number) {
        int n = 0;
        for (char ch : number.toCharArray()) {
            if (ch == 'e' || ch == 'E') {
                break;
            }
            n += Character.isDigit(ch) ? 1 : 0;
        }
        return n;
    }

    /** Compares on the key columns (all columns when there is no key), as the ORDER BY does: C collation, nulls first. */
    private static int compareOn(List<String> x, List<String> y, int[] keyIdx) {
        int n = keyIdx == null ? x.size() : keyIdx.length;
        for (int i = 0; i < n; i++) {
            int j = keyIdx == null ? i : keyIdx[i];
            int c = compareText(x.get(j), y.get(j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Byte order of the UTF-8 text, which is PostgreSQL's "C" collation; null first. */
    private static int compareText(String p, String q) {
        if (Objects.equals(p, q)) {
            return 0;
        }
        if (p == null || q == null) {
            return p == null ? -1 : 1;
        }
        return Arrays.compareUnsigned(p.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                q.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> next(ResultSet rs, int n) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
        }
        return row;
    }

    private static String describe(List<String> cols, List<String> row, int[] only) {
        List<String> parts = new ArrayList<>();
        if (only == null) {
            for (int i = 0; i < cols.size(); i++) {
                parts.add(cols.get(i) + "=" + row.get(i));
            }
        } else {
            for (int i : only) {
                parts.add(cols.get(i) + "=" + row.get(i));
            }
        }
        return abbreviate(String.join(", ", parts));
    }

    private static String changes(List<String> cols, List<String> x, List<String> y) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (!Objects.equals(x.get(i), y.get(i))) {
                parts.add(cols.get(i) + " A=" + x.get(i) + " B=" + y.get(i));
            }
        }
        return abbreviate(String.join("; ", parts));
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                if (!SKIPPED_TABLES.contains(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY column_name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), table)) {
            List<String[]> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(new String[] {rs.getString("KEY_SEQ"), rs.getString("COLUMN_NAME")});
            }
            keys.sort((p, q) -> Integer.compare(Integer.parseInt(p[0]), Integer.parseInt(q[0])));
            keys.forEach(k -> out.add(k[1]));
        }
        return out;
    }

    private static Set<String> union(Set<String> x, Set<String> y) {
        Set<String> out = new TreeSet<>(x);
        out.addAll(y);
        return out;
    }

    /** The column as text, with the {@link #MASKED} run clocks replaced. */
    private static String text(String column) {
        String t = quote(column) + "::text";
        for (String[] m : MASKED) {
            if (m[0].equals(column)) {
                t = "regexp_replace(" + t + ", '" + m[1].replace("'", "''") + "', '" + m[2].replace("'", "''") + "', 'g')";
            }
        }
        return t;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
