package io.showmetrics.dashboard.shows;

import java.math.BigDecimal;

/**
 * A row of {@code show_sku} (SPEC section 6, "Products in a show"): what one product did in the show.
 *
 * @param clickers distinct viewers who clicked it in the live window
 * @param carters distinct viewers who added it to the cart in the live window
 * @param liveOrders orders with a net line of this sku carrying the show's id
 * @param liveGmv net revenue of those lines (reporting currency)
 * @param pinnedMinutes minutes from each pin of the sku to the next pin of any sku or the end of the live window
 * @param stockoutMinutes minutes of the live window it was out of stock online; {@code null} without stock rows for it
 */
record ShowSku(String sku, long clickers, long carters, long liveOrders, long liveUnits, BigDecimal liveGmv,
               double pinnedMinutes, Double stockoutMinutes) {
}
