package io.showmetrics.core.attribution;

import java.util.Locale;

/** The attribution models of SPEC §2 "Store-visit attribution", with their names in {@code store_attribution.model}. */
public enum Model {
    /** All credit to the show that ended last (ties: the greatest {@code show_id}). */
    LAST_TOUCH("last_touch"),
    /** All credit to the show that ended first (ties: the smallest {@code show_id}). */
    FIRST_TOUCH("first_touch"),
    /** Equal shares. */
    LINEAR("linear"),
    /** Weight 2^(−Δt / 2 days), Δt = visit − show end, normalised to 1. */
    TIME_DECAY("time_decay"),
    /** Shares proportional to the removal effects of a fitted {@link MarkovModel}. */
    MARKOV("markov");

    private final String specName;

    Model(String specName) {
        this.specName = specName;
    }

    /** The SPEC name, e.g. {@code last_touch}. */
    public String specName() {
        return specName;
    }

    /**
     * The model with this SPEC name (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Model fromSpecName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Model m : values()) {
            if (m.specName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown attribution model '" + name
                + "': use one of last_touch, first_touch, linear, time_decay, markov");
    }

    @Override
    public String toString() {
        return specName;
    }
}
