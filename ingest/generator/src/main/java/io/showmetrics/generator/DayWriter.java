package io.showmetrics.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Writes every entity's files for one day. Depends only on the world and the day index. */
final class DayWriter {

    private static final long T_FILE = Rng.tag("file");
    private static final long T_STOCK_ROWS = Rng.tag("stock-rows");
    private static final long T_MISC = Rng.tag("misc");

    static final Reason[] EVENT_JSON_REASONS = {Reason.MALFORMED_JSON, Reason.MISSING_FIELD, Reason.UNKNOWN_VALUE,
        Reason.BAD_TIMESTAMP, Reason.BAD_IDENTIFIER, Reason.FUTURE_TIMESTAMP, Reason.CONFLICTING_ID};
    static final Reason[] EVENT_CSV_REASONS = {Reason.MALFORMED_CSV, Reason.MISSING_FIELD, Reason.UNKNOWN_VALUE,
        Reason.BAD_TIMESTAMP, Reason.BAD_IDENTIFIER, Reason.FUTURE_TIMESTAMP, Reason.CONFLICTING_ID};
    static final Reason[] ORDER_REASONS = {Reason.MALFORMED_CSV, Reason.MISSING_FIELD, Reason.UNKNOWN_VALUE,
        Reason.BAD_TIMESTAMP, Reason.NEGATIVE_VALUE, Reason.UNKNOWN_CURRENCY, Reason.BAD_IDENTIFIER,
        Reason.FUTURE_TIMESTAMP};
    static final Reason[] VISIT_REASONS = {Reason.MALFORMED_JSON, Reason.MISSING_FIELD, Reason.BAD_TIMESTAMP,
        Reason.BAD_IDENTIFIER, Reason.FUTURE_TIMESTAMP};
    static final Reason[] NONE = {};

    private final World w;
    private final int day;
    private final Path out;
    private final String date;
    private final DayResult result;

    DayWriter(World w, int day) {
        this.w = w;
        this.day = day;
        this.out = w.options.out();
        this.date = w.date(day);
        this.result = new DayResult(day);
    }

    private Sink sink(Entity e, String relative, Sink.Format format, String extraColumn, Reason[] reasons, int part) {
        Path file = out.resolve(e.folder).resolve(relative);
        long key = Rng.key(w.seed, T_FILE, e.ordinal(), day, part);
        return new Sink(file, e, format, extraColumn, key, reasons.length == 0 ? 0 : w.options.badRate(), reasons,
            result.counters);
    }

    DayResult write() {
        List<Show> shows = w.showsOn(day);
        writeShows(shows);
        writeExperiments();
        writeCustomers();
        List<Order> live = writeEvents(shows);
        writeOrders(live);
        writeVisits();
        writeStock(shows);
        writeFx();
        return result;
    }

    private void writeShows(List<Show> shows) {
        if (shows.isEmpty()) {
            return;
        }
        // Sunday exports come from another tool: CSV, with featured_skus separated by '|'.
        boolean csv = w.options.start().plusDays(day).getDayOfWeek() == DayOfWeek.SUNDAY;
        try (Sink s = sink(Entity.SHOWS, "dt=" + date + (csv ? "/shows.csv" : "/shows.jsonl"),
                csv ? Sink.Format.CSV : Sink.Format.JSONL, null, NONE, 0);
             Sink m = sink(Entity.SHOW_MOMENTS, "dt=" + date + "/moments.csv", Sink.Format.CSV, null, NONE, 0)) {
            for (Show show : shows) {
                Rec r = new Rec(Entity.SHOWS)
                    .set("show_id", show.id()).set("title", show.title())
                    .set("starts_at", Ts.utc(show.startMs(), false))
                    .set("ends_at", Ts.paris(show.endMs(), false))
                    .set("host", show.host()).set("experiment_id", show.experimentId())
                    .set("channel", show.channel()).set("cost", show.cost());
                String[] skus = new String[show.featured().length];
                for (int i = 0; i < skus.length; i++) {
                    skus[i] = Catalog.SKUS.get(show.featured()[i]).id();
                }
                r.set("featured_skus", skus);
                if (show.ordinal() % 4 == 1) {
                    r.extra("stream_url", "https://live.example.com/" + show.id().toLowerCase());
                }
                s.write(r);
                for (Show.Moment mo : show.moments()) {
                    m.write(new Rec(Entity.SHOW_MOMENTS).set("show_id", show.id()).set("ts", Ts.utc(mo.ts(), false))
                        .set("type", mo.type()).set("sku", mo.sku() >= 0 ? Catalog.SKUS.get(mo.sku()).id() : null)
                        .set("label", mo.label()));
                }
            }
        }
    }

