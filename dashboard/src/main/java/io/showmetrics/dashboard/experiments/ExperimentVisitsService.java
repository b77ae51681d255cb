package io.showmetrics.dashboard.experiments;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An experiment's store visits for the signed-in user, for the Show page: behind the same sample-ratio
 * acknowledgement as the experiment's other results ({@link ExperimentApiController}), enforced here on the
 * server.
 */
@Service
public class ExperimentVisitsService {
    private final ExperimentRepository experiments;

    ExperimentVisitsService(ExperimentRepository experiments) {
        this.experiments = experiments;
    }

    /**
     * The experiment's store visits as {@code username} may see them; empty when there is no experiment
     * {@code experimentId} (or it is null). For a flagged experiment the user has not acknowledged, the
     * numbers are left out.
     */
    public Optional<ExperimentVisits> find(String experimentId, String username) {
        if (experimentId == null) {
            return Optional.empty();
        }
        return experiments.findById(experimentId).map(e -> {
            List<ExperimentRepository.IncrementalRow> rows = experiments.findIncrementalVisits(experimentId);
            Boolean holdout = rows.isEmpty() ? null : rows.get(0).holdout();
            boolean visible = !e.srmFlagged() || experiments.findAcknowledgement(experimentId, username).isPresent();
            return new ExperimentVisits(experimentId, e.name(), holdout, e.srmFlagged(), visible,
                    visible ? rows.stream().map(ExperimentRepository.IncrementalRow::variant).toList() : List.of());
        });
    }
}
