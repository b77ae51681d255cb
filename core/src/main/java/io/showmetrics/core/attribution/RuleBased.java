package io.showmetrics.core.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four rule-based models. They look only at one journey's touches in its window ({@link
 * Attribution#inWindow}), ordered by end time then {@code show_id} ({@link Touch#ORDER}).
 */
public final class RuleBased {
    private RuleBased() {}

    /**
     * The credit of one influenced visit under a rule-based model: show_id → credit, every value ≥ 0,
     * summing to 1, in touch order.
     *
     * <ul>
     *   <li>{@code last_touch}: 1 to the last touch in {@link Touch#ORDER} (latest end; equal ends: greatest
     *       {@code show_id});</li>
     *   <li>{@code first_touch}: 1 to the first (earliest end; equal ends: smallest {@code show_id});</li>
     *   <li>{@code linear}: 1/k to each of the k shows;</li>
     *   <li>{@code time_decay}: w_i = 2^(−Δt_i / 2 days), Δt_i = visit − end_i ∈ [0, 7 days), credit
     *       w_i / Σw.</li>
     * </ul>
     * A journey with no touch in its window is not influenced: the result is empty.
     *
     * @throws IllegalArgumentException for {@link Model#MARKOV}, which needs a fitted {@link MarkovModel}
     */
    public static Map<String, Double> credit(Model model, Journey journey) {
        if (model == Model.MARKOV) {
            throw new IllegalArgumentException("markov is not rule-based: use MarkovModel.fit(paths).credit(journey)");
        }
        List<Touch> touches = Attribution.inWindow(journey);
        Map<String, Double> out = new LinkedHashMap<>();
        if (touches.isEmpty()) {
            return Collections.unmodifiableMap(out);
        }
        switch (model) {
            case LAST_TOUCH -> out.put(touches.get(touches.size() - 1).showId(), 1.0);
            case FIRST_TOUCH -> out.put(touches.get(0).showId(), 1.0);
            case LINEAR -> {
                return linear(touches);
            }
            case TIME_DECAY -> {
                double[] w = new double[touches.size()];
                double sum = 0;
                for (int i = 0; i < w.length; i++) {
                    double dt = journey.visitMillis() - touches.get(i).showEndMillis();
                    w[i] = Math.pow(2.0, -dt / Attribution.HALF_LIFE_MILLIS);
                    sum += w[i];
                }
                for (int i = 0; i < w.length; i++) {
                    out.put(touches.get(i).showId(), w[i] / sum);
                }
            }
            default -> throw new IllegalStateException("unreachable: " + model);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Linear shares over already-windowed touches (the Markov fallback). */
    static Map<String, Double> linear(List<Touch> touches) {
        Map<String, Double> out = new LinkedHashMap<>();
        double share = 1.0 / touches.size();
        for (Touch t : touches) {
            out.put(t.showId(), share);
        }
        return Collections.unmodifiableMap(out);
    }
}
