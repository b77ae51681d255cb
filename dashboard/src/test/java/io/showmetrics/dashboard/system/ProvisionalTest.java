package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisionalTest {
    private static final Instant FINAL_AT = Instant.parse("2026-03-31T20:15:00Z");

    @Test
    void isProvisionalBeforeFinalAt() {
        assertThat(Provisional.status("final", FINAL_AT, FINAL_AT.minusMillis(1))).isEqualTo("provisional");
    }

    @Test
    void isFinalFromFinalAtOn() {
        assertThat(Provisional.status("provisional", FINAL_AT, FINAL_AT)).isEqualTo("final");
        assertThat(Provisional.status("provisional", FINAL_AT, FINAL_AT.plusSeconds(86_400))).isEqualTo("final");
    }

    @Test
    void fallsBackToTheStoredStatusWithoutFinalAt() {
        assertThat(Provisional.status("provisional", null, FINAL_AT)).isEqualTo("provisional");
        assertThat(Provisional.status("final", null, FINAL_AT)).isEqualTo("final");
        assertThat(Provisional.status(null, null, FINAL_AT)).isNull();
    }
}
