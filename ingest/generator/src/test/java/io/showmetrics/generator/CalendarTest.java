package io.showmetrics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarTest {

    private static final List<Show> SHOWS = Calendar.shows(42, GeneratorOptions.DEFAULT_START, 56);

    @Test
    void aFewShowsAWeekOf30To90MinutesInParisLunchOrEveningSlots() {
        assertThat(SHOWS).hasSizeBetween(3 * 8, 6 * 8);
        for (Show s : SHOWS) {
            long minutes = Duration.ofMillis(s.endMs() - s.startMs()).toMinutes();
            assertThat(minutes).isBetween(30L, 90L);
            int hour = ZonedDateTime.ofInstant(Instant.ofEpochMilli(s.startMs()), Ts.PARIS).getHour();
            assertThat(hour).isIn(11, 12, 18, 19, 20);
            assertThat(s.featured()).hasSizeBetween(3, 6);
            assertThat(s.moments()).anyMatch(m -> m.type().equals("product_pin"));
        }
    }

    @Test
    void theCalendarOfADayDoesNotDependOnHowManyDaysAreGenerated() {
        List<Show> shorter = Calendar.shows(42, GeneratorOptions.DEFAULT_START, 20);
        assertThat(shorter).isNotEmpty();
        for (int i = 0; i < shorter.size(); i++) {
            assertThat(shorter.get(i).id()).isEqualTo(SHOWS.get(i).id());
            assertThat(shorter.get(i).featured()).isEqualTo(SHOWS.get(i).featured());
        }
    }

    @Test
    void hostTestShowsDifferOnlyByHostAndDay() {
        List<Show> arms = SHOWS.stream().filter(s -> "EXP-HOST-ABC".equals(s.experimentId())).toList();
        assertThat(arms).extracting(Show::variant).containsExactly("host_a", "host_b", "host_c");
        assertThat(arms).extracting(Show::host).doesNotHaveDuplicates();
        Show a = arms.get(0);
        for (Show s : arms) {
            assertThat(s.featured()).isEqualTo(a.featured());
            assertThat(s.endMs() - s.startMs()).isEqualTo(a.endMs() - a.startMs());
            assertThat(s.moments()).hasSameSizeAs(a.moments());
            for (int i = 0; i < s.moments().size(); i++) {
                assertThat(s.moments().get(i).ts() - s.startMs()).isEqualTo(a.moments().get(i).ts() - a.startMs());
                assertThat(s.moments().get(i).type()).isEqualTo(a.moments().get(i).type());
            }
        }
    }

    @Test
    void experimentShowsSitAtTheirFixedDays() {
        for (Experiments.Def e : Experiments.ALL) {
            List<Integer> days = SHOWS.stream().filter(s -> e.id().equals(s.experimentId())).map(Show::day).toList();
            assertThat(days).containsExactlyElementsOf(java.util.Arrays.stream(e.showDays()).boxed().toList());
            assertThat(e.assignDay()).isGreaterThanOrEqualTo(28);
        }
    }
}
