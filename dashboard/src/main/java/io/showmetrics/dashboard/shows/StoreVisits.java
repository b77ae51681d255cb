package io.showmetrics.dashboard.shows;

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
 * @param incrementalVisits (visit rate treatment − control) × treated customers, with its 95% CI, from the holdout
 *     experiment {@code experimentId}; all {@code null} when no holdout covers the show
 */
record StoreVisits(List<ModelTotal> models, List<Store> stores, Double influencedStoreVisits, Long influencedVisitors,
                   Double sawShowShare, Double incrementalVisits, Double incrementalCiLow, Double incrementalCiHigh,
                   String experimentId, String experimentName) {
    static final List<String> MODELS = List.of("last_touch", "first_touch", "linear", "time_decay", "markov");

    record ModelTotal(String model, Double visits) {
    }

    record Store(String storeId, Map<String, Double> visits) {
    }

    record StoreModel(String storeId, String model, double visits) {
    }
}
