package io.showmetrics.jobs.contract;

import io.showmetrics.cli.Showmetrics;
import io.showmetrics.core.catalog.MetricCatalog;
import io.showmetrics.core.catalog.MetricDefinition;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.Field;
import io.showmetrics.ingest.validate.FieldType;
import io.showmetrics.ingest.validate.Reason;
import io.showmetrics.ingest.validate.RecordValidator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the machine-checkable sections of {@code docs/contract.md} from the code that defines them, so
 * the readable contract cannot drift: the landing entities from {@link Entities}, the quarantine reason
 * codes from {@link Reason}, the metrics from {@link MetricCatalog}, the serving tables from the Flyway
 * migrations as PostgreSQL reports them ({@code information_schema}), and the commands from the picocli
 * model of {@link Showmetrics}. Each section sits between {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}; everything outside the markers is prose and is left as written.
 */
final class ContractDoc {
    /** The regenerate command, printed by the check and quoted in the document's header. */
    static final String REGENERATE = "mvn -B -pl jobs -am test -Dtest=ContractDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcontract.write=true";

    private ContractDoc() {}

    /** Every generated section by marker name; the serving tables are read through {@code migrated}. */
    static Map<String, String> sections(Connection migrated) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("entities", entities());
        out.put("reasons", reasons());
        out.put("metrics", metrics());
        out.put("serving-tables", servingTables(migrated));
        out.put("commands", commands());
        return out;
    }

    /**
     * The document with each marked section replaced by its generated text.
     *
     * @throws IllegalArgumentException when a section's markers are missing or out of order
     */
    static String render(String document, Map<String, String> sections) {
        String out = document;
        for (Map.Entry<String, String> s : sections.entrySet()) {
            String open = "<!-- generated:" + s.getKey() + " -->";
            String close = "<!-- /generated:" + s.getKey() + " -->";
            Matcher m = Pattern.compile(Pattern.quote(open) + "(.*?)" + Pattern.quote(close), Pattern.DOTALL)
                    .matcher(out);
            if (!m.find()) {
                throw new IllegalArgumentException("docs/contract.md has no section " + open + " ... " + close
                        + ": put both markers, each on its own line, where the section belongs");
            }
            out = out.substring(0, m.start(1)) + "\n" + s.getValue() + out.substring(m.end(1));
        }
        return out;
    }

    // ---------------------------------------------------------------- input

    static String entities() {
        StringBuilder b = new StringBuilder();
        for (EntitySchema e : Entities.ALL) {
            b.append("#### `").append(e.name()).append("`\n\n").append(identity(e)).append("\n\n");
            b.append("| field | | type | rules |\n|---|---|---|---|\n");
            for (Field f : e.fields()) {
                b.append("| `").append(f.name()).append("` | ").append(f.required() ? "required" : "optional")
                        .append(" | ").append(type(f)).append(" |").append(cell(" " + rules(f)).stripTrailing())
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String identity(EntitySchema e) {
        String key = e.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
        key = e.key().size() > 1 ? "(" + key + ")" : key;
        String text = switch (e.identity()) {
            case EVENT -> "Key " + key + ". The same key again with identical content is a duplicate (counted, "
                    + "dropped); with different content it is quarantined as `conflicting_id`.";
            case UPDATE -> "Key " + key + ". The same key again with identical content is a duplicate (counted, "
                    + "dropped); with different content it is an update, and the row loaded last wins.";
            case KEYLESS -> "No key: a row whose content is identical to an accepted one is a duplicate (counted, "
                    + "dropped); any other row is accepted.";
            default -> "Identity " + e.identity() + ", key " + key + ".";
        };
        if (e.rangeStart() != null) {
            text += " `" + e.rangeStart() + "` must not be after `" + e.rangeEnd() + "` (else `bad_range`).";
        }
        return text;
    }

    /** The kind of value a field holds (its rules, such as a closed set's values, are in {@link #rules}). */
    static String type(Field f) {
        return switch (f.type()) {
            case STRING -> "text";
            case IDENTIFIER -> "identifier";
            case ENUM -> "closed set";
            case CURRENCY -> "ISO-4217 code";
            case TIMESTAMP -> "timestamp";
            case BOOLEAN -> "boolean";
            case INT -> "integer";
            case LONG -> "integer (64-bit)";
            case DECIMAL -> "decimal";
            case DATE -> "date";
            case STRING_LIST -> "list";
            case DOUBLE_MAP -> "object name → number";
            default -> f.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String rules(Field f) {
        List<String> r = new ArrayList<>();
        if (!f.allowed().isEmpty()) {
            String values = new TreeSet<>(f.allowed()).stream().map(v -> "`" + v + "`")
                    .collect(Collectors.joining(", "));
            r.add((f.type() == FieldType.ENUM ? "one of " : "for example ") + values);
        }
        switch (f.type()) {
            case DATE -> r.add("`yyyy-MM-dd`");
            case BOOLEAN -> r.add("`true` or `false`, any case");
            case STRING_LIST -> r.add("JSON array, or `|`-separated in CSV; each item an identifier");
            case DOUBLE_MAP -> r.add("JSON object, or its JSON text in a CSV cell");
            case DECIMAL -> r.add("up to " + (f.precision() - f.scale()) + " digits before the point; kept to "
                    + f.scale() + " decimals (more are rounded half-up)");
            default -> { }
        }
        switch (f.minimum()) {
            case NON_NEGATIVE -> r.add("≥ 0 (else `negative_value`)");
            case POSITIVE -> r.add("> 0 (else `negative_value`)");
            default -> { }
        }
        if (f.futureChecked()) {
            r.add("at most " + days(RecordValidator.FUTURE_TOLERANCE) + " after the run starts (else "
                    + "`future_timestamp`)");
        }
        if (f.defaultValue() != null) {
            r.add("default `" + f.defaultValue() + "`");
        }
        if (f.defaultFrom() != null) {
            r.add("default: the row's `" + f.defaultFrom() + "`");
        }
        return String.join("; ", r);
    }

    private static String days(Duration d) {
        return d.toDays() + " days";
    }

    /** What each reason code means; a code added to {@link Reason} without a line here still gets listed. */
    private static final Map<String, String> REASON_TEXT = Map.ofEntries(
            Map.entry("malformed_json", "a JSONL line that is not one JSON object, or not UTF-8"),
            Map.entry("malformed_csv", "a CSV record with the wrong number of cells or broken quoting, a bad "
                    + "header, or not UTF-8"),
            Map.entry("missing_field", "a required field is absent (`null` and an empty CSV cell are absent)"),
            Map.entry("bad_type", "a value that is not of its field's type, or does not fit it (too many digits "
                    + "before the point)"),
            Map.entry("bad_timestamp", "a timestamp that does not parse, has no offset, or a date that is not "
                    + "`yyyy-MM-dd`"),
            Map.entry("unknown_value", "a value outside a closed set (exact, case-sensitive)"),
            Map.entry("negative_value", "a number below its field's minimum"),
            Map.entry("unknown_currency", "not a three-letter ISO-4217 code"),
            Map.entry("bad_identifier", "an identifier that is empty, blank or longer than 128 characters"),
            Map.entry("future_timestamp", "a timestamp more than "
                    + days(RecordValidator.FUTURE_TOLERANCE) + " after the run started"),
            Map.entry("bad_range", "an `ends_at` before its `starts_at`"),
            Map.entry("conflicting_id", "an event whose id was already accepted with different content"),
            Map.entry("no_fx_rate", "an order in another currency than the reporting one, with no `fx_rates` "
                    + "row for that currency and UTC day"),
            Map.entry("unreadable_file", "the file stops being readable (truncated gzip, I/O error); the "
                    + "records before the fault are kept and the fault counts as one record read"));

    static String reasons() {
        StringBuilder b = new StringBuilder("| reason | when |\n|---|---|\n");
        for (Reason r : Reason.values()) {
            b.append("| `").append(r.code()).append("` | ")
                    .append(cell(REASON_TEXT.getOrDefault(r.code(), "(see `Reason." + r.name() + "`)")))
                    .append(" |\n");
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- metrics

    static String metrics() {
        Map<String, List<MetricDefinition>> byLevel = MetricCatalog.all().stream()
                .collect(Collectors.groupingBy(MetricDefinition::level, LinkedHashMap::new, Collectors.toList()));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<MetricDefinition>> level : byLevel.entrySet()) {
            boolean show = level.getKey().equals("show");
            b.append("#### Level `").append(level.getKey()).append("`\n\n");
            b.append(show ? "| metric | definition | window | unit | final after the show ends | goal |\n"
                    + "|---|---|---|---|---|---|\n"
                    : "| metric | definition | window | unit |\n|---|---|---|---|\n");
            for (MetricDefinition m : level.getValue()) {
                b.append("| `").append(m.name()).append("`<br>").append(cell(m.label())).append(" | ")
                        .append(cell(m.definition())).append(" | ").append(cell(m.window())).append(" | ")
                        .append(m.unit());
                if (show) {
                    b.append(" | ").append(m.finalAfter() == null ? "–" : duration(m.finalAfter()))
                            .append(" | ").append(m.goalAllowed() ? "yes" : "no");
                }
                b.append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String duration(Duration d) {
        if (d.toDays() > 1 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }

    // ---------------------------------------------------------------- serving tables

    /** Every table of the migrated schema with its columns, keys and checks, in name order. */
    static String servingTables(Connection c) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.numeric_precision,
                               c.numeric_scale, c.is_nullable, c.column_default,
                               EXISTS (SELECT 1 FROM information_schema.table_constraints t
                                       JOIN information_schema.key_column_usage k
                                         ON k.constraint_name = t.constraint_name
                                        AND k.table_schema = t.table_schema AND k.table_name = t.table_name
                                       WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema
                                         AND t.table_name = c.table_name AND k.column_name = c.column_name) AS pk
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                          AND c.table_name <> 'flyway_schema_history'
                        ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                String type = sqlType(rs.getString("data_type"), rs.getString("udt_name"),
                        (Integer) rs.getObject("numeric_precision"), (Integer) rs.getObject("numeric_scale"));
                List<String> notes = new ArrayList<>();
                if (rs.getBoolean("pk")) {
                    notes.add("key");
                }
                if ("NO".equals(rs.getString("is_nullable")) && !rs.getBoolean("pk")) {
                    notes.add("not null");
                }
                String def = rs.getString("column_default");
                if (def != null && !def.startsWith("nextval(")) {
                    notes.add("default `" + def.replaceAll("::[a-z ]+$", "") + "`");
                }
                rows.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                        .add("| `" + rs.getString("column_name") + "` | " + type
                                + (notes.isEmpty() ? " |" : " | " + String.join(", ", notes) + " |"));
            }
        }
        Map<String, List<String>> checks = checks(c);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> t : rows.entrySet()) {
            b.append("#### `").append(t.getKey()).append("`\n\n| column | type | |\n|---|---|---|\n");
            t.getValue().forEach(r -> b.append(r).append('\n'));
            List<String> tableChecks = checks.getOrDefault(t.getKey(), List.of());
            if (!tableChecks.isEmpty()) {
                b.append('\n');
                tableChecks.forEach(check -> b.append("- ").append(constraint(check)).append('\n'));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static Map<String, List<String>> checks(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT rel.relname, pg_get_constraintdef(con.oid)
                        FROM pg_constraint con
                        JOIN pg_class rel ON rel.oid = con.conrelid
                        JOIN pg_namespace n ON n.oid = rel.relnamespace
                        WHERE n.nspname = 'public' AND con.contype IN ('c', 'u')
                        ORDER BY rel.relname, pg_get_constraintdef(con.oid)""")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static final Pattern IN_LIST =
            Pattern.compile("CHECK \\(\\((\\w+) = ANY \\(ARRAY\\[(.*)\\]\\)\\)\\)");

    private static final Pattern UNIQUE = Pattern.compile("UNIQUE \\(([\\w, ]+)\\)");

    /** A constraint as a reader wants it: a column's list of values, a unique key, else PostgreSQL's own text. */
    static String constraint(String definition) {
        Matcher m = IN_LIST.matcher(definition);
        if (m.matches()) {
            String values = Pattern.compile("'([^']*)'::\\w+").matcher(m.group(2)).results()
                    .map(r -> "`" + r.group(1) + "`").collect(Collectors.joining(", "));
            return "`" + m.group(1) + "` is one of " + values + ".";
        }
        Matcher unique = UNIQUE.matcher(definition);
        if (unique.matches()) {
            return "(" + Pattern.compile(",\\s*").splitAsStream(unique.group(1)).map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", ")) + ") is unique.";
        }
        return "`" + definition + "`";
    }

    static String sqlType(String dataType, String udtName, Integer precision, Integer scale) {
        return switch (dataType) {
            case "ARRAY" -> udtName.substring(1) + "[]";
            case "numeric" -> precision == null ? "numeric" : "numeric(" + precision + ", " + scale + ")";
            case "timestamp with time zone" -> "timestamptz";
            default -> dataType;
        };
    }

    // ---------------------------------------------------------------- commands

    static String commands() {
        CommandSpec root = Showmetrics.commandLine().getCommandSpec();
        StringBuilder b = new StringBuilder();
        for (CommandLine sub : root.subcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            b.append("#### `./showmetrics ").append(spec.name()).append("`\n\n")
                    .append(String.join(" ", spec.usageMessage().description())).append("\n\n");
            List<OptionSpec> options = spec.options().stream()
                    .filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp()).toList();
            if (!options.isEmpty()) {
                b.append("| option | meaning |\n|---|---|\n");
                for (OptionSpec o : options) {
                    String value = o.typeInfo().isBoolean() ? "" : " " + o.paramLabel();
                    b.append("| `").append(String.join(", ", o.names())).append(value).append("`")
                            .append(o.required() ? " (required)" : "").append(" | ")
                            .append(cell(String.join(" ", o.renderedDescription()))).append(" |\n");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
