package io.showmetrics.core.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.showmetrics.core.presence.Interval;
import io.showmetrics.core.presence.ShowPresence;
import io.showmetrics.core.products.PinnedMinutes.Pin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 30-minute show from 0: live window [0, 45 min). Times in minutes. */
class PinnedMinutesTest {
    private static final long MIN = 60_000L;
    private static final Interval WINDOW = ShowPresence.liveWindow(0, 30 * MIN);

    private static Pin pin(double minute, String sku) {
        return new Pin((long) (minute * MIN), sku);
    }

    @Test
    void aPinRunsUntilTheNextPinOfAnySku() {
        assertThat(PinnedMinutes.perSku(List.of(pin(12, "B"), pin(5, "A")), WINDOW))
                .containsExactly(entry("A", 7.0), entry("B", 33.0)); // B runs to the window end at 45
    }

    @Test
    void theLastPinRunsUntilTheEndOfTheLiveWindowGraceIncluded() {
        assertThat(PinnedMinutes.perSku(List.of(pin(40, "A")), WINDOW)).containsExactly(entry("A", 5.0));
    }

    @Test
    void aSkuPinnedTwiceAddsBothRuns() {
        assertThat(PinnedMinutes.perSku(List.of(pin(0, "A"), pin(10, "B"), pin(20, "A"), pin(25.5, "C")), WINDOW))
                .containsExactly(entry("A", 15.5), entry("B", 10.0), entry("C", 19.5));
    }

    @Test
    void pinsAreClippedToTheLiveWindow() {
        // Before the start: counts from 0 to the next pin; at or after the window end: 0 minutes, but listed.
        assertThat(PinnedMinutes.perSku(List.of(pin(-5, "A"), pin(3, "B"), pin(45, "C"), pin(50, "D")), WINDOW))
                .containsExactly(entry("A", 3.0), entry("B", 42.0), entry("C", 0.0), entry("D", 0.0));
    }

    @Test
    void pinsAtTheSameInstantRunTogetherUntilTheNextLaterPin() {
        assertThat(PinnedMinutes.perSku(List.of(pin(10, "A"), pin(10, "B"), pin(10, "A"), pin(20, "C")), WINDOW))
                .containsExactly(entry("A", 10.0), entry("B", 10.0), entry("C", 25.0));
    }

    @Test
    void aPinWithoutASkuEndsThePinBeforeIt() {
        assertThat(PinnedMinutes.perSku(List.of(pin(10, "A"), pin(15, null)), WINDOW)).containsExactly(entry("A", 5.0));
    }

    @Test
    void noPinsNoSkus() {
        assertThat(PinnedMinutes.perSku(List.of(), WINDOW)).isEmpty();
    }
}
