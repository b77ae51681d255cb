package io.showmetrics.dashboard.goals;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a goals CSV (RFC 4180: header {@code show_id,metric,target,direction}, then one goal per line; quoted fields
 * may hold commas and doubled quotes; CRLF or LF; a UTF-8 byte-order mark and blank lines are ignored). Targets are
 * read as on the form ({@link GoalTarget}: 1,500, 5 %, €600, 12:30); a target with thousands separators may be quoted
 * ({@code "1,500"}, as Excel writes it) or not ({@link #withGroupedTarget}).
 *
 * <p>An import is bounded so that a careless or hostile upload costs little: at most {@link #MAX_BYTES} bytes
 * (checked by the callers before the text is read, 413 beyond) and {@link #MAX_LINES} goal lines (400 beyond).
 */
final class GoalCsv {
    /** The largest file an import reads: 1 MiB, about 20,000 goal lines. */
    static final int MAX_BYTES = 1024 * 1024;
    /** The most goal lines (blank lines and the header not counted) one import accepts. */
    static final int MAX_LINES = 10_000;

    private GoalCsv() {
    }

    /** One data line of the file with its line number (the header is line 1). */
    record Line(int number, GoalDraft draft) {
    }

    /** The data lines, or the errors that stop the file from being read at all (header, field counts, quoting). */
    record Parsed(List<Line> lines, List<GoalError> errors) {
    }

    static Parsed parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] rawLines = body.split("\r\n|\n|\r", -1);
        List<GoalError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int headerAt = -1;
        for (int i = 0; i < rawLines.length; i++) {
            if (!rawLines[i].isBlank()) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            return new Parsed(List.of(), List.of(GoalErrors.emptyFile()));
        }
        String header = rawLines[headerAt].strip().replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        if (!header.equals(GoalErrors.HEADER)) {
            return new Parsed(List.of(), List.of(GoalErrors.badHeader(rawLines[headerAt].strip())));
        }
        int goalLines = 0;
        for (int i = headerAt + 1; i < rawLines.length; i++) {
            if (!rawLines[i].isBlank()) {
                goalLines++;
            }
        }
        if (goalLines > MAX_LINES) {
            return new Parsed(List.of(), List.of(GoalErrors.tooManyLines(goalLines)));
        }
        for (int i = headerAt + 1; i < rawLines.length; i++) {
            int number = i + 1;
            if (rawLines[i].isBlank()) {
                continue;
            }
            List<String> fields = withGroupedTarget(fields(rawLines[i]));
            if (fields == null) {
                errors.add(GoalErrors.badQuoting(number));
            } else if (fields.size() != 4) {
                errors.add(GoalErrors.wrongColumnCount(number, fields.size()));
            } else {
                lines.add(new Line(number, new GoalDraft(fields.get(0), fields.get(1), fields.get(2), fields.get(3))));
            }
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(GoalErrors.noRows());
        }
        return new Parsed(lines, errors);
    }

    /**
     * A line whose target was typed with thousands separators and not quoted ({@code s1,unique_viewers,1,500,at_least}
     * has 5 fields): the fields between the metric and the direction joined back with commas when every one after the
     * first starts with three digits (a thousands group), so that {@link GoalTarget} reads {@code 1,500}. Any other
     * line is returned as it is (and a wrong field count is reported).
     */
    static List<String> withGroupedTarget(List<String> fields) {
        if (fields == null || fields.size() <= 4) {
            return fields;
        }
        List<String> target = fields.subList(2, fields.size() - 1);
        boolean grouped = target.get(0).strip().matches(".*\\d")
                && target.subList(1, target.size()).stream().allMatch(f -> f.matches("\\d{3}(\\D.*)?"));
        if (!grouped) {
            return fields;
        }
        return List.of(fields.get(0), fields.get(1), String.join(",", target), fields.get(fields.size() - 1));
    }

    /** The fields of one line; {@code null} when a quoted field is not closed. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
