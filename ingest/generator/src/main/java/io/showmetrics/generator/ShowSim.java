package io.showmetrics.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Simulates one live show: every viewer's sessions (join, 30 s heartbeats, leave or a closed tab, rejoins),
 * their chat and player events and the orders they place in the player. The session plan and the player
 * funnel use their own random streams, so orders can be regenerated without writing any event.
 */
final class ShowSim {

    private static final long T_SHOW = Rng.tag("show-audience");
    private static final long T_PLAN = Rng.tag("session-plan");
    private static final long T_CHAT = Rng.tag("chat");
    private static final long T_PLAYER = Rng.tag("player");
    private static final long T_EVENT_ID = Rng.tag("event-id");
    private static final long T_ANON = Rng.tag("anonymous-viewer");
    private static final long T_REPLAY = Rng.tag("replay");
    private static final long T_HOST_EFFECT = Rng.tag("host-effect");
    private static final long ANON_BASE = 1L << 40;

    /** Per-show figures the pipeline must reproduce (presence by the SPEC state machine, clipped). */
    static final class Truth {
        int uniqueViewers;
        int identifiedViewers;
        int peakConcurrent;
        long peakAtMs;
        double avgWatchSeconds;
        int engagedViewers;
        long[] chatByType = new long[5];
        int productClickers;
        int carters;
        /** Identified viewer (customer index) to the start of their first clipped live presence. */
        final Map<Integer, Long> firstPresence = new HashMap<>();
    }

    /** Where the events go; null members mean "do not emit". */
    record Emit(Sink viewer, Sink chat, Sink player) {
    }

    static final String[] CHAT_TYPES = {"message", "reaction", "question", "share", "poll_vote"};

    private final World w;
    private final Show show;
    private final World.StockPlan stock;
    private final long seed;

    ShowSim(World w, Show show) {
        this.w = w;
        this.show = show;
        this.seed = w.seed;
        this.stock = w.stockPlan(show);
    }

    int anonymousCount() {
        int identified = w.pop.attendees[show.ordinal()].length;
        double f = 0.8 + 0.4 * Rng.unit(seed, T_SHOW, show.key());
        return (int) Math.round(identified * Model.ANONYMOUS_PER_IDENTIFIED * f) + 3;
    }

    /** Runs the show; emits events when {@code emit} is non-null and returns the live orders (and the truth). */
    List<Order> run(Emit emit, Truth truth) {
        int[] ids = w.pop.attendees[show.ordinal()];
        int total = ids.length + anonymousCount();
        List<Order> orders = new ArrayList<>();
        List<long[]> allIntervals = emit != null ? new ArrayList<>() : null;
        long watchMsTotal = 0;
        Set<Integer> identifiedSeen = new HashSet<>();
        for (int v = 0; v < total; v++) {
            boolean identified = v < ids.length;
            int cust = identified ? ids[v] : -1;
            long vkey = identified ? cust : ANON_BASE + v;
            SplittableRandom pr = Rng.of(seed, T_PLAN, show.key(), vkey);
            Plan plan = plan(pr);
            Viewer viewer = viewer(pr, cust, v);
            player(plan, viewer, cust, vkey, emit, truth, orders);
            if (emit == null) {
                continue;
            }
            long[] intervals = emitSessions(plan, viewer, vkey, emit.viewer());
            long watched = 0;
            for (int k = 0; k < intervals.length; k += 2) {
                watched += intervals[k + 1] - intervals[k];
                allIntervals.add(new long[] {intervals[k], intervals[k + 1]});
            }
            if (watched > 0) {
                truth.uniqueViewers++;
                watchMsTotal += watched;
                if (identified) {
                    identifiedSeen.add(cust);
                    truth.firstPresence.merge(cust, intervals[0], Math::min);
                }
            }
            chat(plan, viewer, cust, vkey, emit.chat(), truth);
        }
        if (emit != null) {
            truth.identifiedViewers = identifiedSeen.size();
            truth.avgWatchSeconds = truth.uniqueViewers == 0 ? 0 : watchMsTotal / 1000.0 / truth.uniqueViewers;
            peak(allIntervals, truth);
        }
        return orders;
    }

