package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProvisionalTest {
    private static final Instant FINAL_AT = Instant.parse("2026-03-31T20:15:00Z");
    private static final Instant MUCH_LATER = FINAL_AT.plus(Duration.ofDays(90));

    @Nested
    class ByTheClock {
        @Test
        void isProvisionalBeforeFinalAt() {
            assertThat(Provisional.status("final", FINAL_AT, FINAL_AT.minusMillis(1), null)).isEqualTo("provisional");
        }

        @Test
        void isFinalFromFinalAtOn() {
            assertThat(Provisional.status("provisional", FINAL_AT, FINAL_AT, null)).isEqualTo("final");
            assertThat(Provisional.status("provisional", FINAL_AT, FINAL_AT.plusSeconds(86_400), null))
                    .isEqualTo("final");
        }

        @Test
        void fallsBackToTheStoredStatusWithoutFinalAt() {
            assertThat(Provisional.status("provisional", null, FINAL_AT, null)).isEqualTo("provisional");
            assertThat(Provisional.status("final", null, FINAL_AT, null)).isEqualTo("final");
            assertThat(Provisional.status(null, null, FINAL_AT, null)).isNull();
        }
    }

    @Nested
    class ByTheData {
        @Test
        void staysProvisionalWhileTheDataThroughIsBeforeTheWindowEndHoweverOldTheWindow() {
            // The clock alone would say final (90 days later); the data stops a day before the window ends.
            Instant dataThrough = FINAL_AT.minus(Duration.ofDays(1));
            assertThat(Provisional.status("final", FINAL_AT, MUCH_LATER, dataThrough)).isEqualTo("provisional");
            assertThat(Provisional.closed(FINAL_AT, MUCH_LATER, dataThrough)).isFalse();
            assertThat(Provisional.awaitingData(FINAL_AT, dataThrough)).isTrue();
        }

        @Test
        void isFinalOnceBothTheClockAndTheDataHaveReachedTheEnd() {
            assertThat(Provisional.status("provisional", FINAL_AT, FINAL_AT, FINAL_AT)).isEqualTo("final");
            assertThat(Provisional.awaitingData(FINAL_AT, FINAL_AT)).isFalse();
        }

        @Test
        void dataAheadOfTheClockDoesNotCloseAWindowEarly() {
            assertThat(Provisional.status("final", FINAL_AT, FINAL_AT.minusSeconds(1), MUCH_LATER))
                    .isEqualTo("provisional");
        }
    }

    @Test
    void aLiveRowStaysLiveWhateverTheClockAndFinalAtSay() {
        Instant now = Instant.parse("2026-03-01T19:30:00Z");
        assertThat(Provisional.status("live", null, now, now)).isEqualTo(Provisional.LIVE);
        assertThat(Provisional.status("live", now.minusSeconds(3600), now, now)).isEqualTo("live");
    }
}
