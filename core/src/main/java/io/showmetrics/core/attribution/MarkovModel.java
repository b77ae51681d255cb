package io.showmetrics.core.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The {@code markov} attribution model: a first-order Markov chain fitted to journey paths, credit by
 * removal effect (SPEC "Precise rules: Markov attribution"; formulas in {@code docs/attribution.md}).
 *
 * <p>States, by index: 0 = {@code start}; 1..n = the shows of the paths, sorted by {@code show_id}; n + 1 =
 * {@code visit}; n + 2 = {@code null} (both absorbing). Transition probabilities are counts over all paths
 * ({@code start → first show}, {@code show → next show}, {@code last show → outcome}) divided by the count of
 * transitions out of the same state. With no path at all, {@code start} goes to {@code null} with
 * probability 1.
 *
 * <p>Absorption probabilities are solved exactly: x = (I − Q)⁻¹ r over the transient states (start and the
 * shows), with Q the transient-to-transient block and r the one-step probability of {@code visit}, by one LU
 * decomposition (Apache Commons Math). Loops (A → B in one path, B → A in another; self-loops from a
 * repeated show) are handled by the solve; I − Q is always invertible because every show of a path reaches
 * that path's outcome.
 *
 * <p>Removal effect of show s: RE(s) = 1 − P(visit | s removed) / P(visit), where removing s sends every
 * transition into s to {@code null}. That equals making s an absorbing state worth 0, so with the
 * fundamental matrix N = (I − Q)⁻¹ it is computed from the same factorisation by the first-passage identity
 * P(visit | s removed) = x_start − (N[start, s] / N[s, s]) · x_s (N[start, s] / N[s, s] is the probability of
 * ever reaching s from start). Removal effects lie in [0, 1] (rounding is clamped into it); when P(visit) = 0
 * every removal effect is 0. A show with no route to {@code visit} (all its onward transitions end in
 * {@code null}) has absorption probability and removal effect exactly 0; every other show of a chain with
 * P(visit) > 0 has a removal effect strictly above 0.
 */
public final class MarkovModel {
    /** Name of the start state in {@link #states()}. */
    public static final String START = "start";
    /** Name of the absorbing conversion state in {@link #states()}. */
    public static final String VISIT = "visit";
    /** Name of the absorbing non-conversion state in {@link #states()}. */
    public static final String NULL = "null";

    private final List<String> shows;
    private final Map<String, Integer> index;
    private final long[][] counts;
    private final double[][] probabilities;
    private final int pathCount;
    private final int convertedPathCount;
    private final double conversionProbability;
    private final Map<String, Double> removalEffects;
    private final Map<String, Double> conversionWithout;

    private MarkovModel(List<String> shows, Map<String, Integer> index, long[][] counts, double[][] probabilities,
            int pathCount, int convertedPathCount, double conversionProbability,
            Map<String, Double> removalEffects, Map<String, Double> conversionWithout) {
        this.shows = shows;
        this.index = index;
        this.counts = counts;
        this.probabilities = probabilities;
        this.pathCount = pathCount;
        this.convertedPathCount = convertedPathCount;
        this.conversionProbability = conversionProbability;
        this.removalEffects = removalEffects;
        this.conversionWithout = conversionWithout;
    }

    /**
     * Fits the chain to all paths (converted and null) and solves it.
     *
     * @param paths every path, in any order; may be empty (then P(visit) = 0)
     */
    public static MarkovModel fit(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        TreeSet<String> ids = new TreeSet<>();
        int converted = 0;
        for (Path p : paths) {
            ids.addAll(p.shows());
            if (p.converted()) {
                converted++;
            }
        }
        List<String> shows = List.copyOf(ids);
        int n = shows.size();
        int visit = n + 1;
        int nul = n + 2;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(shows.get(i), i + 1);
        }

        long[][] counts = new long[n + 3][n + 3];
        for (Path p : paths) {
            int from = 0;
            for (String s : p.shows()) {
                int to = index.get(s);
                counts[from][to]++;
                from = to;
            }
            counts[from][p.converted() ? visit : nul]++;
        }

        double[][] prob = new double[n + 3][n + 3];
        for (int i = 0; i <= n; i++) {
            long out = 0;
            for (long c : counts[i]) {
                out += c;
            }
            if (out == 0) {
                // Only start can have no outgoing transition (no paths): it then never converts.
                prob[i][nul] = 1.0;
                continue;
            }
            for (int j = 0; j < n + 3; j++) {
                prob[i][j] = (double) counts[i][j] / out;
            }
        }
        prob[visit][visit] = 1.0;
        prob[nul][nul] = 1.0;

