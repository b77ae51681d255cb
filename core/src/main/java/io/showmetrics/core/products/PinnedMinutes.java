package io.showmetrics.core.products;

import io.showmetrics.core.presence.Interval;
import io.showmetrics.core.presence.Presence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long each product was pinned in a show (SPEC section 6, "Products in a show"): each {@code product_pin}
 * moment of a sku runs from its instant to the next {@code product_pin} of any sku of the show, or to the end of
 * the live window, whichever comes first, clipped to the live window {@code [starts_at, ends_at + 15 min)}.
 *
 * <p>Where SPEC is silent: the next pin is the next one at a <i>later</i> instant, so pins at the same instant
 * (two products pinned together) each run until the pin after them; a {@code product_pin} without a sku ends the
 * pin before it and credits no sku; the time of one sku is the union of its pins (a pin repeated at the same
 * instant, with another label, is not counted twice). A pin before the window counts from the window start; a pin
 * at or after the window end counts 0 minutes but still names its sku.
 */
public final class PinnedMinutes {
    private PinnedMinutes() {}

    /**
     * A {@code product_pin} moment.
     *
     * @param tsMillis its instant, epoch milliseconds
     * @param sku the pinned sku, or null for a pin that names none
     */
    public record Pin(long tsMillis, String sku) {}

    /**
     * Minutes pinned per sku, for every sku that has a pin (0.0 for a pin entirely outside the window).
     *
     * @param pins the show's {@code product_pin} moments, in any order
     * @param window the show's live window
     */
    public static Map<String, Double> perSku(List<Pin> pins, Interval window) {
        List<Pin> sorted = new ArrayList<>(pins);
        sorted.sort(Comparator.comparingLong(Pin::tsMillis));
        Map<String, List<Interval>> bySku = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Pin pin = sorted.get(i);
            while (next < sorted.size() && sorted.get(next).tsMillis() <= pin.tsMillis()) {
                next++;
            }
            long end = next < sorted.size() ? Math.min(sorted.get(next).tsMillis(), window.end()) : window.end();
            if (pin.sku() == null) {
                continue;
            }
            List<Interval> intervals = bySku.computeIfAbsent(pin.sku(), k -> new ArrayList<>());
            if (end > pin.tsMillis()) {
                intervals.add(new Interval(pin.tsMillis(), end));
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, List<Interval>> e : bySku.entrySet()) {
            List<Interval> clipped = Presence.clip(Presence.merge(e.getValue()), window.start(), window.end());
            out.put(e.getKey(), Presence.totalMillis(clipped) / 60_000.0);
        }
        return out;
    }
}
