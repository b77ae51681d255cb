package io.showmetrics.generator;

import java.math.BigDecimal;
import java.util.Map;

/** One record: values aligned with its entity's columns, plus an optional unknown extra field. */
final class Rec {

    /** Marks a field written as JSON {@code null} (an empty cell in CSV): absent, spelled differently. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    final Entity entity;
    final Object[] values;
    String extraKey;
    Object extraValue;
    /** Whether bad variants may be derived from this record (false for order status rows). */
    boolean badSource = true;

    Rec(Entity entity) {
        this.entity = entity;
        this.values = new Object[entity.columns.size()];
    }

    Rec set(String column, Object value) {
        values[entity.col(column)] = value;
        return this;
    }

    Object get(String column) {
        return values[entity.col(column)];
    }

    Rec extra(String key, Object value) {
        this.extraKey = key;
        this.extraValue = value;
        return this;
    }

    Rec copy() {
        Rec r = new Rec(entity);
        System.arraycopy(values, 0, r.values, 0, values.length);
        r.extraKey = extraKey;
        r.extraValue = extraValue;
        r.badSource = badSource;
        return r;
    }

    String toJson() {
        StringBuilder sb = new StringBuilder(200);
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            jsonString(sb, entity.columns.get(i));
            sb.append(':');
            jsonValue(sb, v);
        }
        if (extraKey != null) {
            sb.append(',');
            jsonString(sb, extraKey);
            sb.append(':');
            jsonValue(sb, extraValue);
        }
        sb.append('}');
        return sb.toString();
    }

    /** CSV row for the given header (entity columns, optionally followed by one extra column). */
    String toCsv(String extraColumn) {
        StringBuilder sb = new StringBuilder(160);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            csvCell(sb, values[i]);
        }
        if (extraColumn != null) {
            sb.append(',');
            csvCell(sb, extraColumn.equals(extraKey) ? extraValue : null);
        }
        return sb.toString();
    }

    String[] csvCells(String extraColumn) {
        int n = values.length + (extraColumn != null ? 1 : 0);
        String[] out = new String[n];
        for (int i = 0; i < values.length; i++) {
            StringBuilder sb = new StringBuilder();
            csvCell(sb, values[i]);
            out[i] = sb.toString();
        }
        if (extraColumn != null) {
            StringBuilder sb = new StringBuilder();
            csvCell(sb, extraColumn.equals(extraKey) ? extraValue : null);
            out[n - 1] = sb.toString();
        }
        return out;
    }

    static void csvCell(StringBuilder sb, Object v) {
        if (v == null || v == NULL) {
            return;
        }
        String s;
        if (v instanceof String[] arr) {
            s = String.join("|", arr);
        } else if (v instanceof Map<?, ?> m) {
            StringBuilder j = new StringBuilder();
            jsonValue(j, m);
            s = j.toString();
        } else if (v instanceof BigDecimal bd) {
            s = bd.toPlainString();
        } else {
            s = v.toString();
        }
        csvQuote(sb, s);
    }

    static void csvQuote(StringBuilder sb, String s) {
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static void jsonValue(StringBuilder sb, Object v) {
        if (v == NULL) {
            sb.append("null");
        } else if (v instanceof String s) {
            jsonString(sb, s);
        } else if (v instanceof BigDecimal bd) {
            sb.append(bd.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof String[] arr) {
            sb.append('[');
            for (int i = 0; i < arr.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                jsonString(sb, arr[i]);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                jsonString(sb, e.getKey().toString());
                sb.append(':');
                jsonValue(sb, e.getValue());
            }
            sb.append('}');
        } else {
            jsonString(sb, v.toString());
        }
    }

    static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
