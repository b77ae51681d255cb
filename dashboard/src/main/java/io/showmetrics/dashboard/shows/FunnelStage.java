package io.showmetrics.dashboard.shows;

import java.util.ArrayList;
import java.util.List;

/**
 * One stage of the Show page's funnel, SPEC section 2's viewers → engaged → clicked → carted → bought.
 *
 * @param key stable id of the stage ({@code viewers}, {@code engaged}, {@code clicked}, {@code carted},
 *     {@code bought})
 * @param metric the show_kpi metric it counts
 * @param label what the stage counts, as the page names it
 * @param note who is counted, where that is narrower than the label says
 * @param value the count; {@code null} when the show's KPIs are not computed yet
 */
record FunnelStage(String key, String metric, String label, String note, Long value) {

    /** The stages in SPEC's order, from the show's KPIs ({@code null}: every value null). */
    static List<FunnelStage> of(ShowKpi kpi) {
        List<FunnelStage> out = new ArrayList<>();
        out.add(new FunnelStage("viewers", "unique_viewers", "Viewers", "distinct viewers with live presence",
                kpi == null ? null : kpi.uniqueViewers()));
        out.add(new FunnelStage("engaged", "engaged_viewers", "Engaged", "viewers with a chat event in the live window",
                kpi == null ? null : kpi.engagedViewers()));
        out.add(new FunnelStage("clicked", "product_clickers", "Clicked a product",
                "viewers with a product click in the live window", kpi == null ? null : kpi.productClickers()));
        out.add(new FunnelStage("carted", "carters", "Added to cart", "viewers with an add-to-cart in the live window",
                kpi == null ? null : kpi.carters()));
        out.add(new FunnelStage("bought", "buyers_24h", "Bought within 24 h, any channel",
                "identified (logged-in) viewers only, with a net purchase in any channel until 24 h after the show; "
                        + "anonymous viewers cannot be followed to a purchase",
                kpi == null ? null : kpi.buyers24h()));
        return List.copyOf(out);
    }
}