        // Transient states 0..n: solve (I − Q) x = r for the probability of absorption in visit.
        int m = n + 1;
        double[][] a = new double[m][m];
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = (i == j ? 1.0 : 0.0) - prob[i][j];
            }
            r[i] = prob[i][visit];
        }
        // Threshold far below any real pivot: I − Q is invertible by construction (see class doc).
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-300).getSolver();
        double[] x = solver.solve(new ArrayRealVector(r, false)).toArray();
        // A state with no route to visit has absorption probability exactly 0 (not rounding residue), so a
        // show that only ever leads to null gets a removal effect of exactly 0.
        boolean[] reaches = reachesVisit(counts, m, visit);
        for (int i = 0; i < m; i++) {
            if (!reaches[i]) {
                x[i] = 0.0;
            }
        }
        double p = clamp01(x[0]);

        Map<String, Double> effects = new TreeMap<>();
        Map<String, Double> without = new TreeMap<>();
        if (p > 0) {
            RealMatrix fundamental = solver.getInverse();
            for (int i = 0; i < n; i++) {
                int s = i + 1;
                // Probability of ever reaching s from start, times P(visit) from s: the visits lost without s.
                double lost = fundamental.getEntry(0, s) / fundamental.getEntry(s, s) * clamp01(x[s]);
                double re = clamp01(lost / p);
                effects.put(shows.get(i), re);
                without.put(shows.get(i), Math.max(0.0, Math.min(p, p - lost)));
            }
        } else {
            for (String s : shows) {
                effects.put(s, 0.0);
                without.put(s, 0.0);
            }
        }
        return new MarkovModel(shows, Collections.unmodifiableMap(index), counts, prob, paths.size(), converted, p,
                Collections.unmodifiableMap(effects), Collections.unmodifiableMap(without));
    }

    /** P(visit): the probability of absorption in {@code visit} from {@code start}, in [0, 1]. */
    public double conversionProbability() {
        return conversionProbability;
    }

    /**
     * P(visit | s removed), every transition into s sent to {@code null}; P(visit) for a show absent from the
     * chain.
     */
    public double conversionProbabilityWithout(String showId) {
        return conversionWithout.getOrDefault(showId, conversionProbability);
    }

    /**
     * Removal effect per show of the chain, sorted by {@code show_id}: 1 − P(visit | s removed) / P(visit), in
     * [0, 1]; all 0 when P(visit) = 0.
     */
    public Map<String, Double> removalEffects() {
        return removalEffects;
    }

    /** The removal effect of one show; 0 for a show absent from the chain. */
    public double removalEffect(String showId) {
        return removalEffects.getOrDefault(showId, 0.0);
    }

    /**
     * The credit of one influenced visit: its shows in the window ({@link Attribution#inWindow}) share 1 in
     * proportion to their removal effects; see {@link #attribute(Journey)} for the fallback.
     */
    public Map<String, Double> credit(Journey journey) {
        return attribute(journey).credit();
    }

    /**
     * The credit of one influenced visit with its fallback flag. credit(s) = RE(s) / Σ RE over the journey's
     * shows (a show absent from the chain has RE 0). When that sum is 0 — P(visit) = 0, or every show of the
     * journey has removal effect 0 or is absent from the chain — the credit is linear (1/k each) and {@link
     * JourneyCredit#linearFallback()} is true. A journey with no touch in its window gets an empty credit.
     */
    public JourneyCredit attribute(Journey journey) {
        List<Touch> touches = Attribution.inWindow(journey);
        if (touches.isEmpty()) {
            return new JourneyCredit(journey.visitId(), Model.MARKOV, Map.of(), false);
        }
        double sum = 0;
        double[] re = new double[touches.size()];
        for (int i = 0; i < re.length; i++) {
            re[i] = removalEffect(touches.get(i).showId());
            sum += re[i];
        }
        if (!(sum > 0)) {
            return new JourneyCredit(journey.visitId(), Model.MARKOV, RuleBased.linear(touches), true);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < re.length; i++) {
            out.put(touches.get(i).showId(), re[i] / sum);
        }
        return new JourneyCredit(journey.visitId(), Model.MARKOV, out, false);
    }

    /**
     * State names by matrix index: {@code start}, the shows sorted by {@code show_id}, {@code visit}, {@code
     * null}. (A show whose id is "start", "visit" or "null" is still a separate state: use indices.)
     */
    public List<String> states() {
        List<String> out = new ArrayList<>(shows.size() + 3);
        out.add(START);
        out.addAll(shows);
        out.add(VISIT);
        out.add(NULL);
        return Collections.unmodifiableList(out);
    }

    /** The shows of the chain, sorted by {@code show_id}. */
    public List<String> shows() {
        return shows;
    }

    /** The row-stochastic transition matrix over {@link #states()} (a copy); visit and null loop to themselves. */
    public double[][] transitionMatrix() {
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i].clone();
        }
        return out;
    }

    /** The transition counts over {@link #states()} (a copy); rows of visit and null are 0. */
    public long[][] transitionCounts() {
        long[][] out = new long[counts.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i].clone();
        }
        return out;
    }

    /**
     * The fitted probability of the transition {@code fromShow → toShow} between two shows of the chain (0
     * when either is absent).
     */
    public double showTransition(String fromShow, String toShow) {
        Integer i = index.get(fromShow);
        Integer j = index.get(toShow);
        return i == null || j == null ? 0.0 : probabilities[i][j];
    }

    /** Number of paths fitted. */
    public int pathCount() {
        return pathCount;
    }

    /** Number of converted paths fitted. */
    public int convertedPathCount() {
        return convertedPathCount;
    }

    /**
     * Transient states (indices below m) with a chain of counted transitions to {@code visit}: a backward
     * breadth-first search from {@code visit}, O(m²).
     */
    private static boolean[] reachesVisit(long[][] counts, int m, int visit) {
        boolean[] reaches = new boolean[m];
        int[] queue = new int[m];
        int tail = 0;
        for (int i = 0; i < m; i++) {
            if (counts[i][visit] > 0) {
                reaches[i] = true;
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            for (int i = 0; i < m; i++) {
                if (!reaches[i] && counts[i][j] > 0) {
                    reaches[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        return reaches;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0.0 : (v > 1 ? 1.0 : v);
    }
}
