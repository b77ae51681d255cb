package io.showmetrics.dashboard.shows;

import io.showmetrics.dashboard.experiments.ExperimentVisits;
import java.util.List;
import java.util.Map;

/**
 * A show's influenced store visits (SPEC section 2, "Store-visit attribution").
 *
 * @param models the total credited visits per attribution model, in {@link #MODELS} order; {@code visits} is
 *     {@code null} when the model credited no store
 * @param stores per store, the visits each model credits to the show (fractional credit)
 * @param influencedStoreVisits the visits credited to the show (show_kpi)
 * @param influencedVisitors distinct customers among those visits
 * @param sawShowShare share of the show's influenced visits whose survey answered saw_show = true, among answered
 * @param experiment the store visits of the experiment that covers the show ({@code show.experiment_id}), over all
 *     of its shows: the experiment's number, not the show's; numbers withheld while its sample-ratio mismatch is
 *     not acknowledged by the signed-in user; {@code null} when no experiment covers the show
 */
record StoreVisits(List<ModelTotal> models, List<Store> stores, Double influencedStoreVisits, Long influencedVisitors,
                   Double sawShowShare, ExperimentVisits experiment) {
    static final List<String> MODELS = List.of("last_touch", "first_touch", "linear", "time_decay", "markov");

    StoreVisits withExperiment(ExperimentVisits e) {
        return new StoreVisits(models, stores, influencedStoreVisits, influencedVisitors, sawShowShare, e);
    }

    record ModelTotal(String model, Double visits) {
    }

    record Store(String storeId, Map<String, Double> visits) {
    }

    record StoreModel(String storeId, String model, double visits) {
    }
}