    private record Viewer(String viewerId, String channel, String device, boolean paris, String extraKey,
                          String extraValue, boolean explicitNullCustomer, boolean explicitReplayFalse) {
    }

    private Viewer viewer(SplittableRandom r, int cust, int v) {
        String id;
        int ch;
        if (cust >= 0) {
            id = w.pop.viewerId(cust);
            ch = r.nextDouble() < 0.75 ? w.pop.prefChannel[cust] : Rng.pick(r, Catalog.VIEWER_CHANNEL_WEIGHTS);
        } else {
            id = "anon-" + Long.toHexString(Rng.key(seed, T_ANON, show.key(), v) | (1L << 62)).substring(1, 15);
            ch = Rng.pick(r, Catalog.VIEWER_CHANNEL_WEIGHTS);
        }
        String channel = Catalog.VIEWER_CHANNELS[ch];
        String device = switch (channel) {
            case "web" -> r.nextDouble() < 0.8 ? "desktop" : (r.nextDouble() < 0.7 ? "tablet" : "tv");
            case "app" -> r.nextDouble() < 0.85 ? "mobile" : "tablet";
            case "youtube" -> r.nextDouble() < 0.7 ? "mobile" : "tv";
            default -> r.nextDouble() < 0.06 ? null : "mobile";
        };
        boolean paris = "app".equals(channel) && r.nextDouble() < 0.35;
        String extraKey = null;
        String extraValue = null;
        if (r.nextDouble() < 0.03) {
            extraKey = "app".equals(channel) ? "app_version" : "player_sdk";
            extraValue = ("app".equals(channel) ? "5." : "2.") + r.nextInt(20) + "." + r.nextInt(10);
        }
        // Unusual labels last, from their own hash streams: every draw above is unchanged.
        channel = Labels.viewerChannel(seed, show, v, channel);
        device = Labels.device(seed, show, v, device);
        return new Viewer(id, channel, device, paris, extraKey, extraValue, cust < 0 && r.nextDouble() < 0.2,
            r.nextDouble() < 0.3);
    }

    /** A viewer's sessions: segments [join, end) with whether each ends with a leave event. */
    private static final class Plan {
        final long[] join = new long[2];
        final long[] end = new long[2];
        final boolean[] leave = new boolean[2];
        int segments;

        boolean presentAt(long t) {
            for (int s = 0; s < segments; s++) {
                if (t >= join[s] && t < end[s]) {
                    return true;
                }
            }
            return false;
        }

        long totalMs() {
            long t = 0;
            for (int s = 0; s < segments; s++) {
                t += end[s] - join[s];
            }
            return t;
        }

        /** A uniformly chosen instant of presence. */
        long at(double u) {
            long t = (long) (u * totalMs());
            for (int s = 0; s < segments; s++) {
                long len = end[s] - join[s];
                if (t < len) {
                    return join[s] + t;
                }
                t -= len;
            }
            return end[segments - 1] - 1;
        }
    }

