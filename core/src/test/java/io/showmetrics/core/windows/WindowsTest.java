package io.showmetrics.core.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowsTest {
    @Test
    void defaultsAreSpecs() {
        Windows w = Windows.DEFAULTS;
        assertThat(w.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(w.liveGrace()).isEqualTo(Duration.ofMinutes(15));
        assertThat(w.conversion()).isEqualTo(Duration.ofHours(24));
        assertThat(w.momentEffect()).isEqualTo(Duration.ofMinutes(5));
        assertThat(w.storeVisit()).isEqualTo(Duration.ofDays(7));
        assertThat(w.timeDecayHalfLife()).isEqualTo(Duration.ofDays(2));
        assertThat(w.nextShowRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(w.experimentPrePeriod()).isEqualTo(Duration.ofDays(28));
        assertThat(w.showFinalAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(w.experimentFinalAfter()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void finalityIsTheLongestWindowThatFeedsTheNumbers() {
        Windows w = Windows.DEFAULTS.withConversion(Duration.ofDays(10));
        assertThat(w.experimentFinalAfter()).isEqualTo(Duration.ofDays(10));
        assertThat(w.showFinalAfter()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aWindowOfNoLengthIsRefusedByName() {
        assertThatThrownBy(() -> Windows.DEFAULTS.withConversion(Duration.ZERO))
                .hasMessageContaining("conversion window must be longer than zero");
    }

    @Test
    void durationsAreReadAsUsersWriteThem() {
        assertThat(Windows.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Windows.parse(" 7d ")).isEqualTo(Duration.ofDays(7));
        assertThat(Windows.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Windows.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Windows.parse("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> Windows.parse("a day")).hasMessageContaining("24h");
    }

    @Test
    void aWindowIsChangedByItsName() {
        assertThat(Windows.DEFAULTS.with("next_show_retention", Duration.ofDays(14)).nextShowRetention())
                .isEqualTo(Duration.ofDays(14));
        assertThatThrownBy(() -> Windows.DEFAULTS.with("convertion", Duration.ofDays(1)))
                .hasMessageContaining("Unknown window convertion").hasMessageContaining("conversion");
    }
}
