package io.showmetrics.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Everything a day needs to generate itself: options, population, calendar and the pure helper functions. */
final class World {

    private static final long T_FX = Rng.tag("fx");
    private static final long T_STOCK = Rng.tag("stock-plan");

    final GeneratorOptions options;
    final long seed;
    final Population pop;
    final List<Show> shows;
    final List<List<Show>> showsByDay;
    final long[] assignDayMs = new long[Experiments.ALL.size()];
    final long[] lastShowEndMs = new long[Experiments.ALL.size()];

    World(GeneratorOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.pop = new Population(options.seed(), options.scale(), options.start(), options.days());
        this.shows = pop.shows;
        this.showsByDay = new ArrayList<>();
        for (int d = 0; d < pop.horizonDays; d++) {
            showsByDay.add(new ArrayList<>());
        }
        for (Show s : shows) {
            showsByDay.get(s.day()).add(s);
        }
        for (Experiments.Def e : Experiments.ALL) {
            assignDayMs[e.index()] = pop.startMs + e.assignDay() * Ts.DAY;
            long last = 0;
            for (Show s : shows) {
                if (e.id().equals(s.experimentId())) {
                    last = Math.max(last, s.endMs());
                }
            }
            // Experiments outside the horizon have no shows yet; their windows are never used.
            lastShowEndMs[e.index()] = last > 0 ? last : pop.startMs + (e.showDays()[e.showDays().length - 1] + 1) * Ts.DAY;
        }
    }

    private int[] multiShowVisitors;

    /** Customers who only visit a store after their third show. */
    synchronized int[] multiShowVisitors() {
        if (multiShowVisitors == null) {
            Population.IntList l = new Population.IntList();
            for (int i = 0; i < pop.n; i++) {
                if (pop.multiShowVisitor[i]) {
                    l.add(i);
                }
            }
            multiShowVisitors = l.toArray();
        }
        return multiShowVisitors;
    }

    List<Show> showsOn(int day) {
        return day >= 0 && day < showsByDay.size() ? showsByDay.get(day) : List.of();
    }

    long dayStartMs(int day) {
        return pop.startMs + day * Ts.DAY;
    }

    int dayOf(long ms) {
        return (int) Math.floorDiv(ms - pop.startMs, Ts.DAY);
    }

    String date(int day) {
        return options.start().plusDays(day).toString();
    }

    long conversionEndMs(int exp) {
        return lastShowEndMs[exp] + Ts.DAY;
    }

    long visitEndMs(int exp) {
        return lastShowEndMs[exp] + 7 * Ts.DAY;
    }

    /** Units of EUR per unit of the currency on that day (a smooth daily series with a little noise). */
    BigDecimal fx(String currency, int day) {
        if ("EUR".equals(currency)) {
            return BigDecimal.ONE;
        }
        double base = "USD".equals(currency) ? 0.9215 : 1.1690;
        double wave = 0.012 * Math.sin(day / 6.0 + ("USD".equals(currency) ? 0 : 1.3));
        double noise = 0.003 * (Rng.unit(seed, T_FX, day, currency.hashCode()) - 0.5);
        return BigDecimal.valueOf(base * (1 + wave + noise)).setScale(6, RoundingMode.HALF_UP);
    }

    /**
     * Online stock during a show: one featured sku may sell out (available_qty 0) and be restocked.
     *
     * @param initial    quantity per featured sku at the first row
     * @param soldOutSku index into {@code show.featured()} of the sku that sells out, or -1
     * @param restockAt  when it is restocked during the show, or -1 (restocked next morning)
     */
    record StockPlan(int[] initial, int soldOutSku, long soldOutAt, long restockAt) {

        boolean soldOut(int featuredIndex, long ms) {
            return featuredIndex == soldOutSku && ms >= soldOutAt && (restockAt < 0 || ms < restockAt);
        }

        /** Minutes of the live window during which a featured sku was at zero. */
        double stockoutMinutes(Show show) {
            if (soldOutSku < 0) {
                return 0;
            }
            long from = Math.max(soldOutAt, show.startMs());
            long to = Math.min(restockAt < 0 ? Long.MAX_VALUE : restockAt, show.liveEndMs());
            return to > from ? (to - from) / 60_000.0 : 0;
        }
    }

    StockPlan stockPlan(Show show) {
        SplittableRandom r = Rng.of(seed, T_STOCK, show.key());
        int[] initial = new int[show.featured().length];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = 40 + r.nextInt(300);
        }
        // Host-test shows never sell out, so the arms differ by host only.
        if (r.nextDouble() >= Model.SELLOUT_SHOW_SHARE || show.variant() != null) {
            return new StockPlan(initial, -1, -1, -1);
        }
        int k = r.nextInt(initial.length);
        long pin = show.startMs();
        for (Show.Moment m : show.moments()) {
            if ("product_pin".equals(m.type()) && m.sku() == show.featured()[k]) {
                pin = m.ts();
            }
        }
        long soldOut = (pin + (4 + r.nextInt(12)) * Ts.MINUTE) / Ts.MINUTE * Ts.MINUTE;
        long restock = r.nextDouble() < 0.6 ? soldOut + (10 + r.nextInt(21)) * Ts.MINUTE : -1;
        return new StockPlan(initial, k, soldOut, restock);
    }
}
