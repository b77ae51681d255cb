package io.showmetrics.generator;

import java.util.List;

/**
 * The three planted experiments. Each randomises a disjoint slice (a "layer") of the customers who signed up
 * before its assignment day, so the experiments never interact.
 */
final class Experiments {

    private Experiments() {
    }

    /**
     * @param assignShares       probability of each variant at randomisation
     * @param expectedSplit      the split written to the experiments file, or null to leave it absent (equal)
     * @param lostAssignmentRate share of the last variant's assignment rows that never reach the export:
     *                           the deliberate sample-ratio mismatch
     * @param showDays           day offsets of the experiment's shows
     * @param showVariants       per show, the variant invited to it (host test), or null for all
     */
    record Def(int index, String id, String name, String hypothesis, String primaryMetric, List<String> variants,
               String control, double[] assignShares, double[] expectedSplit, double lostAssignmentRate, int assignDay,
               int[] showDays, String[] showVariants, String[] showHosts, int theme, double layerLo, double layerHi) {

        int variantIndex(String v) {
            return variants.indexOf(v);
        }

        int controlIndex() {
            return variants.indexOf(control);
        }
    }

    record ExperimentShow(String experimentId, String variant, String host, int theme) {
    }

    static final Def SRM = new Def(0, "EXP-CHECKOUT-SRM", "One-tap checkout in the live player",
        "A one-tap checkout button in the player raises live conversion.", "conversion",
        List.of("control", "one_tap"), "control", new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 0.35,
        28, new int[] {29, 31}, new String[] {null, null}, new String[] {"Léa Dubois", "Sofia Jansen"}, 1, 0.0, 0.15);

    static final Def HOLDOUT = new Def(1, "EXP-PUSH-HOLDOUT", "Push invitation to Autumn Beauty Week",
        "Inviting customers by push to the week's shows raises purchases and store visits vs a holdout that is not told.",
        "conversion", List.of("holdout", "push"), "holdout", new double[] {0.3, 0.7}, new double[] {0.3, 0.7}, 0.0,
        35, new int[] {36, 38}, new String[] {null, null}, new String[] {"Camille Laurent", "Mateo Rossi"}, 0, 0.15, 0.60);

    static final Def HOST = new Def(2, "EXP-HOST-ABC", "Host A/B/C test on Glow Up Live",
        "Which host sells Glow Up Live best? Customers are invited to one of three identical shows.", "revenue",
        List.of("host_a", "host_b", "host_c"), "host_a", new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, null, 0.0,
        42, new int[] {43, 45, 47}, new String[] {"host_a", "host_b", "host_c"},
        new String[] {"Camille Laurent", "Jonas Weber", "Inès Martin"}, 1, 0.60, 0.90);

    static final List<Def> ALL = List.of(SRM, HOLDOUT, HOST);

    static ExperimentShow showOn(int day) {
        for (Def d : ALL) {
            for (int i = 0; i < d.showDays().length; i++) {
                if (d.showDays()[i] == day) {
                    return new ExperimentShow(d.id(), d.showVariants()[i], d.showHosts()[i], d.theme());
                }
            }
        }
        return null;
    }

    static Def byId(String id) {
        for (Def d : ALL) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }
}
