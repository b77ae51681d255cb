package io.showmetrics.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orders placed on a day: live orders from the day's shows, web/app/store orders driven by each customer's
 * persistent purchase propensity, guest orders and the holdout experiment's extra purchases. A pure function
 * of the day, so later days can regenerate it to emit the cancellations and returns of its lines.
 */
final class Orders {

    private static final long T_ORDER = Rng.tag("order");
    private static final long T_ORDER_DETAIL = Rng.tag("order-detail");
    private static final long T_GUEST = Rng.tag("guest-orders");
    private static final long T_PUSH_BUY = Rng.tag("push-buy");
    private static final long T_BOOST = Rng.tag("host-c-boost");
    private static final long T_FATE = Rng.tag("line-fate");

    /** Longest delay between a line and its cancellation or return, in days. */
    static final int MAX_FATE_DAYS = 14;

    /** Relative weight of each Paris local hour for web and app orders. */
    private static final double[] WEB_HOURS = {
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 3.0, 2.8, 2.8, 3.0, 3.5, 4.5, 5.5, 6.0, 5.5, 3.5, 1.5,
    };

    private Orders() {
    }

    /** Orders placed on the day, sorted by time, with ids, line numbers and line fates. */
    static List<Order> placed(World w, int day, List<Order> live) {
        List<Order> out = new ArrayList<>();
        if (live != null) {
            out.addAll(live);
        } else {
            for (Show s : w.showsOn(day)) {
                out.addAll(new ShowSim(w, s).run(null, null));
            }
        }
        Population pop = w.pop;
        long dayStart = w.dayStartMs(day);
        long dayEnd = dayStart + Ts.DAY;
        LocalDate date = w.options.start().plusDays(day);
        double dow = switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> 1.2;
            case MONDAY -> 0.9;
            default -> 1.0;
        };
        int signed = pop.signedUpBefore(dayEnd);
        double expected = 0;
        for (int i = 0; i < signed; i++) {
            double p = pop.propensity[i] * dow;
            expected += p;
            if (Rng.unit(w.seed, T_ORDER, day, i) >= p) {
                continue;
            }
            SplittableRandom r = Rng.of(w.seed, T_ORDER_DETAIL, day, i);
            Order o = background(w, r, i, date, dayStart);
            if (o != null && o.ts >= pop.signupMs[i] && o.ts >= dayStart && o.ts < dayEnd) {
                out.add(o);
            }
        }
        SplittableRandom g = Rng.of(w.seed, T_GUEST, day);
        int guests = Rng.poisson(g, expected * Model.GUEST_ORDER_SHARE);
        for (int k = 0; k < guests; k++) {
            String currency = g.nextDouble() < 0.92 ? "EUR" : (g.nextBoolean() ? "GBP" : "USD");
            long ts = onlineTime(g, dayStart);
            Order o = new Order(-1, ts, "web", null, -1, currency);
            if (o.ts >= dayStart && o.ts < dayEnd) {
                lines(g, o);
                out.add(o);
            }
        }
        pushExtras(w, day, dayStart, dayEnd, out);
        for (int k = 0; k < out.size(); k++) {
            out.get(k).seq = k;
        }
        out.sort(Comparator.comparingLong((Order o) -> o.ts).thenComparingInt(o -> o.seq));
        String prefix = "OR-" + date.toString().replace("-", "") + "-";
        for (int k = 0; k < out.size(); k++) {
            Order o = out.get(k);
            o.id = prefix + String.format("%06d", k + 1);
            long okey = Rng.tag(o.id);
            if (o.customer >= 0 && isHostC(w, o.customer, o.ts) && Rng.unit(w.seed, T_BOOST, okey) < Model.HOST_C_EXTRA_LINE) {
                SplittableRandom r = Rng.of(w.seed, T_BOOST, okey, 1);
                int sku;
                do {
                    sku = r.nextInt(Catalog.SKUS.size());
                } while (o.hasSku(sku));
                o.add(sku, 1);
            }
            for (int l = 0; l < o.lines.size(); l++) {
                Order.Line line = o.lines.get(l);
                line.lineNo = l + 1;
                SplittableRandom f = Rng.of(w.seed, T_FATE, okey, l);
                double u = f.nextDouble();
                double returns = "store".equals(o.channel) ? Model.RETURN_RATE_STORE : Model.RETURN_RATE_ONLINE;
                if (u < Model.CANCEL_RATE) {
                    line.fate = 1;
                    line.fateMs = o.ts + 10 * Ts.MINUTE + (long) (f.nextDouble() * 6 * Ts.HOUR) / 1000 * 1000;
                } else if (u < Model.CANCEL_RATE + returns) {
                    line.fate = 2;
                    line.fateMs = o.ts + 3 * Ts.DAY + (long) (f.nextDouble() * (MAX_FATE_DAYS - 4) * Ts.DAY) / 1000 * 1000;
                }
            }
        }
        return out;
    }

    private static boolean isHostC(World w, int c, long ts) {
        Experiments.Def e = Experiments.HOST;
        return w.pop.exportedExperiment(c) == e.index() && w.pop.variantOf[c] == e.variantIndex("host_c")
            && ts >= w.pop.assignedAt[c] && ts < w.conversionEndMs(e.index());
    }

    private static Order background(World w, SplittableRandom r, int i, LocalDate date, long dayStart) {
        Population pop = w.pop;
        int home = pop.homeStore[i];
        double u = r.nextDouble();
        String channel = home >= 0 ? (u < 0.4 ? "web" : u < 0.75 ? "app" : "store") : (u < 0.55 ? "web" : "app");
        Order o;
        if ("store".equals(channel)) {
            int store = home;
            if (r.nextDouble() < 0.15) {
                List<Integer> same = Catalog.storesInRegion(Catalog.STORES.get(home).region());
                store = same.get(r.nextInt(same.size()));
            }
            Catalog.Store st = Catalog.STORES.get(store);
            long ts = storeTime(st.zone(), date, r);
            o = new Order(i, ts, "store", null, store, st.currency());
            o.noLineNo = r.nextDouble() < 0.5;
        } else {
            o = new Order(i, onlineTime(r, dayStart), channel, null, -1, pop.currency(i));
        }
        lines(r, o);
        return o;
    }

    /** A store-hours instant (10:00..19:00 local) on the given local date. */
    static long storeTime(ZoneId zone, LocalDate date, SplittableRandom r) {
        long local = date.atTime(10, 0).atZone(zone).toInstant().toEpochMilli();
        return local + (long) (r.nextDouble() * 9 * Ts.HOUR) / 1000 * 1000;
    }

    /**
     * An instant of the UTC day, its hour weighted by the Paris local hour it falls in (evening peak), so
     * every online order lies inside the UTC day whose folder holds it.
     */
    private static long onlineTime(SplittableRandom r, long dayStart) {
        int offsetHours = Ts.offsetMinutes(Ts.PARIS_RULES, dayStart + 12 * Ts.HOUR) / 60;
        double[] w = new double[24];
        for (int h = 0; h < 24; h++) {
            w[h] = WEB_HOURS[(h + offsetHours) % 24];
        }
        return dayStart + Rng.pick(r, w) * Ts.HOUR + r.nextInt(3600) * Ts.SECOND;
    }

    private static void lines(SplittableRandom r, Order o) {
        int n = Math.min(5, 1 + Rng.poisson(r, Model.EXTRA_LINES_MEAN));
        for (int k = 0; k < n; k++) {
            int sku;
            do {
                sku = r.nextInt(Catalog.SKUS.size());
            } while (o.hasSku(sku));
            double q = r.nextDouble();
            o.add(sku, q < 0.8 ? 1 : q < 0.95 ? 2 : 3);
        }
    }

    /** Holdout experiment: push-arm customers buy once more, at a uniform instant of the conversion window. */
    private static void pushExtras(World w, int day, long dayStart, long dayEnd, List<Order> out) {
        Experiments.Def e = Experiments.HOLDOUT;
        long from = w.assignDayMs[e.index()];
        long to = w.conversionEndMs(e.index());
        if (dayEnd <= from || dayStart >= to || e.assignDay() >= w.pop.horizonDays) {
            return;
        }
        Population pop = w.pop;
        int push = e.variantIndex("push");
        for (int i = 0; i < pop.n; i++) {
            if (pop.expOf[i] != e.index() || pop.variantOf[i] != push) {
                continue;
            }
            if (Rng.unit(w.seed, T_PUSH_BUY, i) >= Model.PUSH_EXTRA_CONVERSION) {
                continue;
            }
            SplittableRandom r = Rng.of(w.seed, T_PUSH_BUY, i, 1);
            long start = pop.assignedAt[i];
            long ts = start + (long) (r.nextDouble() * (to - start)) / 1000 * 1000;
            if (ts < dayStart || ts >= dayEnd) {
                continue;
            }
            Order o = new Order(i, ts, r.nextDouble() < 0.6 ? "app" : "web", null, -1, pop.currency(i));
            lines(r, o);
            out.add(o);
        }
    }

    /** Net revenue of a line in the reporting currency (EUR), converted at its placement day's rate. */
    static double eur(World w, Order o, Order.Line l) {
        int day = (int) Math.floorDiv(o.ts - w.pop.startMs, Ts.DAY);
        return l.price.doubleValue() * l.qty * w.fx(o.currency, day).doubleValue();
    }

    /** Whether the line is still placed at the end of the generated data. */
    static boolean net(World w, Order.Line l) {
        return l.fate == 0 || w.dayOf(l.fateMs) >= w.options.days();
    }

    static String formatTs(Order o, long ms) {
        if ("store".equals(o.channel)) {
            ZoneId zone = Catalog.STORES.get(o.store).zone();
            return Ts.format(ms, zone.getRules().getOffset(Instant.ofEpochMilli(ms)).getTotalSeconds() / 60, false);
        }
        if ("app".equals(o.channel) && (o.id.hashCode() & 3) == 0) {
            return Ts.paris(ms, false);
        }
        return Ts.utc(ms, false);
    }
}