    private Plan plan(SplittableRandom r) {
        long s = show.startMs();
        long e = show.endMs();
        long live = show.liveEndMs();
        long dur = e - s;
        double u = r.nextDouble();
        long t0;
        boolean lobby = false;
        if (u < 0.10) {
            t0 = s - (long) (r.nextDouble() * 10 * Ts.MINUTE);
            lobby = true;
        } else if (u < 0.62) {
            t0 = s + (long) Math.min(Rng.exp(r, 0.12 * dur), dur - 2 * Ts.MINUTE);
        } else if (u < 0.87) {
            t0 = s + (long) (r.nextDouble() * (dur - Ts.MINUTE));
        } else {
            Show.Moment m = show.moments().get(r.nextInt(show.moments().size()));
            t0 = m.ts() + (long) Rng.exp(r, 60_000);
        }
        t0 = Math.min(Math.max(t0, s - 10 * Ts.MINUTE), live - 2 * Ts.MINUTE);
        t0 = t0 / 1000 * 1000 + r.nextInt(1000);
        long watch = Ts.MINUTE + (long) Rng.exp(r, Model.MEAN_WATCH_MIN * Ts.MINUTE);
        boolean stayGrace = r.nextDouble() < 0.12;
        long tEnd = t0 + watch;
        if (lobby) {
            tEnd = Math.max(tEnd, s + 2 * Ts.MINUTE + r.nextInt(60_000));
        }
        if (tEnd > e) {
            tEnd = stayGrace ? e + Ts.MINUTE + (long) (r.nextDouble() * 13 * Ts.MINUTE) : e + (long) (r.nextDouble() * 90_000);
        }
        tEnd = Math.min(Math.max(tEnd, t0 + Ts.MINUTE), live - 10_000);
        Plan p = new Plan();
        boolean finalLeave = r.nextDouble() < 0.78;
        if (tEnd - t0 > 6 * Ts.MINUTE && r.nextDouble() < 0.18) {
            long cut = t0 + (long) ((0.3 + 0.4 * r.nextDouble()) * (tEnd - t0));
            long lastHb = t0 + (cut - t0) / Model.HEARTBEAT_MS * Model.HEARTBEAT_MS;
            boolean shortGap = r.nextBoolean();
            long gap = shortGap ? 35_000 + r.nextInt(20_000) : 90_000 + (long) (r.nextDouble() * 510_000);
            boolean leaveBefore = !shortGap && r.nextBoolean();
            long rejoin = lastHb + gap;
            long end2 = Math.min(tEnd + gap, live - 10_000);
            p.join[0] = t0;
            p.end[0] = leaveBefore ? lastHb + r.nextInt(20_000) : lastHb;
            p.leave[0] = leaveBefore;
            p.segments = 1;
            if (end2 - rejoin >= 30_000) {
                p.join[1] = rejoin;
                p.end[1] = end2;
                p.leave[1] = finalLeave;
                p.segments = 2;
            }
            return p;
        }
        p.join[0] = t0;
        p.end[0] = tEnd;
        p.leave[0] = finalLeave;
        p.segments = 1;
        return p;
    }

    /** Emits join/heartbeat/leave events; returns the viewer's clipped, merged live presence as [start, end) pairs. */
    private long[] emitSessions(Plan p, Viewer vw, long vkey, Sink sink) {
        List<long[]> events = new ArrayList<>();
        int seq = 0;
        for (int sgi = 0; sgi < p.segments; sgi++) {
            long a = p.join[sgi];
            events.add(new long[] {a, 2});
            writeViewer(sink, vw, vkey, vkey, seq++, "join", a, false);
            long hb = a + Model.HEARTBEAT_MS;
            while (hb <= p.end[sgi]) {
                events.add(new long[] {hb, 0});
                writeViewer(sink, vw, vkey, vkey, seq++, "heartbeat", hb, false);
                hb += Model.HEARTBEAT_MS;
            }
            if (p.leave[sgi]) {
                events.add(new long[] {p.end[sgi], 1});
                writeViewer(sink, vw, vkey, vkey, seq++, "leave", p.end[sgi], false);
            }
        }
        return Presence.clippedIntervals(events, show.startMs(), show.liveEndMs());
    }

    private void writeViewer(Sink sink, Viewer vw, long vkey, long idKey, int seq, String type, long ts, boolean replay) {
        Rec r = new Rec(Entity.VIEWER_EVENTS);
        r.values[0] = eventId(idKey, seq, replay ? 1 : 0);
        r.values[1] = show.id();
        r.values[2] = vw.viewerId();
        r.values[3] = type;
        r.values[4] = vw.paris() ? Ts.paris(ts, true) : Ts.utc(ts, true);
        fillViewerOptional(r, vw, vkey, replay);
        if (vw.extraKey() != null) {
            r.extra(vw.extraKey(), vw.extraValue());
        }
        sink.write(r);
    }

    private void fillViewerOptional(Rec r, Viewer vw, long vkey, boolean replay) {
        if (vkey < ANON_BASE && vkey >= 0) {
            r.values[5] = w.pop.customerId((int) vkey);
        } else if (vw.explicitNullCustomer()) {
            r.values[5] = Rec.NULL;
        }
        r.values[6] = vw.channel();
        r.values[7] = vw.device();
        if (replay) {
            r.values[8] = Boolean.TRUE;
        } else if (vw.explicitReplayFalse()) {
            r.values[8] = Boolean.FALSE;
        }
    }

