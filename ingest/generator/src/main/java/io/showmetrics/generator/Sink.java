package io.showmetrics.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Streams one landing file (JSONL or CSV with header, optionally gzip) and plants bad and duplicate records
 * between the good ones. Each bad record carries exactly one fault and a fresh identifier (except
 * {@code conflicting_id}, which reuses one on purpose), so ingest counts it under exactly one reason.
 */
final class Sink implements Closeable {

    enum Format { JSONL, CSV }

    private static final String[] UNKNOWN_TYPES = {"superchat", "hover", "bookmark"};

    private final Entity entity;
    private final Format format;
    private final String extraColumn;
    private final BufferedWriter out;
    private final SplittableRandom rng;
    private final double badRate;
    private final Reason[] reasons;
    private final Counters counters;
    private final List<Object[]> pendingDuplicates = new ArrayList<>();
    /** This file's {records, bad, duplicates}. */
    private final long[] fileCounts = new long[3];
    private int freshSeq;
    private boolean closed;

    Sink(Path file, Entity entity, Format format, String extraColumn, long rngKey, double badRate, Reason[] reasons,
         Counters counters) {
        this.entity = entity;
        this.format = format;
        this.extraColumn = extraColumn;
        this.rng = new SplittableRandom(rngKey);
        this.badRate = badRate;
        this.reasons = reasons;
        this.counters = counters;
        try {
            Files.createDirectories(file.getParent());
            OutputStream os = Files.newOutputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                os = new GZIPOutputStream(os, 1 << 16);
            }
            this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            if (format == Format.CSV) {
                StringBuilder h = new StringBuilder(String.join(",", entity.columns));
                if (extraColumn != null) {
                    h.append(',').append(extraColumn);
                }
                out.write(h.toString());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        counters.files.add(file);
        counters.perFile.add(fileCounts);
    }

    /** Writes a good record, then perhaps a bad one derived from it, and schedules perhaps a duplicate of it. */
    void write(Rec r) {
        String line = render(r);
        emit(line);
        if (badRate > 0 && reasons.length > 0 && r.badSource && rng.nextDouble() < badRate) {
            Reason reason = reasons[rng.nextInt(reasons.length)];
            emit(bad(reason, r));
            counters.bad[entity.ordinal()][reason.ordinal()]++;
            fileCounts[1]++;
        }
        if (badRate > 0 && rng.nextDouble() < badRate) {
            pendingDuplicates.add(new Object[] {1 + rng.nextInt(40), line});
            counters.duplicates[entity.ordinal()]++;
            fileCounts[2]++;
        }
        if (!pendingDuplicates.isEmpty()) {
            for (int i = 0; i < pendingDuplicates.size(); i++) {
                Object[] p = pendingDuplicates.get(i);
                int left = (Integer) p[0] - 1;
                if (left <= 0) {
                    emit((String) p[1]);
                    pendingDuplicates.remove(i--);
                } else {
                    p[0] = left;
                }
            }
        }
    }

    private String render(Rec r) {
        return format == Format.JSONL ? r.toJson() : r.toCsv(extraColumn);
    }

    private void emit(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counters.records[entity.ordinal()]++;
        fileCounts[0]++;
    }

    private String bad(Reason reason, Rec good) {
        Rec r = good.copy();
        if (reason != Reason.CONFLICTING_ID) {
            r.set(entity.idField, freshId((String) good.get(entity.idField)));
        }
        switch (reason) {
            case MALFORMED_JSON -> {
                String json = r.toJson();
                int cut = (int) (json.length() * (0.4 + 0.4 * rng.nextDouble()));
                return json.substring(0, cut);
            }
            case MALFORMED_CSV -> {
                String[] cells = r.csvCells(extraColumn);
                int keep = cells.length - 2 - rng.nextInt(2);
                return String.join(",", Arrays.copyOf(cells, keep));
            }
            case MISSING_FIELD -> {
                List<String> candidates = new ArrayList<>(entity.required);
                candidates.remove(entity.idField);
                String field = candidates.get(rng.nextInt(candidates.size()));
                r.set(field, format == Format.JSONL && rng.nextBoolean() ? Rec.NULL : null);
            }
            case UNKNOWN_VALUE -> {
                if (entity == Entity.ORDERS) {
                    if (rng.nextBoolean()) {
                        r.set("channel", "kiosk");
                    } else {
                        r.set("status", "lost_in_transit");
                    }
                } else {
                    r.set("type", UNKNOWN_TYPES[rng.nextInt(UNKNOWN_TYPES.length)]);
                }
            }
            case BAD_TIMESTAMP -> {
                String ts = (String) r.get("ts");
                String bad = switch (rng.nextInt(4)) {
                    case 0 -> ts.substring(0, 19);
                    case 1 -> ts.substring(0, 5) + "13" + ts.substring(7, 19) + "Z";
                    case 2 -> "not-a-timestamp";
                    default -> ts.substring(8, 10) + "/" + ts.substring(5, 7) + "/" + ts.substring(0, 4) + " "
                        + ts.substring(11, 19);
                };
                r.set("ts", bad);
            }
            case FUTURE_TIMESTAMP -> {
                String ts = (String) r.get("ts");
                int year = Integer.parseInt(ts.substring(0, 4)) + 4;
                r.set("ts", year + ts.substring(4));
            }
            case BAD_IDENTIFIER -> {
                StringBuilder id = new StringBuilder((String) r.get(entity.idField)).append('-');
                int target = 129 + rng.nextInt(60);
                while (id.length() < target) {
                    id.append(Long.toHexString(rng.nextLong()));
                }
                r.set(entity.idField, id.substring(0, target));
            }
            case NEGATIVE_VALUE -> {
                if (rng.nextBoolean()) {
                    r.set("quantity", -((Integer) r.get("quantity")));
                } else {
                    r.set("unit_price", ((BigDecimal) r.get("unit_price")).negate());
                }
            }
            case UNKNOWN_CURRENCY -> r.set("currency", "XXQ");
            case CONFLICTING_ID -> {
                switch (entity) {
                    case VIEWER_EVENTS -> {
                        Object d = r.get("device");
                        r.set("device", "tv".equals(d) ? "desktop" : "tv");
                    }
                    case CHAT_EVENTS -> {
                        Object t = r.get("text");
                        r.set("text", t == null ? "(edited)" : t + " (edited)");
                    }
                    default -> {
                        OffsetDateTime t = OffsetDateTime.parse((String) r.get("ts"));
                        r.set("ts", t.plusSeconds(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                    }
                }
            }
            default -> throw new IllegalStateException(reason.code);
        }
        return render(r);
    }

    private String freshId(String id) {
        if (id.length() == 36 && id.charAt(8) == '-' && id.charAt(14) == '4') {
            return Rng.uuid(rng.nextLong(), rng.nextLong());
        }
        // Order and visit ids: same prefix, a sequence range (9xxxxx) good records never use.
        return id.substring(0, id.lastIndexOf('-') + 1) + "9" + String.format("%05d", freshSeq++);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Object[] p : pendingDuplicates) {
            emit((String) p[1]);
        }
        pendingDuplicates.clear();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
