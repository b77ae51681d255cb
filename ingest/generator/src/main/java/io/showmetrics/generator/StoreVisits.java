package io.showmetrics.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Store visits of a day: a propensity-driven baseline, visits 0.5..6.5 days after a watched show, the
 * "several shows, then a store" customers, and the holdout experiment's extra visits.
 */
final class StoreVisits {

    private static final long T_VISIT = Rng.tag("visit");
    private static final long T_VISIT_DETAIL = Rng.tag("visit-detail");
    private static final long T_INFLUENCE = Rng.tag("show-influence");
    private static final long T_MULTI = Rng.tag("multi-show-visit");
    private static final long T_PUSH_VISIT = Rng.tag("push-visit");
    private static final long T_SURVEY = Rng.tag("survey");

    static final String[] SOURCES = {"pos", "loyalty", "wifi", "pickup", "appointment"};
    private static final double[] SOURCE_WEIGHTS = {0.35, 0.30, 0.15, 0.12, 0.08};

    enum Kind { BASELINE, SHOW_INFLUENCED, MULTI_SHOW, PUSH }

    static final class Visit {
        final int customer;
        final int store;
        final long ts;
        final Kind kind;
        String id;
        String source;
        Boolean sawShow;
        boolean localOffset;

        Visit(int customer, int store, long ts, Kind kind) {
            this.customer = customer;
            this.store = store;
            this.ts = ts;
            this.kind = kind;
        }
    }

    private StoreVisits() {
    }

    static List<Visit> on(World w, int day) {
        Population pop = w.pop;
        long dayStart = w.dayStartMs(day);
        long dayEnd = dayStart + Ts.DAY;
        List<Visit> out = new ArrayList<>();
        int signed = pop.signedUpBefore(dayStart);
        for (int i = 0; i < signed; i++) {
            if (pop.homeStore[i] < 0 || pop.multiShowVisitor[i]) {
                continue;
            }
            double nu = Model.BASE_VISIT_RATE + Model.BASE_VISIT_PER_PROPENSITY * pop.propensity[i];
            if (Rng.unit(w.seed, T_VISIT, day, i) < nu) {
                SplittableRandom r = Rng.of(w.seed, T_VISIT_DETAIL, day, i);
                int store = pop.homeStore[i];
                if (r.nextDouble() < 0.12) {
                    List<Integer> same = Catalog.storesInRegion(Catalog.STORES.get(store).region());
                    store = same.get(r.nextInt(same.size()));
                }
                add(out, new Visit(i, store, atStore(w, store, dayStart, r), Kind.BASELINE), dayStart, dayEnd);
            }
        }
        for (int d = day - 8; d <= day; d++) {
            for (Show s : w.showsOn(d)) {
                for (int i : pop.attendees[s.ordinal()]) {
                    if (pop.homeStore[i] < 0 || pop.multiShowVisitor[i]) {
                        continue;
                    }
                    if (Rng.unit(w.seed, T_INFLUENCE, s.key(), i) >= Model.SHOW_INFLUENCED_VISIT) {
                        continue;
                    }
                    SplittableRandom r = Rng.of(w.seed, T_INFLUENCE, s.key(), i, 1);
                    long target = s.endMs() + Ts.DAY / 2 + (long) (r.nextDouble() * 6 * Ts.DAY);
                    long ts = atStore(w, pop.homeStore[i], Math.floorDiv(target, Ts.DAY) * Ts.DAY, r);
                    if (ts > s.endMs()) {
                        add(out, new Visit(i, pop.homeStore[i], ts, Kind.SHOW_INFLUENCED), dayStart, dayEnd);
                    }
                }
            }
        }
        for (int i : w.multiShowVisitors()) {
            if (pop.showCount(i) < Model.MULTI_SHOW_THRESHOLD) {
                continue;
            }
            Show third = w.shows.get(pop.showAt(i, Model.MULTI_SHOW_THRESHOLD - 1));
            if (third.day() < day - 7 || third.day() > day || Rng.unit(w.seed, T_MULTI, i) >= Model.MULTI_SHOW_VISIT_PROB) {
                continue;
            }
            SplittableRandom r = Rng.of(w.seed, T_MULTI, i, 1);
            long target = third.endMs() + Ts.DAY + (long) (r.nextDouble() * 4 * Ts.DAY);
            long ts = atStore(w, pop.homeStore[i], Math.floorDiv(target, Ts.DAY) * Ts.DAY, r);
            add(out, new Visit(i, pop.homeStore[i], ts, Kind.MULTI_SHOW), dayStart, dayEnd);
        }
        pushVisits(w, dayStart, dayEnd, out);
        out.sort(Comparator.comparingLong((Visit v) -> v.ts).thenComparingInt(v -> v.customer)
            .thenComparingInt(v -> v.kind.ordinal()));
        String prefix = "VS-" + w.date(day).replace("-", "") + "-";
        for (int k = 0; k < out.size(); k++) {
            Visit v = out.get(k);
            v.id = prefix + String.format("%06d", k + 1);
            SplittableRandom r = Rng.of(w.seed, T_SURVEY, day, v.customer, k);
            v.source = Labels.visitSource(w.seed, day, k, SOURCES[Rng.pick(r, SOURCE_WEIGHTS)]);
            if (r.nextDouble() < 0.35) {
                boolean watched = watchedWithin(w, v.customer, v.ts, 14 * Ts.DAY);
                v.sawShow = r.nextDouble() < 0.08 ? !watched : watched;
            }
            v.localOffset = r.nextDouble() < 0.5;
        }
        return out;
    }