    private String eventId(long vkey, int seq, int kind) {
        long k1 = Rng.key(seed, T_EVENT_ID, show.key(), vkey, seq * 4L + kind);
        return Rng.uuid(k1, Rng.mix(k1 ^ 0x5DEECE66DL));
    }

    private void chat(Plan p, Viewer vw, int cust, long vkey, Sink sink, Truth truth) {
        SplittableRandom r = Rng.of(seed, T_CHAT, show.key(), vkey);
        List<Object[]> events = new ArrayList<>();
        double minutes = p.totalMs() / 60_000.0;
        double rate = r.nextDouble() < Model.CHATTER_SHARE ? Model.CHATTER_RATE_PER_MIN : Model.QUIET_RATE_PER_MIN;
        int n = Rng.poisson(r, minutes * rate);
        for (int i = 0; i < n; i++) {
            int type = Rng.pick(r, new double[] {0.5, 0.3, 0.12, 0.08, 0});
            events.add(new Object[] {p.at(r.nextDouble()), type, -1});
        }
        for (Show.Moment m : show.moments()) {
            if (!p.presentAt(m.ts())) {
                continue;
            }
            long at = m.ts() + 2000 + (long) Rng.exp(r, 40_000);
            switch (m.type()) {
                case "promo" -> {
                    if (r.nextDouble() < 0.10) {
                        events.add(new Object[] {at, 1, -1});
                    }
                }
                case "giveaway" -> {
                    if (r.nextDouble() < 0.20) {
                        events.add(new Object[] {at, 0, -2});
                    }
                    if (r.nextDouble() < 0.08) {
                        events.add(new Object[] {at + 5000, 3, -1});
                    }
                }
                case "quiz" -> {
                    if (r.nextDouble() < 0.35) {
                        events.add(new Object[] {at, 4, -1});
                    }
                }
                case "guest" -> {
                    if (r.nextDouble() < 0.12) {
                        events.add(new Object[] {at, 1, -1});
                    }
                }
                default -> {
                    if (r.nextDouble() < 0.05) {
                        events.add(new Object[] {at, 2, m.sku()});
                    } else if (r.nextDouble() < 0.04) {
                        events.add(new Object[] {at, 0, -1});
                    }
                }
            }
        }
        boolean engaged = false;
        int seq = 0;
        for (Object[] ev : events) {
            long ts = (Long) ev[0];
            int type = (Integer) ev[1];
            int sku = (Integer) ev[2];
            Rec rec = new Rec(Entity.CHAT_EVENTS);
            rec.values[0] = eventId(vkey, seq++, 2);
            rec.values[1] = show.id();
            rec.values[2] = vw.viewerId();
            rec.values[3] = CHAT_TYPES[type];
            rec.values[4] = vw.paris() ? Ts.paris(ts, true) : Ts.utc(ts, true);
            rec.values[5] = cust >= 0 ? w.pop.customerId(cust) : null;
            rec.values[6] = switch (type) {
                case 0 -> sku == -2 ? Catalog.GIVEAWAY_MESSAGES[r.nextInt(Catalog.GIVEAWAY_MESSAGES.length)]
                    : Catalog.MESSAGES[r.nextInt(Catalog.MESSAGES.length)];
                case 1 -> Catalog.REACTIONS[r.nextInt(Catalog.REACTIONS.length)];
                case 2 -> Catalog.QUESTIONS[r.nextInt(Catalog.QUESTIONS.length)];
                case 4 -> Catalog.POLL_OPTIONS[r.nextInt(Catalog.POLL_OPTIONS.length)];
                default -> null;
            };
            rec.values[7] = sku >= 0 ? Catalog.SKUS.get(sku).id() : null;
            sink.write(rec);
            if (ts >= show.startMs() && ts < show.liveEndMs()) {
                engaged = true;
                truth.chatByType[type]++;
            }
        }
        if (engaged) {
            truth.engagedViewers++;
        }
    }

