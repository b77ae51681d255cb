package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    private static final Path OUT = Path.of("landing");

    @Test
    void defaultsAreScaleOneSeed42FiftySixDaysFromAMonday() {
        GeneratorOptions o = GeneratorOptions.defaults(OUT);

        assertThat(o.scale()).isEqualTo(1.0);
        assertThat(o.seed()).isEqualTo(42L);
        assertThat(o.start()).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(o.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(o.days()).isEqualTo(56);
        assertThat(o.badRate()).isEqualTo(0.0005);
    }

    @Test
    void acceptsAFractionalScale() {
        assertThat(GeneratorOptions.defaults(OUT).withScale(0.02).scale()).isEqualTo(0.02);
    }

    @Test
    void rejectsANonPositiveScaleNoDaysAndABadRateAboveTenPercent() {
        GeneratorOptions o = GeneratorOptions.defaults(OUT);
        assertThatThrownBy(() -> o.withScale(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> o.withScale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withDays(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
        assertThatThrownBy(() -> o.withBadRate(0.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("badRate");
    }
}
