package io.showmetrics.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed population: customers, the show calendar, experiment assignments and who watches which show live.
 * Everything is a pure function of (seed, scale, start) and of each customer's index, so generating more days
 * never changes what earlier days contain.
 */
final class Population {

    private static final long T_CUST = Rng.tag("customer");
    private static final long T_ACT = Rng.tag("activation");
    private static final long T_RET = Rng.tag("retention");
    private static final long T_PICK = Rng.tag("pick-show");
    private static final long T_LAYER = Rng.tag("experiment-layer");
    private static final long T_VARIANT = Rng.tag("experiment-variant");
    private static final long T_LOST = Rng.tag("experiment-lost");
    private static final long T_ASSIGN_AT = Rng.tag("experiment-assigned-at");
    private static final long T_REASSIGN = Rng.tag("experiment-reassign");

    static final int GEN_Z = 0;
    static final String[] GENERATIONS = {"Gen Z", "Millennials", "Gen X", "Boomers", "other", "unknown"};

    final long seed;
    final LocalDate start;
    final long startMs;
    /** Monday-based weekday of the start day (0 = Monday), to map day indices to ISO weeks. */
    final int dowOffset;
    final int horizonDays;
    final int nBase;
    final int perDay;
    final int n;

    final long[] signupMs;
    final short[] birthYear;
    final byte[] generation;
    final byte[] region;
    final byte[] homeStore;
    final float[] propensity;
    final boolean[] watcher;
    final boolean[] multiShowVisitor;
    final byte[] prefChannel;

    final byte[] expOf;
    final byte[] variantOf;
    final long[] assignedAt;
    /** Randomised but never exported (the SRM experiment's lost rows). */
    final boolean[] assignmentLost;
    final boolean[] reassigned;

    final List<Show> shows;
    final int[][] attendees;
    final int[] custShowStart;
    final int[] custShowData;