    private void player(Plan p, Viewer vw, int cust, long vkey, Emit emit, Truth truth, List<Order> orders) {
        SplittableRandom r = Rng.of(seed, T_PLAYER, show.key(), vkey);
        int ordersBefore = orders.size();
        int[] featured = show.featured();
        List<long[]> clicks = new ArrayList<>();
        for (Show.Moment m : show.moments()) {
            if ("product_pin".equals(m.type()) && p.presentAt(m.ts()) && r.nextDouble() < Model.CLICK_AFTER_PIN) {
                clicks.add(new long[] {m.ts() + 3000 + (long) Rng.exp(r, 50_000), indexOf(featured, m.sku())});
            }
        }
        int random = Rng.poisson(r, p.totalMs() / 60_000.0 * Model.CLICK_RATE_PER_MIN);
        for (int i = 0; i < random; i++) {
            clicks.add(new long[] {p.at(r.nextDouble()), r.nextInt(featured.length)});
        }
        List<long[]> carts = new ArrayList<>();
        for (long[] c : clicks) {
            if (r.nextDouble() < Model.CART_AFTER_CLICK) {
                carts.add(new long[] {c[0] + 15_000 + (long) Rng.exp(r, 60_000), c[1]});
            }
        }
        double buyP = cust >= 0 ? Model.BUY_AFTER_CART_IDENTIFIED : Model.BUY_AFTER_CART_GUEST;
        if (!carts.isEmpty() && r.nextDouble() < buyP) {
            long lastCart = 0;
            for (long[] c : carts) {
                lastCart = Math.max(lastCart, c[0]);
            }
            long at = Math.min(lastCart + 30_000 + (long) Rng.exp(r, 90_000), show.liveEndMs() - 1000);
            at = at / 1000 * 1000;
            String currency = cust >= 0 ? w.pop.currency(cust)
                : (r.nextDouble() < 0.9 ? "EUR" : (r.nextBoolean() ? "GBP" : "USD"));
            Order o = new Order(cust, at, "live", show.id(), -1, currency);
            for (long[] c : carts) {
                int fi = (int) c[1];
                int sku = featured[fi];
                if (!o.hasSku(sku) && !stock.soldOut(fi, at)) {
                    o.add(sku, r.nextDouble() < 0.85 ? 1 : 2);
                }
            }
            if (!o.lines.isEmpty()) {
                orders.add(o);
            }
        }
        if (cust >= 0 && show.hostEffect() && orders.size() == ordersBefore) {
            hostEffectPurchase(p, cust, vkey, orders);
        }
        if (emit == null) {
            return;
        }
        boolean clicked = false;
        boolean carted = false;
        int seq = 0;
        for (int pass = 0; pass < 2; pass++) {
            List<long[]> list = pass == 0 ? clicks : carts;
            for (long[] c : list) {
                Rec rec = new Rec(Entity.PLAYER_EVENTS);
                rec.values[0] = eventId(vkey, seq++, 3);
                rec.values[1] = show.id();
                rec.values[2] = vw.viewerId();
                rec.values[3] = pass == 0 ? "product_click" : "add_to_cart";
                rec.values[4] = Catalog.SKUS.get(featured[(int) c[1]]).id();
                rec.values[5] = vw.paris() ? Ts.paris(c[0], true) : Ts.utc(c[0], true);
                rec.values[6] = cust >= 0 ? w.pop.customerId(cust) : null;
                emit.player().write(rec);
                if (c[0] >= show.startMs() && c[0] < show.liveEndMs()) {
                    if (pass == 0) {
                        clicked = true;
                    } else {
                        carted = true;
                    }
                }
            }
        }
        if (clicked) {
            truth.productClickers++;
        }
        if (carted) {
            truth.carters++;
        }
    }