    private void writeExperiments() {
        Population pop = w.pop;
        for (Experiments.Def e : Experiments.ALL) {
            if (e.assignDay() == day) {
                try (Sink s = sink(Entity.EXPERIMENTS, "dt=" + date + "/experiments.jsonl", Sink.Format.JSONL, null, NONE, e.index())) {
                    Map<String, Object> split = null;
                    if (e.expectedSplit() != null) {
                        split = new LinkedHashMap<>();
                        for (int v = 0; v < e.variants().size(); v++) {
                            split.put(e.variants().get(v), e.expectedSplit()[v]);
                        }
                    }
                    s.write(new Rec(Entity.EXPERIMENTS).set("experiment_id", e.id()).set("name", e.name())
                        .set("control_variant", e.control()).set("hypothesis", e.hypothesis())
                        .set("primary_metric", e.primaryMetric())
                        .set("starts_at", Ts.utc(w.assignDayMs[e.index()] + 6 * Ts.HOUR, false))
                        .set("ends_at", Ts.utc(w.conversionEndMs(e.index()), false))
                        .set("expected_split", split));
                }
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < pop.n; i++) {
                    if (pop.exportedExperiment(i) == e.index()) {
                        members.add(i);
                    }
                }
                members.sort(Comparator.comparingLong((Integer i) -> pop.assignedAt[i]).thenComparingInt(i -> i));
                try (Sink s = sink(Entity.ASSIGNMENTS, "experiment_id=" + e.id() + "/dt=" + date + "/assignments.csv.gz",
                    Sink.Format.CSV, null, NONE, e.index())) {
                    for (int i : members) {
                        s.write(assignment(e, i, e.variants().get(pop.variantOf[i]), pop.assignedAt[i]));
                    }
                }
            }
            if (e.assignDay() + 1 == day && e == Experiments.HOLDOUT) {
                // A second, later assignment of a few customers to the other arm; the first assignment wins.
                try (Sink s = sink(Entity.ASSIGNMENTS, "experiment_id=" + e.id() + "/dt=" + date + "/assignments.csv.gz",
                    Sink.Format.CSV, null, NONE, 10 + e.index())) {
                    for (int i = 0; i < pop.n; i++) {
                        if (pop.expOf[i] == e.index() && pop.reassigned[i]) {
                            String other = e.variants().get(1 - pop.variantOf[i]);
                            s.write(assignment(e, i, other, pop.assignedAt[i] + Ts.DAY));
                            result.reassignedRows++;
                        }
                    }
                }
            }
        }
    }

    private Rec assignment(Experiments.Def e, int i, String variant, long at) {
        return new Rec(Entity.ASSIGNMENTS).set("experiment_id", e.id()).set("customer_id", w.pop.customerId(i))
            .set("variant", variant).set("assigned_at", (i & 7) == 0 ? Ts.paris(at, false) : Ts.utc(at, false));
    }

    private void writeCustomers() {
        Population pop = w.pop;
        int from = pop.nBase + day * pop.perDay;
        try (Sink s = sink(Entity.CUSTOMERS, "signup_dt=" + date + "/customers.csv", Sink.Format.CSV, null, NONE, 0)) {
            for (int i = from; i < from + pop.perDay; i++) {
                s.write(customer(w, i));
            }
        }
    }

    static Rec customer(World w, int i) {
        Population pop = w.pop;
        return new Rec(Entity.CUSTOMERS).set("customer_id", pop.customerId(i))
            .set("birth_year", pop.birthYear[i] == 0 ? null : Integer.valueOf(pop.birthYear[i]))
            .set("region", pop.region[i] < 0 ? null : Labels.region(w.seed, i, Catalog.REGIONS.get(pop.region[i]).code()))
            .set("home_store_id", pop.homeStore[i] < 0 ? null : Catalog.STORES.get(pop.homeStore[i]).id())
            .set("signup_at", Ts.utc(pop.signupMs[i], false));
    }

    private List<Order> writeEvents(List<Show> shows) {
        List<Order> live = new ArrayList<>();
        if (!shows.isEmpty()) {
            try (Sink chat = sink(Entity.CHAT_EVENTS, "dt=" + date + "/chat-0000.csv.gz", Sink.Format.CSV, null,
                    EVENT_CSV_REASONS, 0);
                 Sink player = sink(Entity.PLAYER_EVENTS, "dt=" + date + "/part-0000.jsonl", Sink.Format.JSONL, null,
                    EVENT_JSON_REASONS, 0)) {
                int part = 0;
                for (Show show : shows) {
                    String name = "dt=" + date + "/part-" + String.format("%04d", part) + ".jsonl.gz";
                    try (Sink viewer = sink(Entity.VIEWER_EVENTS, name, Sink.Format.JSONL, null, EVENT_JSON_REASONS, part)) {
                        ShowSim.Truth truth = new ShowSim.Truth();
                        live.addAll(new ShowSim(w, show).run(new ShowSim.Emit(viewer, chat, player), truth));
                        result.showTruth.put(show.id(), truth);
                    }
                    part++;
                }
            }
        }
        List<Show> replayable = new ArrayList<>();
        for (int d = day - 4; d <= day; d++) {
            replayable.addAll(w.showsOn(d));
        }
        if (!replayable.isEmpty()) {
            try (Sink viewer = sink(Entity.VIEWER_EVENTS, "dt=" + date + "/replay-0000.jsonl.gz", Sink.Format.JSONL, null,
                EVENT_JSON_REASONS, 100)) {
                for (Show show : replayable) {
                    Set<String> ids = new ShowSim(w, show).replays(day, viewer);
                    for (String id : ids) {
                        result.replayViewers.add(new String[] {show.id(), id});
                    }
                }
            }
        }
        return live;
    }

    private void writeOrders(List<Order> live) {
        List<Order> placed = Orders.placed(w, day, live);
        List<Object[]> status = new ArrayList<>();
        for (int d = Math.max(0, day - Orders.MAX_FATE_DAYS); d <= day; d++) {
            List<Order> earlier = d == day ? placed : Orders.placed(w, d, null);
            for (Order o : earlier) {
                for (Order.Line l : o.lines) {
                    if (l.fate != 0 && w.dayOf(l.fateMs) == day) {
                        status.add(new Object[] {o, l});
                    }
                }
            }
        }
        status.sort(Comparator.comparingLong((Object[] a) -> ((Order.Line) a[1]).fateMs)
            .thenComparing(a -> ((Order) a[0]).id).thenComparingInt(a -> ((Order.Line) a[1]).lineNo));
        LocalDate date = w.options.start().plusDays(day);
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        String extra = weekend ? "coupon_code" : null;
        SplittableRandom r = Rng.of(w.seed, T_MISC, day, 1);
        try (Sink s = sink(Entity.ORDERS, "dt=" + date + "/orders.csv.gz", Sink.Format.CSV, extra, ORDER_REASONS, 0)) {
            for (Order o : placed) {
                boolean explicitPlaced = !"store".equals(o.channel) && !"live".equals(o.channel) && r.nextDouble() < 0.6;
                String coupon = weekend && r.nextDouble() < 0.12 ? (o.showId != null ? "LIVE20" : "WEEKEND10") : null;
                for (Order.Line l : o.lines) {
                    Rec rec = orderRow(o, l, o.ts, explicitPlaced ? "placed" : null);
                    if (coupon != null) {
                        rec.extra("coupon_code", coupon);
                    }
                    s.write(rec);
                }
            }
            for (Object[] a : status) {
                Order o = (Order) a[0];
                Order.Line l = (Order.Line) a[1];
                Rec rec = orderRow(o, l, l.fateMs, l.fate == 1 ? "cancelled" : "returned");
                rec.badSource = false;
                s.write(rec);
            }
        }
        Population pop = w.pop;
        for (Order o : placed) {
            if (o.showId != null) {
                boolean anyNet = false;
                double gmv = 0;
                for (Order.Line l : o.lines) {
                    if (Orders.net(w, l)) {
                        anyNet = true;
                        gmv += Orders.eur(w, o, l);
                    }
                }
                result.liveOrders.computeIfAbsent(o.showId, k -> new long[1])[0] += anyNet ? 1 : 0;
                result.liveGmv.computeIfAbsent(o.showId, k -> new double[1])[0] += gmv;
            }
            if (o.customer < 0) {
                continue;
            }
            for (Order.Line l : o.lines) {
                if (Orders.net(w, l)) {
                    result.netLineCustomer.add(o.customer);
                    result.netLineTs.add(o.ts);
                    result.netLineEur.add(Orders.eur(w, o, l));
                }
            }
            int e = pop.exportedExperiment(o.customer);
            if (e < 0) {
                continue;
            }
            long at = pop.assignedAt[o.customer];
            int kind;
            if (o.ts >= at - 28 * Ts.DAY && o.ts < at) {
                kind = 0;
            } else if (o.ts >= at && o.ts < w.conversionEndMs(e)) {
                kind = 1;
            } else {
                continue;
            }
            for (Order.Line l : o.lines) {
                if (Orders.net(w, l)) {
                    result.expCustomer.add(o.customer);
                    result.expKind.add(kind);
                    result.expAmount.add(Orders.eur(w, o, l));
                }
            }
        }
    }

    private Rec orderRow(Order o, Order.Line l, long ts, String status) {
        Rec rec = new Rec(Entity.ORDERS).set("order_id", o.id).set("line_no", o.noLineNo ? null : Integer.valueOf(l.lineNo))
            .set("ts", Orders.formatTs(o, ts)).set("channel", o.channel)
            .set("customer_id", o.customer >= 0 ? w.pop.customerId(o.customer) : null)
            .set("show_id", o.showId).set("store_id", o.store >= 0 ? Catalog.STORES.get(o.store).id() : null)
            .set("sku", Catalog.SKUS.get(l.sku).id()).set("quantity", Integer.valueOf(l.qty)).set("unit_price", l.price)
            .set("currency", o.currency).set("status", status);
        return rec;
    }

    private void writeVisits() {
        List<StoreVisits.Visit> visits = StoreVisits.on(w, day);
        if (visits.isEmpty()) {
            return;
        }
        Population pop = w.pop;
        try (Sink s = sink(Entity.STORE_VISITS, "dt=" + date + "/visits.jsonl.gz", Sink.Format.JSONL, null, VISIT_REASONS, 0)) {
            for (StoreVisits.Visit v : visits) {
                s.write(new Rec(Entity.STORE_VISITS).set("visit_id", v.id).set("customer_id", pop.customerId(v.customer))
                    .set("store_id", Catalog.STORES.get(v.store).id()).set("ts", StoreVisits.formatTs(v))
                    .set("source", v.source).set("saw_show", v.sawShow));
                result.visitsByKind[v.kind.ordinal()]++;
                if (v.kind == StoreVisits.Kind.MULTI_SHOW) {
                    result.multiShowVisitors.add(v.customer);
                }
                int e = pop.exportedExperiment(v.customer);
                if (e >= 0 && v.ts >= pop.assignedAt[v.customer] && v.ts < w.visitEndMs(e)) {
                    result.expVisitors.add(v.customer);
                }
            }
        }
    }

    private void writeStock(List<Show> shows) {
        try (Sink s = sink(Entity.STOCK, "dt=" + date + "/stock.csv.gz", Sink.Format.CSV, null, NONE, 0)) {
            SplittableRandom r = Rng.of(w.seed, T_STOCK_ROWS, day);
            long morning = ZonedDateTime.of(w.options.start().plusDays(day), LocalTime.of(8, 0), Ts.PARIS)
                .toInstant().toEpochMilli();
            for (Show prev : w.showsOn(day - 1)) {
                World.StockPlan p = w.stockPlan(prev);
                if (p.soldOutSku() >= 0 && p.restockAt() < 0) {
                    s.write(stock(prev.featured()[p.soldOutSku()], morning + Ts.HOUR, 120 + r.nextInt(200), -1));
                }
            }
            for (int st = 0; st < Catalog.STORES.size(); st++) {
                for (int k = 0; k < 8; k++) {
                    int sku = r.nextInt(Catalog.SKUS.size());
                    s.write(stock(sku, morning + r.nextInt(600) * Ts.SECOND, r.nextDouble() < 0.1 ? 0 : 1 + r.nextInt(40), st));
                }
            }
            for (Show show : shows) {
                World.StockPlan p = w.stockPlan(show);
                result.stockoutMinutes.put(show.id(), p.stockoutMinutes(show));
                long first = show.startMs() - 10 * Ts.MINUTE;
                long last = show.liveEndMs();
                for (long t = first; t <= last; t += 5 * Ts.MINUTE) {
                    for (int k = 0; k < show.featured().length; k++) {
                        s.write(stock(show.featured()[k], t, qty(p, k, t, first, last), -1));
                    }
                    if (p.soldOutSku() >= 0) {
                        long next = t + 5 * Ts.MINUTE;
                        int sku = show.featured()[p.soldOutSku()];
                        if (p.soldOutAt() > t && p.soldOutAt() < next) {
                            s.write(stock(sku, p.soldOutAt(), 0, -1));
                        }
                        if (p.restockAt() > t && p.restockAt() < next) {
                            s.write(stock(sku, p.restockAt(), 60 + (int) (p.restockAt() % 50), -1));
                        }
                    }
                }
            }
        }
    }

    /** Online quantity on the 5-minute grid: sells down through the show; the sell-out sku hits 0 exactly at soldOutAt. */
    private static int qty(World.StockPlan p, int k, long t, long first, long last) {
        int initial = p.initial()[k];
        if (k == p.soldOutSku()) {
            if (t < p.soldOutAt()) {
                return Math.max(1, (int) (initial * (double) (p.soldOutAt() - t) / (p.soldOutAt() - first)));
            }
            if (p.restockAt() < 0 || t < p.restockAt()) {
                return 0;
            }
            return Math.max(1, 60 + (int) (p.restockAt() % 50) - (int) ((t - p.restockAt()) / Ts.MINUTE));
        }
        return Math.max(1, initial - (int) (0.6 * initial * (double) (t - first) / (last - first)));
    }

    private Rec stock(int sku, long ts, int qty, int store) {
        return new Rec(Entity.STOCK).set("sku", Catalog.SKUS.get(sku).id()).set("ts", Ts.utc(ts, false))
            .set("available_qty", Integer.valueOf(qty)).set("store_id", store >= 0 ? Catalog.STORES.get(store).id() : null);
    }

    private void writeFx() {
        try (Sink s = sink(Entity.FX_RATES, "dt=" + date + "/fx_rates.csv", Sink.Format.CSV, null, NONE, 0)) {
            for (String c : new String[] {"USD", "GBP"}) {
                BigDecimal rate = w.fx(c, day);
                s.write(new Rec(Entity.FX_RATES).set("currency", c).set("date", date).set("rate_to_reporting", rate));
            }
        }
    }
}
