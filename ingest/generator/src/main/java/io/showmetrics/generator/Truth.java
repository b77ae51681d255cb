package io.showmetrics.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds truth.json: every planted parameter and the values the pipeline should recover from the files. */
final class Truth {

    static final String GENERATOR_NAME = "showmetrics-generator";
    static final String FILE_NAME = "truth.json";

    private Truth() {
    }

    static void write(Path file, World w, Counters total, List<DayResult> days) {
        Map<String, Object> root = new LinkedHashMap<>();
        GeneratorOptions o = w.options;
        root.put("generator", GENERATOR_NAME);
        root.put("format_version", 1);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("scale", o.scale());
        opts.put("seed", o.seed());
        opts.put("start", o.start().toString());
        opts.put("days", o.days());
        opts.put("end_exclusive", o.start().plusDays(o.days()).toString());
        opts.put("bad_rate", o.badRate());
        root.put("options", opts);
        root.put("reporting_currency", "EUR");
        root.put("conventions", List.of(
            "All figures are computed from the good records only; planted bad records and duplicates never change them.",
            "A conflicting_id copy follows its original in the same file; figures assume the first copy is kept.",
            "Revenue is net of every cancelled/returned row present in the files, converted to EUR with fx_rates of the"
                + " placement day (UTC).",
            "Windows follow SPEC section 2 (half-open, UTC)."));

        Map<String, Object> records = new LinkedHashMap<>();
        Map<String, Object> badByEntity = new LinkedHashMap<>();
        Map<String, Object> dupByEntity = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            records.put(e.folder, total.records[e.ordinal()]);
            Map<String, Object> b = new LinkedHashMap<>();
            for (Reason r : Reason.values()) {
                if (total.bad[e.ordinal()][r.ordinal()] > 0) {
                    b.put(r.code, total.bad[e.ordinal()][r.ordinal()]);
                }
            }
            if (!b.isEmpty()) {
                badByEntity.put(e.folder, b);
            }
            if (total.duplicates[e.ordinal()] > 0) {
                dupByEntity.put(e.folder, total.duplicates[e.ordinal()]);
            }
        }
        long sum = 0;
        for (long r : total.records) {
            sum += r;
        }
        root.put("records_total", sum);
        root.put("records", records);
        Map<String, Object> bad = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            bad.put(r.code, total.totalBad(r));
        }
        root.put("planted_bad", bad);
        root.put("planted_bad_by_entity", badByEntity);
        root.put("planted_duplicates", total.totalDuplicates());
        root.put("planted_duplicates_by_entity", dupByEntity);
        Map<String, Object> files = new LinkedHashMap<>();
        for (int k = 0; k < total.files.size(); k++) {
            long[] c = total.perFile.get(k);
            files.put(o.out().relativize(total.files.get(k)).toString().replace('\\', '/'),
                ordered("records", c[0], "planted_bad", c[1], "planted_duplicates", c[2]));
        }
        root.put("files", files);
        root.put("population", population(w));
        List<Object> shows = shows(w, days);
        root.put("shows", shows);
        root.put("host_effect", hostEffect(shows));
        root.put("experiments", experiments(w, days));
        root.put("retention", retention(w));
        root.put("store_visits", visits(w, days));
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> population(World w) {
        Population p = w.pop;
        Map<String, Object> m = new LinkedHashMap<>();
        int written = p.nBase + p.perDay * w.options.days();
        m.put("customers", written);
        m.put("customers_before_start", p.nBase);
        m.put("new_customers_per_day", p.perDay);
        long watchers = 0;
        long[] gens = new long[Population.GENERATIONS.length];
        for (int i = 0; i < written; i++) {
            watchers += p.watcher[i] ? 1 : 0;
            gens[p.generation[i]]++;
        }
        m.put("watchers", watchers);
        Map<String, Object> g = new LinkedHashMap<>();
        for (int k = 0; k < gens.length; k++) {
            g.put(Population.GENERATIONS[k], gens[k]);
        }
        m.put("generations", g);
        List<Object> stores = new ArrayList<>();
        for (Catalog.Store s : Catalog.STORES) {
            stores.add(ordered("store_id", s.id(), "city", s.city(), "region", Catalog.REGIONS.get(s.region()).code(),
                "currency", s.currency()));
        }
        m.put("stores", stores);
        Map<String, Object> prop = new LinkedHashMap<>();
        prop.put("model", "daily order probability per customer ~ min(cap, median * exp(sigma * N(0,1))), fixed for life");
        prop.put("median", Model.PROPENSITY_MEDIAN);
        prop.put("sigma", Model.PROPENSITY_SIGMA);
        prop.put("cap", Model.PROPENSITY_CAP);
        prop.put("heavy_buyer_share", Model.HEAVY_BUYER_SHARE);
        prop.put("heavy_buyer_daily_probability", List.of(Model.HEAVY_BUYER_MIN, Model.HEAVY_BUYER_MAX));
        prop.put("consequence", "spending in the 28 days before an assignment predicts spending after it, so CUPED "
            + "with that pre-period covariate reduces variance");
        m.put("purchase_propensity", prop);
        return m;
    }

    private static List<Object> shows(World w, List<DayResult> days) {
        Map<String, Set<String>> replay = new LinkedHashMap<>();
        for (DayResult d : days) {
            for (String[] pair : d.replayViewers) {
                replay.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]);
            }
        }
        Map<Integer, List<double[]>> lines = new HashMap<>();
        for (DayResult d : days) {
            for (int k = 0; k < d.netLineCustomer.size(); k++) {
                lines.computeIfAbsent(d.netLineCustomer.get(k), c -> new ArrayList<>())
                    .add(new double[] {d.netLineTs.get(k), d.netLineEur.get(k)});
            }
        }
        List<Object> out = new ArrayList<>();
        for (DayResult d : days) {
            for (Map.Entry<String, ShowSim.Truth> e : d.showTruth.entrySet()) {
                Show s = null;
                for (Show c : w.showsOn(d.day)) {
                    if (c.id().equals(e.getKey())) {
                        s = c;
                    }
                }
                ShowSim.Truth t = e.getValue();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("show_id", s.id());
                m.put("starts_at", Ts.utc(s.startMs(), false));
                m.put("ends_at", Ts.utc(s.endMs(), false));
                m.put("host", s.host());
                m.put("experiment_id", s.experimentId());
                m.put("attending_customers_planned", w.pop.attendees[s.ordinal()].length);
                m.put("unique_viewers", t.uniqueViewers);
                m.put("identified_viewers", t.identifiedViewers);
                m.put("peak_concurrent_viewers", t.peakConcurrent);
                m.put("peak_at", Ts.utc(t.peakAtMs, true));
                m.put("avg_watch_seconds", round(t.avgWatchSeconds, 3));
                m.put("engaged_viewers", t.engagedViewers);
                m.put("chat_messages", t.chatByType[0]);
                m.put("reactions", t.chatByType[1]);
                m.put("questions", t.chatByType[2]);
                m.put("shares", t.chatByType[3]);
                m.put("poll_votes", t.chatByType[4]);
                m.put("product_clickers", t.productClickers);
                m.put("carters", t.carters);
                m.put("replay_viewers", replay.getOrDefault(s.id(), Set.of()).size());
                int buyers = 0;
                double gmv24 = 0;
                long windowEnd = s.endMs() + Ts.DAY;
                for (Map.Entry<Integer, Long> f : t.firstPresence.entrySet()) {
                    boolean bought = false;
                    for (double[] l : lines.getOrDefault(f.getKey(), List.of())) {
                        if (l[0] >= f.getValue() && l[0] < windowEnd) {
                            bought = true;
                            gmv24 += l[1];
                        }
                    }
                    buyers += bought ? 1 : 0;
                }
                m.put("buyers_24h", buyers);
                m.put("conversion_rate_24h", t.identifiedViewers == 0 ? null : round((double) buyers / t.identifiedViewers, 6));
                m.put("gmv_24h", round(gmv24, 2));
                m.put("returning_viewer_rate", viewerRates(w, s)[0]);
                m.put("next_show_retention", viewerRates(w, s)[1]);
                long[] lo = d.liveOrders.get(s.id());
                double[] gmv = d.liveGmv.get(s.id());
                m.put("live_orders", lo == null ? 0 : lo[0]);
                m.put("live_gmv", gmv == null ? 0.0 : round(gmv[0], 2));
                m.put("stockout_minutes", round(d.stockoutMinutes.getOrDefault(s.id(), 0.0), 3));
                // SPEC section 6: the planted cost and the return on it (cost is never 0 here).
                double cost = s.cost().doubleValue();
                m.put("cost", cost);
                m.put("roas_live", round((gmv == null ? 0.0 : gmv[0]) / cost, 6));
                m.put("roas_24h", round(gmv24 / cost, 6));
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The planted host effect and what it gave: buyers within 24 h over identified viewers, pooled over the shows
     * outside experiments of the effect host and of every other host.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> hostEffect(List<Object> shows) {
        long[] host = new long[3];
        long[] others = new long[3];
        for (Object o : shows) {
            Map<String, Object> show = (Map<String, Object>) o;
            if (show.get("experiment_id") != null) {
                continue;
            }
            long[] acc = Model.HOST_EFFECT_HOST.equals(show.get("host")) ? host : others;
            acc[0]++;
            acc[1] += ((Number) show.get("identified_viewers")).longValue();
            acc[2] += ((Number) show.get("buyers_24h")).longValue();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", Model.HOST_EFFECT_HOST);
        m.put("extra_purchase_probability", Model.HOST_EFFECT_EXTRA_PURCHASE);
        m.put("effect_model", "each identified viewer of the host's shows outside experiments who did not buy through "
            + "the player funnel buys one featured sku in the player, during their last session in the live window, "
            + "with the given probability; the host's shows otherwise follow the same model as every other show");
        m.put("realised", ordered("host", pooled(host), "other_hosts", pooled(others)));
        return m;
    }

    private static Map<String, Object> pooled(long[] acc) {
        return ordered("shows", acc[0], "identified_viewers", acc[1], "buyers_24h", acc[2], "conversion_rate_24h",
            acc[1] == 0 ? null : round((double) acc[2] / acc[1], 6));
    }

    /**
     * Share of the show's identified viewers who watched an earlier show live, and share who watch another
     * show starting in [ends_at, ends_at + 30 d), within the generated days.
     */
    private static Double[] viewerRates(World w, Show s) {
        Population p = w.pop;
        int[] viewers = p.attendees[s.ordinal()];
        if (viewers.length == 0) {
            return new Double[] {null, null};
        }
        int returning = 0;
        int retained = 0;
        for (int c : viewers) {
            boolean earlier = false;
            boolean later = false;
            for (int k = 0; k < p.showCount(c); k++) {
                Show o = w.shows.get(p.showAt(c, k));
                if (o.day() >= w.options.days() || o.ordinal() == s.ordinal()) {
                    continue;
                }
                earlier |= o.startMs() < s.startMs();
                later |= o.startMs() >= s.endMs() && o.startMs() < s.endMs() + 30 * Ts.DAY;
            }
            returning += earlier ? 1 : 0;
            retained += later ? 1 : 0;
        }
        return new Double[] {round((double) returning / viewers.length, 6), round((double) retained / viewers.length, 6)};
    }

    private static Map<String, Object> experiments(World w, List<DayResult> days) {
        Population p = w.pop;
        double[] pre = new double[p.n];
        double[] post = new double[p.n];
        boolean[] preBuy = new boolean[p.n];
        boolean[] conv = new boolean[p.n];
        boolean[] visited = new boolean[p.n];
        for (DayResult d : days) {
            for (int k = 0; k < d.expCustomer.size(); k++) {
                int c = d.expCustomer.get(k);
                if (d.expKind.get(k) == 0) {
                    pre[c] += d.expAmount.get(k);
                    preBuy[c] = true;
                } else {
                    post[c] += d.expAmount.get(k);
                    conv[c] = true;
                }
            }
            for (int k = 0; k < d.expVisitors.size(); k++) {
                visited[d.expVisitors.get(k)] = true;
            }
        }
        long reassigned = 0;
        for (DayResult d : days) {
            reassigned += d.reassignedRows;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Experiments.Def e : Experiments.ALL) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("control_variant", e.control());
            m.put("variants", e.variants());
            if (e.expectedSplit() != null) {
                Map<String, Object> split = new LinkedHashMap<>();
                for (int v = 0; v < e.variants().size(); v++) {
                    split.put(e.variants().get(v), e.expectedSplit()[v]);
                }
                m.put("expected_split", split);
            } else {
                m.put("expected_split", "absent (equal split)");
            }
            m.put("assignment_day", w.date(e.assignDay()));
            List<String> showIds = new ArrayList<>();
            for (Show s : w.shows) {
                if (e.id().equals(s.experimentId()) && s.day() < w.options.days()) {
                    showIds.add(s.id());
                }
            }
            m.put("shows", showIds);
            boolean present = e.assignDay() < w.options.days();
            m.put("in_data", present);
            m.put("conversion_window_end", Ts.utc(w.conversionEndMs(e.index()), false));
            m.put("visit_window_end", Ts.utc(w.visitEndMs(e.index()), false));
            m.put("windows_complete", w.dayOf(w.visitEndMs(e.index()) - 1) < w.options.days());
            m.put("customer_layer", List.of(e.layerLo(), e.layerHi()));
            m.put("planted", planted(e, reassigned));
            if (present) {
                m.put("realised", realised(w, e, pre, post, preBuy, conv, visited));
            }
            out.put(e.id(), m);
        }
        return out;
    }

    private static Map<String, Object> planted(Experiments.Def e, long reassigned) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e == Experiments.HOLDOUT) {
            m.put("kind", "holdout: push invitation vs a holdout that is not told about the shows");
            m.put("push_extra_conversion_probability", Model.PUSH_EXTRA_CONVERSION);
            m.put("push_extra_visit_probability_if_home_store", Model.PUSH_EXTRA_VISIT);
            m.put("effect_model", "each push customer independently gets one extra purchase (uniform in the conversion "
                + "window) with the first probability, and, with a home store, one extra store visit (uniform over the "
                + "visit window's whole days) with the second; attendance is the same in both arms");
            m.put("expected_conversion_abs_lift", "push_extra_conversion_probability * (1 - control conversion rate)");
            m.put("expected_visit_abs_lift",
                "push_extra_visit_probability_if_home_store * share with home store * (1 - control visit rate of those)");
            m.put("reassigned_rows", reassigned);
            m.put("reassigned_rows_note", "second rows with the other variant one day later; the first assignment wins");
        } else if (e == Experiments.HOST) {
            m.put("kind", "A/B/C host test; each arm is invited to its own show of the same format");
            m.put("true_conversion_difference", 0.0);
            m.put("true_visit_difference", 0.0);
            m.put("host_c_extra_line_probability", Model.HOST_C_EXTRA_LINE);
            m.put("effect_model", "conversion and visits have NO true difference between arms; orders of host_c "
                + "customers in the conversion window get one more line with the given probability, so host_c "
                + "revenue per customer is higher (about +20%) and host_b equals host_a");
        } else {
            m.put("kind", "sample-ratio mismatch: customers randomised 50/50, but the export lost a share of one arm");
            m.put("randomisation_split", ordered("control", 0.5, "one_tap", 0.5));
            m.put("lost_assignment_rate_of_one_tap", e.lostAssignmentRate());
            double t = 0.5 * (1 - e.lostAssignmentRate());
            m.put("expected_observed_share_one_tap", round(t / (0.5 + t), 6));
            m.put("srm_should_flag", true);
            m.put("true_conversion_difference", 0.0);
        }
        return m;
    }

    private static Map<String, Object> realised(World w, Experiments.Def e, double[] pre, double[] post, boolean[] preBuy,
                                                boolean[] conv, boolean[] visited) {
        Population p = w.pop;
        int k = e.variants().size();
        List<List<Integer>> arms = new ArrayList<>();
        for (int v = 0; v < k; v++) {
            arms.add(new ArrayList<>());
        }
        for (int i = 0; i < p.n; i++) {
            if (p.exportedExperiment(i) == e.index()) {
                arms.get(p.variantOf[i]).add(i);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> variants = new LinkedHashMap<>();
        long n = 0;
        for (List<Integer> a : arms) {
            n += a.size();
        }
        for (int v = 0; v < k; v++) {
            List<Integer> a = arms.get(v);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("n", a.size());
            long c = 0;
            long vis = 0;
            long home = 0;
            double rev = 0;
            for (int i : a) {
                c += conv[i] ? 1 : 0;
                vis += visited[i] ? 1 : 0;
                home += p.homeStore[i] >= 0 ? 1 : 0;
                rev += post[i];
            }
            s.put("converted", c);
            s.put("conversion_rate", a.isEmpty() ? null : round((double) c / a.size(), 6));
            s.put("visited_store", vis);
            s.put("visit_rate", a.isEmpty() ? null : round((double) vis / a.size(), 6));
            s.put("with_home_store", home);
            s.put("revenue_total", round(rev, 2));
            s.put("revenue_per_customer", a.isEmpty() ? null : round(rev / a.size(), 6));
            variants.put(e.variants().get(v), s);
        }
        m.put("variants", variants);
        if (e == Experiments.HOLDOUT) {
            m.put("expected_lift", holdoutExpectation(w, arms.get(e.controlIndex()), arms.get(e.variantIndex("push")),
                conv, visited));
        }
        double chi = 0;
        for (int v = 0; v < k; v++) {
            double share = e.expectedSplit() != null ? e.expectedSplit()[v] : 1.0 / k;
            double exp = n * share;
            chi += (arms.get(v).size() - exp) * (arms.get(v).size() - exp) / exp;
        }
        Map<String, Object> srm = new LinkedHashMap<>();
        srm.put("chi_square", round(chi, 6));
        srm.put("df", k - 1);
        srm.put("p_value", chiSquareSurvival(chi, k - 1));
        m.put("srm", srm);
        int ci = e.controlIndex();
        Map<String, Object> cuped = new LinkedHashMap<>();
        for (int v = 0; v < k; v++) {
            if (v == ci) {
                continue;
            }
            List<Integer> both = new ArrayList<>(arms.get(ci));
            both.addAll(arms.get(v));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("revenue", cupedStats(both, pre, post));
            double[] x = new double[p.n];
            double[] y = new double[p.n];
            for (int i : both) {
                x[i] = preBuy[i] ? 1 : 0;
                y[i] = conv[i] ? 1 : 0;
            }
            c.put("conversion", cupedStats(both, x, y));
            cuped.put(e.variants().get(v) + "_vs_" + e.control(), c);
        }
        m.put("cuped_pre_period", cuped);
        return m;
    }

    /**
     * What the planted effect implies given the realised control: an extra purchase with probability q only
     * converts a customer who would not have converted anyway, so the expected absolute lift is
     * q·(1 − control rate); likewise for visits, among push customers with a home store.
     */
    private static Map<String, Object> holdoutExpectation(World w, List<Integer> control, List<Integer> push,
                                                          boolean[] conv, boolean[] visited) {
        Population p = w.pop;
        Map<String, Object> m = new LinkedHashMap<>();
        if (control.isEmpty() || push.isEmpty()) {
            return m;
        }
        long c = 0;
        long homeControl = 0;
        long homeControlVisited = 0;
        for (int i : control) {
            c += conv[i] ? 1 : 0;
            if (p.homeStore[i] >= 0) {
                homeControl++;
                homeControlVisited += visited[i] ? 1 : 0;
            }
        }
        long homePush = 0;
        for (int i : push) {
            homePush += p.homeStore[i] >= 0 ? 1 : 0;
        }
        double pc = (double) c / control.size();
        m.put("conversion_abs_lift", round(Model.PUSH_EXTRA_CONVERSION * (1 - pc), 6));
        m.put("conversion_rel_lift", pc == 0 ? null : round(Model.PUSH_EXTRA_CONVERSION * (1 - pc) / pc, 6));
        double vc = homeControl == 0 ? 0 : (double) homeControlVisited / homeControl;
        double homeShare = (double) homePush / push.size();
        m.put("visit_abs_lift", round(Model.PUSH_EXTRA_VISIT * homeShare * (1 - vc), 6));
        m.put("note", "expectations given the realised control rates; the realised difference varies around them");
        return m;
    }

    /** θ = cov(Y, X) / var(X) over both arms; variance reduction = 1 − var(Y − θX) / var(Y). */
    private static Map<String, Object> cupedStats(List<Integer> ids, double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i : ids) {
            mx += x[i];
            my += y[i];
        }
        int n = ids.size();
        Map<String, Object> m = new LinkedHashMap<>();
        if (n < 2) {
            return m;
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i : ids) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double theta = sxx == 0 ? 0 : sxy / sxx;
        double syyAdj = syy - 2 * theta * sxy + theta * theta * sxx;
        m.put("theta", round(theta, 6));
        m.put("correlation", sxx == 0 || syy == 0 ? null : round(sxy / Math.sqrt(sxx * syy), 6));
        m.put("variance_reduction", syy == 0 ? null : round(1 - syyAdj / syy, 6));
        return m;
    }

    private static Map<String, Object> retention(World w) {
        Population p = w.pop;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("definition", "cohort = ISO week (UTC) of a customer's first live presence; cell (cohort, k) = share of "
            + "the cohort with live presence in week cohort + k");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("formula", "P(active in week cohort + k) = a * d^(k-1) for k >= 1, independently per week");
        model.put("all_but_gen_z", ordered("a", Model.RETENTION_A, "d", Model.RETENTION_D));
        model.put("gen_z", ordered("a", Model.RETENTION_A_GEN_Z, "d", Model.RETENTION_D_GEN_Z,
            "birth_years", "1997-2012"));
        model.put("activation_hazard_per_week", Model.ACTIVATION_HAZARD);
        model.put("watcher_share", Model.VIEWER_SHARE);
        m.put("planted", model);
        int weeks = p.week(w.options.days() - 1) + 1;
        Map<String, Object> expected = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        List<Double> genZ = new ArrayList<>();
        for (int k = 0; k < weeks; k++) {
            all.add(k == 0 ? 1.0 : round(Model.RETENTION_A * Math.pow(Model.RETENTION_D, k - 1), 6));
            genZ.add(k == 0 ? 1.0 : round(Model.RETENTION_A_GEN_Z * Math.pow(Model.RETENTION_D_GEN_Z, k - 1), 6));
        }
        expected.put("not_gen_z", all);
        expected.put("gen_z", genZ);
        m.put("expected_rate_by_week_offset", expected);
        Map<String, Object> realised = new LinkedHashMap<>();
        realised.put("all", cohorts(w, weeks, -1));
        realised.put("gen_z", cohorts(w, weeks, 1));
        realised.put("not_gen_z", cohorts(w, weeks, 0));
        m.put("realised", realised);
        m.put("week_monday_of_index_0", w.options.start().minusDays(p.dowOffset).toString());
        return m;
    }

    /** Realised viewer cohorts (segment: -1 all, 1 Gen Z only, 0 everyone else). */
    private static List<Object> cohorts(World w, int weeks, int genZ) {
        Population p = w.pop;
        long[] size = new long[weeks];
        long[][] retained = new long[weeks][weeks];
        for (int i = 0; i < p.n; i++) {
            if (genZ >= 0 && (p.generation[i] == Population.GEN_Z) != (genZ == 1)) {
                continue;
            }
            int cohort = -1;
            Set<Integer> active = new LinkedHashSet<>();
            for (int k = 0; k < p.showCount(i); k++) {
                Show s = w.shows.get(p.showAt(i, k));
                if (s.day() >= w.options.days()) {
                    break;
                }
                int wk = p.week(s.day());
                if (cohort < 0) {
                    cohort = wk;
                }
                active.add(wk);
            }
            if (cohort < 0) {
                continue;
            }
            size[cohort]++;
            for (int wk : active) {
                retained[cohort][wk - cohort]++;
            }
        }
        List<Object> out = new ArrayList<>();
        for (int c = 0; c < weeks; c++) {
            if (size[c] == 0) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cohort_week", w.options.start().minusDays(p.dowOffset).plusWeeks(c).toString());
            m.put("cohort_size", size[c]);
            List<Long> r = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            for (int k = 0; c + k < weeks; k++) {
                r.add(retained[c][k]);
                rate.add(round((double) retained[c][k] / size[c], 6));
            }
            m.put("retained", r);
            m.put("rate", rate);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> visits(World w, List<DayResult> days) {
        long[] byKind = new long[StoreVisits.Kind.values().length];
        Set<Integer> multi = new LinkedHashSet<>();
        for (DayResult d : days) {
            for (int k = 0; k < byKind.length; k++) {
                byKind[k] += d.visitsByKind[k];
            }
            for (int k = 0; k < d.multiShowVisitors.size(); k++) {
                multi.add(d.multiShowVisitors.get(k));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> kinds = new LinkedHashMap<>();
        kinds.put("baseline", byKind[StoreVisits.Kind.BASELINE.ordinal()]);
        kinds.put("show_influenced", byKind[StoreVisits.Kind.SHOW_INFLUENCED.ordinal()]);
        kinds.put("after_several_shows", byKind[StoreVisits.Kind.MULTI_SHOW.ordinal()]);
        kinds.put("holdout_push_extra", byKind[StoreVisits.Kind.PUSH.ordinal()]);
        m.put("visits_by_cause", kinds);
        m.put("show_influenced_visit_probability", Model.SHOW_INFLUENCED_VISIT);
        m.put("show_influenced_delay_days", List.of(0.5, 6.5));
        Map<String, Object> several = new LinkedHashMap<>();
        several.put("rule", "a flagged watcher with a home store never visits a store until their third live show, then "
            + "visits it 1..5 days after that show ends with the given probability");
        several.put("share_of_watchers_with_home_store", Model.MULTI_SHOW_VISITOR_SHARE);
        several.put("shows_before_visit", Model.MULTI_SHOW_THRESHOLD);
        several.put("visit_probability", Model.MULTI_SHOW_VISIT_PROB);
        several.put("customers_with_such_visit", multi.size());
        List<String> sample = new ArrayList<>();
        for (int c : multi) {
            if (sample.size() >= 20) {
                break;
            }
            sample.add(w.pop.customerId(c));
        }
        several.put("sample_customer_ids", sample);
        m.put("after_several_shows", several);
        return m;
    }

    /** An insertion-ordered map (Map.of iterates in a per-JVM random order, which would break byte identity). */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Double round(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    /** Upper tail of the chi-square distribution for df 1 (via erfc) and df 2 (closed form). */
    static Object chiSquareSurvival(double x, int df) {
        if (df == 1) {
            return erfc(Math.sqrt(x / 2));
        }
        if (df == 2) {
            return Math.exp(-x / 2);
        }
        return null;
    }

    /** Complementary error function (Numerical Recipes erfcc, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