    /**
     * The planted host effect: with {@link Model#HOST_EFFECT_EXTRA_PURCHASE}, one featured sku (not sold out) bought in
     * the player at an instant of the viewer's last session inside the live window, so it counts for buyers_24h.
     * Drawn from its own stream: every other draw of the show is unchanged.
     */
    private void hostEffectPurchase(Plan p, int cust, long vkey, List<Order> orders) {
        SplittableRandom r = Rng.of(seed, T_HOST_EFFECT, show.key(), vkey);
        if (r.nextDouble() >= Model.HOST_EFFECT_EXTRA_PURCHASE) {
            return;
        }
        int last = p.segments - 1;
        long from = Math.max(p.join[last], show.startMs());
        long to = Math.min(p.end[last], show.liveEndMs()) - Ts.SECOND;
        double u = r.nextDouble();
        int first = r.nextInt(show.featured().length);
        if (to <= from) {
            return;
        }
        // Whole seconds, rounded up: never before the session's start, and still before its end.
        long at = (from + (long) (u * (to - from)) + Ts.SECOND - 1) / Ts.SECOND * Ts.SECOND;
        int[] featured = show.featured();
        for (int k = 0; k < featured.length; k++) {
            int fi = (first + k) % featured.length;
            if (!stock.soldOut(fi, at)) {
                orders.add(new Order(cust, at, "live", show.id(), -1, w.pop.currency(cust)).add(featured[fi], 1));
                return;
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return 0;
    }

    private static void peak(List<long[]> intervals, Truth truth) {
        long[][] ev = new long[intervals.size() * 2][];
        int k = 0;
        for (long[] iv : intervals) {
            ev[k++] = new long[] {iv[0], 1};
            ev[k++] = new long[] {iv[1], -1};
        }
        // Half-open intervals: at equal instants the leave (-1) is applied before the join (+1).
        Arrays.sort(ev, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int cur = 0;
        for (long[] e : ev) {
            cur += (int) e[1];
            if (cur > truth.peakConcurrent) {
                truth.peakConcurrent = cur;
                truth.peakAtMs = e[0];
            }
        }
    }

    /** Replay sessions of this show that start on {@code day}; returns the distinct replay viewer ids written. */
    Set<String> replays(int day, Sink sink) {
        Set<String> viewers = new HashSet<>();
        int live = w.pop.attendees[show.ordinal()].length + anonymousCount();
        int n = (int) Math.round(live * Model.REPLAY_PER_LIVE);
        int signed = w.pop.signedUpBefore(show.endMs());
        long dayStart = w.dayStartMs(day);
        for (int j = 0; j < n; j++) {
            SplittableRandom r = Rng.of(seed, T_REPLAY, show.key(), j);
            long len = Ts.MINUTE + (long) Rng.exp(r, 8 * Ts.MINUTE);
            long startAt = show.endMs() + 30 * Ts.MINUTE + (long) Math.min(Rng.exp(r, 16 * Ts.HOUR), 3 * Ts.DAY);
            long midnight = (Math.floorDiv(startAt, Ts.DAY) + 1) * Ts.DAY;
            if (startAt + len >= midnight) {
                startAt = midnight - len - 1000;
            }
            startAt = startAt / 1000 * 1000 + r.nextInt(1000);
            if (startAt < show.liveEndMs() || startAt < dayStart || startAt >= dayStart + Ts.DAY) {
                continue;
            }
            boolean identified = r.nextDouble() < 0.65;
            int cust = identified ? r.nextInt(signed) : -1;
            long vkey = identified ? cust : ANON_BASE + 1_000_000L + j;
            Viewer vw = viewer(r, cust, 1_000_000 + j);
            boolean leave = r.nextDouble() < 0.8;
            viewers.add(vw.viewerId());
            if (sink == null) {
                continue;
            }
            int seq = 0;
            // A customer may replay a show twice: event ids are keyed by the replay session, not the viewer.
            long idKey = (1L << 50) + j;
            writeViewer(sink, vw, vkey, idKey, seq++, "join", startAt, true);
            long hb = startAt + Model.HEARTBEAT_MS;
            while (hb <= startAt + len) {
                writeViewer(sink, vw, vkey, idKey, seq++, "heartbeat", hb, true);
                hb += Model.HEARTBEAT_MS;
            }
            if (leave) {
                writeViewer(sink, vw, vkey, idKey, seq, "leave", startAt + len, true);
            }
        }
        return viewers;
    }
}
