package io.showmetrics.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The show calendar: a few shows a week in evening slots (Paris time), plus the experiment shows at fixed
 * day offsets. A day's shows depend only on (seed, start, day index), never on how many days are generated.
 */
final class Calendar {

    private static final long TAG = Rng.tag("calendar");

    private Calendar() {
    }

    /** Shows of days [0, untilDay), in start order, with ordinals assigned. */
    static List<Show> shows(long seed, LocalDate start, int untilDay) {
        List<Show> out = new ArrayList<>();
        for (int d = 0; d < untilDay; d++) {
            for (Show s : showsOn(seed, start, d)) {
                out.add(new Show(s.key(), out.size(), s.day(), s.id(), s.title(), s.host(), s.channel(), s.startMs(),
                    s.endMs(), s.featured(), s.experimentId(), s.variant(), s.moments()));
            }
        }
        return out;
    }

    private static List<Show> showsOn(long seed, LocalDate start, int day) {
        LocalDate date = start.plusDays(day);
        SplittableRandom r = Rng.of(seed, TAG, day);
        Experiments.ExperimentShow exp = Experiments.showOn(day);
        List<Show> out = new ArrayList<>(1);
        if (exp != null) {
            // The arms of a host test must differ only by host (and weekday): same skus, moments and timing.
            SplittableRandom er = exp.variant() != null ? Rng.of(seed, TAG, Rng.tag(exp.experimentId())) : r;
            out.add(build(seed, date, day, 0, LocalTime.of(20, 0), 60, exp.theme(), exp.host(), exp.experimentId(),
                exp.variant(), er));
            return out;
        }
        DayOfWeek dow = date.getDayOfWeek();
        switch (dow) {
            case TUESDAY -> out.add(build(seed, date, day, 0, LocalTime.of(19, 0), pickOf(r, 45, 60, 75), -1, null, null, null, r));
            case WEDNESDAY -> {
                if (r.nextDouble() < 0.2) {
                    out.add(build(seed, date, day, 0, LocalTime.of(19, 30), 30, -1, null, null, null, r));
                }
            }
            case THURSDAY -> out.add(build(seed, date, day, 0, LocalTime.of(20, 0), pickOf(r, 60, 75, 90), -1, null, null, null, r));
            case FRIDAY -> {
                if (r.nextDouble() < 0.35) {
                    out.add(build(seed, date, day, 0, LocalTime.of(12, 30), 30, -1, null, null, null, r));
                }
            }
            case SATURDAY -> {
                if (r.nextDouble() < 0.3) {
                    out.add(build(seed, date, day, 0, LocalTime.of(11, 0), 45, -1, null, null, null, r));
                }
            }
            case SUNDAY -> out.add(build(seed, date, day, 0, LocalTime.of(18, 0), pickOf(r, 60, 90), -1, null, null, null, r));
            default -> { }
        }
        return out;
    }

    private static int pickOf(SplittableRandom r, int... options) {
        return options[r.nextInt(options.length)];
    }

    private static Show build(long seed, LocalDate date, int day, int slot, LocalTime local, int minutes, int themeIdx,
                              String host, String experimentId, String variant, SplittableRandom r) {
        long startMs = ZonedDateTime.of(date, local, Ts.PARIS).toInstant().toEpochMilli();
        long endMs = startMs + minutes * Ts.MINUTE;
        int theme = themeIdx >= 0 ? themeIdx : r.nextInt(Catalog.THEMES.length);
        String h = host != null ? host : Catalog.HOSTS.get(r.nextInt(Catalog.HOSTS.size()));
        String channel = Labels.showChannel(seed, day, slot, experimentId,
            Catalog.SHOW_CHANNELS[Rng.pick(r, new double[] {0.45, 0.2, 0.15, 0.1, 0.1})]);
        List<Integer> pool = Catalog.SKUS_BY_CATEGORY.get(Catalog.categoryIndex(Catalog.THEME_CATEGORY[theme]));
        int n = Math.min(pool.size(), 3 + r.nextInt(4));
        List<Integer> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        int[] featured = new int[n];
        for (int i = 0; i < n; i++) {
            featured[i] = shuffled.get(i);
        }
        String id = "SH-" + date.toString().replace("-", "") + "-" + local.toString().replace(":", "");
        String title = Catalog.THEMES[theme] + " with " + h.split(" ")[0];
        List<Show.Moment> moments = moments(startMs, minutes, featured, r);
        return new Show(day * 10L + slot, -1, day, id, title, h, channel, startMs, endMs, featured, experimentId,
            variant, moments);
    }

    private static List<Show.Moment> moments(long startMs, int minutes, int[] featured, SplittableRandom r) {
        List<Show.Moment> m = new ArrayList<>();
        long usable = (minutes - 8) * Ts.MINUTE;
        for (int i = 0; i < featured.length; i++) {
            long at = startMs + 3 * Ts.MINUTE + usable * i / featured.length + r.nextInt(60) * Ts.SECOND;
            m.add(new Show.Moment(at, "product_pin", featured[i], Catalog.SKUS.get(featured[i]).name()));
        }
        int promos = 1 + r.nextInt(2);
        for (int i = 0; i < promos; i++) {
            long at = startMs + (long) ((0.2 + 0.7 * r.nextDouble()) * minutes * Ts.MINUTE) / Ts.SECOND * Ts.SECOND;
            int code = 10 + 5 * r.nextInt(4);
            m.add(new Show.Moment(at, "promo", -1, "-" + code + "% with code LIVE" + code));
        }
        if (r.nextDouble() < 0.5) {
            long at = startMs + (long) (0.6 * minutes) * Ts.MINUTE;
            int prize = featured[r.nextInt(featured.length)];
            m.add(new Show.Moment(at, "giveaway", prize, "Giveaway: " + Catalog.SKUS.get(prize).name()));
        }
        if (r.nextDouble() < 0.4) {
            long at = startMs + (long) (0.4 * minutes) * Ts.MINUTE + 30 * Ts.SECOND;
            m.add(new Show.Moment(at, "quiz", -1, "Quiz: guess the hero ingredient"));
        }
        if (r.nextDouble() < 0.3) {
            long at = startMs + (10 + r.nextInt(10)) * Ts.MINUTE;
            m.add(new Show.Moment(at, "guest", -1, "Guest: make-up artist " + pick(r, "Nora", "Yanis", "Chloé", "Ava")));
        }
        m.sort((a, b) -> Long.compare(a.ts(), b.ts()));
        return List.copyOf(m);
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