    Population(long seed, double scale, LocalDate start, int days) {
        this.seed = seed;
        this.start = start;
        this.startMs = Ts.epochMs(start);
        this.dowOffset = start.getDayOfWeek().getValue() - 1;
        int lastWeekday = (dowOffset + days - 1) % 7;
        this.horizonDays = days + (6 - lastWeekday);
        this.nBase = Math.max(20, (int) Math.round(Model.BASE_CUSTOMERS * scale));
        this.perDay = Math.max(1, (int) Math.round(Model.NEW_CUSTOMERS_PER_DAY * scale));
        this.n = nBase + perDay * horizonDays;

        signupMs = new long[n];
        birthYear = new short[n];
        generation = new byte[n];
        region = new byte[n];
        homeStore = new byte[n];
        propensity = new float[n];
        watcher = new boolean[n];
        multiShowVisitor = new boolean[n];
        prefChannel = new byte[n];
        for (int i = 0; i < n; i++) {
            makeCustomer(i);
        }

        shows = Calendar.shows(seed, start, horizonDays);

        expOf = new byte[n];
        variantOf = new byte[n];
        assignedAt = new long[n];
        assignmentLost = new boolean[n];
        reassigned = new boolean[n];
        Arrays.fill(expOf, (byte) -1);
        Arrays.fill(variantOf, (byte) -1);
        assign();

        attendees = new int[shows.size()][];
        int[][] built = attend();
        System.arraycopy(built, 0, attendees, 0, built.length);
        custShowStart = new int[n + 1];
        for (int[] a : attendees) {
            for (int c : a) {
                custShowStart[c + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            custShowStart[i + 1] += custShowStart[i];
        }
        custShowData = new int[custShowStart[n]];
        int[] fill = Arrays.copyOf(custShowStart, n);
        for (int s = 0; s < attendees.length; s++) {
            for (int c : attendees[s]) {
                custShowData[fill[c]++] = s;
            }
        }
    }

    private void makeCustomer(int i) {
        SplittableRandom r = Rng.of(seed, T_CUST, i);
        if (i < nBase) {
            long from = Ts.epochMs(LocalDate.of(2023, 1, 1));
            signupMs[i] = from + (long) (r.nextDouble() * (startMs - Ts.DAY - from)) / 1000 * 1000;
        } else {
            int day = (i - nBase) / perDay;
            int k = (i - nBase) % perDay;
            // Increasing within the day, so customers stay in signup order.
            signupMs[i] = startMs + day * Ts.DAY + (long) ((k + r.nextDouble()) / perDay * Ts.DAY) / 1000 * 1000;
        }
        int g = Rng.pick(r, Model.GENERATION_WEIGHTS);
        generation[i] = (byte) g;
        birthYear[i] = switch (g) {
            case 0 -> (short) (1997 + r.nextInt(16));
            case 1 -> (short) (1981 + r.nextInt(16));
            case 2 -> (short) (1965 + r.nextInt(16));
            case 3 -> (short) (1946 + r.nextInt(19));
            case 4 -> (short) (r.nextBoolean() ? 1930 + r.nextInt(16) : 2013);
            default -> 0;
        };
        if (r.nextDouble() < Catalog.REGION_MISSING) {
            region[i] = -1;
        } else {
            double[] w = new double[Catalog.REGIONS.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = Catalog.REGIONS.get(k).weight();
            }
            region[i] = (byte) Rng.pick(r, w);
        }
        homeStore[i] = -1;
        if (region[i] >= 0) {
            List<Integer> stores = Catalog.storesInRegion(region[i]);
            if (!stores.isEmpty() && r.nextDouble() < 0.75) {
                homeStore[i] = (byte) (int) stores.get(r.nextInt(stores.size()));
            }
        }
        double p = Model.PROPENSITY_MEDIAN * Math.exp(Model.PROPENSITY_SIGMA * r.nextGaussian());
        if (r.nextDouble() < Model.HEAVY_BUYER_SHARE) {
            p = Model.HEAVY_BUYER_MIN + r.nextDouble() * (Model.HEAVY_BUYER_MAX - Model.HEAVY_BUYER_MIN);
        }
        propensity[i] = (float) Math.min(Model.PROPENSITY_CAP, p);
        watcher[i] = r.nextDouble() < Model.VIEWER_SHARE;
        multiShowVisitor[i] = watcher[i] && homeStore[i] >= 0 && r.nextDouble() < Model.MULTI_SHOW_VISITOR_SHARE;
        prefChannel[i] = (byte) Rng.pick(r, Catalog.VIEWER_CHANNEL_WEIGHTS);
    }

    private void assign() {
        for (Experiments.Def e : Experiments.ALL) {
            if (e.assignDay() >= horizonDays) {
                continue;
            }
            long dayMs = startMs + e.assignDay() * Ts.DAY;
            for (int i = 0; i < n; i++) {
                if (signupMs[i] >= dayMs) {
                    continue;
                }
                double u = Rng.unit(seed, T_LAYER, i);
                if (u < e.layerLo() || u >= e.layerHi()) {
                    continue;
                }
                double[] cum = cumulative(e.assignShares());
                int v = Rng.pick(Rng.unit(seed, T_VARIANT, e.index(), i), cum);
                expOf[i] = (byte) e.index();
                variantOf[i] = (byte) v;
                // Push campaigns and app opens between 06:00 and 09:00 UTC.
                assignedAt[i] = dayMs + 6 * Ts.HOUR + (long) (Rng.unit(seed, T_ASSIGN_AT, e.index(), i) * 3 * Ts.HOUR)
                    / 1000 * 1000;
                if (e.lostAssignmentRate() > 0 && v == e.variants().size() - 1
                    && Rng.unit(seed, T_LOST, e.index(), i) < e.lostAssignmentRate()) {
                    assignmentLost[i] = true;
                }
                if (e == Experiments.HOLDOUT && Rng.unit(seed, T_REASSIGN, i) < Model.REASSIGNED_SHARE) {
                    reassigned[i] = true;
                }
            }
        }
    }

    static double[] cumulative(double[] shares) {
        double[] c = new double[shares.length];
        double s = 0;
        for (int i = 0; i < shares.length; i++) {
            s += shares[i];
            c[i] = s;
        }
        return c;
    }

    /** Exported assignment of customer i: the experiment index, or -1 (lost rows count as not assigned). */
    int exportedExperiment(int i) {
        return assignmentLost[i] ? -1 : expOf[i];
    }

    int week(int day) {
        return Math.floorDiv(day + dowOffset, 7);
    }

    double retention(int i, int k) {
        boolean genZ = generation[i] == GEN_Z;
        double a = genZ ? Model.RETENTION_A_GEN_Z : Model.RETENTION_A;
        double d = genZ ? Model.RETENTION_D_GEN_Z : Model.RETENTION_D;
        return a * Math.pow(d, k - 1);
    }

    private int[][] attend() {
        int weeks = week(horizonDays - 1) + 1;
        List<List<Integer>> byWeek = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            byWeek.add(new ArrayList<>());
        }
        for (Show s : shows) {
            byWeek.get(week(s.day())).add(s.ordinal());
        }
        IntList[] lists = new IntList[shows.size()];
        for (int s = 0; s < lists.length; s++) {
            lists[s] = new IntList();
        }
        int[] eligible = new int[16];
        for (int i = 0; i < n; i++) {
            if (!watcher[i]) {
                continue;
            }
            int cohort = -1;
            for (int w = 0; w < weeks; w++) {
                List<Integer> ws = byWeek.get(w);
                int ne = 0;
                for (int s : ws) {
                    Show show = shows.get(s);
                    if (show.startMs() > signupMs[i] + Ts.HOUR && mayAttend(i, show) && ne < eligible.length) {
                        eligible[ne++] = s;
                    }
                }
                if (ne == 0) {
                    continue;
                }
                boolean active;
                if (cohort < 0) {
                    active = Rng.unit(seed, T_ACT, i, w) < Model.ACTIVATION_HAZARD;
                    if (active) {
                        cohort = w;
                    }
                } else {
                    active = Rng.unit(seed, T_RET, i, w) < retention(i, w - cohort);
                }
                if (!active) {
                    continue;
                }
                SplittableRandom r = Rng.of(seed, T_PICK, i, w);
                int first = r.nextInt(ne);
                int second = -1;
                if (ne > 1 && r.nextDouble() < Model.SECOND_SHOW) {
                    second = (first + 1 + r.nextInt(ne - 1)) % ne;
                }
                int a = eligible[first];
                int b = second >= 0 ? eligible[second] : -1;
                lists[b >= 0 ? Math.min(a, b) : a].add(i);
                if (b >= 0) {
                    lists[Math.max(a, b)].add(i);
                }
            }
        }
        int[][] out = new int[shows.size()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = lists[s].toArray();
        }
        return out;
    }

    /**
     * Host-test shows are public, but a customer assigned to the host test is invited to, and only sees, the
     * show of their own variant.
     */
    private boolean mayAttend(int i, Show show) {
        if (show.variant() == null) {
            return true;
        }
        Experiments.Def e = Experiments.byId(show.experimentId());
        return expOf[i] != e.index() || variantOf[i] == e.variantIndex(show.variant());
    }

    int showCount(int i) {
        return custShowStart[i + 1] - custShowStart[i];
    }

    int showAt(int i, int k) {
        return custShowData[custShowStart[i] + k];
    }

    /** Number of customers signed up before the given instant (customers are in signup order after the base). */
    int signedUpBefore(long ms) {
        if (ms <= startMs) {
            return nBase;
        }
        int lo = nBase;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (signupMs[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    String customerId(int i) {
        return String.format("CU%08d", i + 1);
    }

    /** Stable per-customer viewer id (the logged-in player's device id). */
    String viewerId(int i) {
        return "vw-" + Long.toHexString(Rng.key(seed, Rng.tag("viewer-id"), i) | (1L << 60)).substring(1, 13);
    }

    String currency(int i) {
        return Catalog.currencyOfRegion(region[i]);
    }

    /** Growable int array. */
    static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int size() {
            return size;
        }

        int get(int k) {
            return a[k];
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
