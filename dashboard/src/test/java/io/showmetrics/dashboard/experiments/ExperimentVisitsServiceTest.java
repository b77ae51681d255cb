package io.showmetrics.dashboard.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Show page's view of an experiment's store visits: the SRM gate is the same as for its results. */
class ExperimentVisitsServiceTest {
    private final ExperimentRepository repository = mock(ExperimentRepository.class);
    private final ExperimentVisitsService service = new ExperimentVisitsService(repository);

    private void givenExperiment(String id, boolean flagged, boolean holdout) {
        given(repository.findById(id)).willReturn(Optional.of(ExperimentControllerTest.experiment(id, flagged)));
        given(repository.findIncrementalVisits(id)).willReturn(List.of(new ExperimentRepository.IncrementalRow(holdout,
                new ExperimentVisits.Variant("host_b", "host_a", 5190, 4810, 96.0, 12.5, 179.5, null))));
    }

    @Test
    void aFlaggedExperimentsNumbersAreWithheldUntilThisUserAcknowledges() {
        givenExperiment("exp", true, false);
        given(repository.findAcknowledgement("exp", "alex")).willReturn(Optional.empty());

        ExperimentVisits v = service.find("exp", "alex").orElseThrow();

        assertThat(v.srmFlagged()).isTrue();
        assertThat(v.resultsVisible()).isFalse();
        assertThat(v.variants()).isEmpty();
        assertThat(v.name()).isEqualTo("Host A vs host B");
    }

    @Test
    void aFlaggedExperimentsNumbersAreSentOnceThisUserAcknowledged() {
        givenExperiment("exp", true, false);
        given(repository.findAcknowledgement("exp", "alex")).willReturn(Optional.of(Instant.parse("2026-03-04T10:00:00Z")));

        ExperimentVisits v = service.find("exp", "alex").orElseThrow();

        assertThat(v.resultsVisible()).isTrue();
        assertThat(v.holdout()).isFalse();
        assertThat(v.variants()).singleElement().satisfies(r -> assertThat(r.visits()).isEqualTo(96.0));
    }

    @Test
    void anUnflaggedExperimentNeedsNoAcknowledgement() {
        givenExperiment("exp", false, true);

        ExperimentVisits v = service.find("exp", "maria").orElseThrow();

        assertThat(v.resultsVisible()).isTrue();
        assertThat(v.holdout()).isTrue();
        assertThat(v.variants()).hasSize(1);
    }

    @Test
    void noExperimentOrAnUnknownOneGivesNothing() {
        given(repository.findById("gone")).willReturn(Optional.empty());

        assertThat(service.find(null, "maria")).isEmpty();
        assertThat(service.find("gone", "maria")).isEmpty();
    }
}