    private static void add(List<Visit> out, Visit v, long dayStart, long dayEnd) {
        if (v.ts >= dayStart && v.ts < dayEnd) {
            out.add(v);
        }
    }

    /** An instant in store hours (10:00..19:00 local) on the local date of the given UTC day start. */
    private static long atStore(World w, int store, long utcDayStart, SplittableRandom r) {
        Catalog.Store st = Catalog.STORES.get(store);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(utcDayStart, Ts.DAY));
        return Orders.storeTime(st.zone(), date, r);
    }

    private static boolean watchedWithin(World w, int c, long ts, long window) {
        Population pop = w.pop;
        for (int k = 0; k < pop.showCount(c); k++) {
            Show s = w.shows.get(pop.showAt(c, k));
            if (s.endMs() <= ts && s.endMs() > ts - window && s.day() < w.options.days()) {
                return true;
            }
        }
        return false;
    }

    /** Holdout experiment: push-arm customers with a home store visit it once more in the visit window. */
    private static void pushVisits(World w, long dayStart, long dayEnd, List<Visit> out) {
        Experiments.Def e = Experiments.HOLDOUT;
        long from = w.assignDayMs[e.index()];
        long to = w.visitEndMs(e.index());
        if (dayEnd <= from || dayStart >= to || e.assignDay() >= w.pop.horizonDays) {
            return;
        }
        Population pop = w.pop;
        int push = e.variantIndex("push");
        for (int i = 0; i < pop.n; i++) {
            if (pop.expOf[i] != e.index() || pop.variantOf[i] != push || pop.homeStore[i] < 0) {
                continue;
            }
            if (Rng.unit(w.seed, T_PUSH_VISIT, i) >= Model.PUSH_EXTRA_VISIT) {
                continue;
            }
            SplittableRandom r = Rng.of(w.seed, T_PUSH_VISIT, i, 1);
            long start = pop.assignedAt[i];
            // Whole days of the window after the assignment day, so the visit always falls inside it.
            long firstDay = Math.floorDiv(start, Ts.DAY) + 1;
            long lastDay = Math.floorDiv(to, Ts.DAY) - 1;
            long d = firstDay + (long) (r.nextDouble() * (lastDay - firstDay + 1));
            long ts = atStore(w, pop.homeStore[i], d * Ts.DAY, r);
            if (ts >= start && ts < to) {
                add(out, new Visit(i, pop.homeStore[i], ts, Kind.PUSH), dayStart, dayEnd);
            }
        }
    }

    static String formatTs(Visit v) {
        if (v.localOffset) {
            var zone = Catalog.STORES.get(v.store).zone();
            return Ts.format(v.ts, zone.getRules().getOffset(Instant.ofEpochMilli(v.ts)).getTotalSeconds() / 60, false);
        }
        return Ts.utc(v.ts, false);
    }
}
