package io.showmetrics.dashboard.experiments;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.NotFoundException;
import io.showmetrics.dashboard.system.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Experiments, their sample-ratio check and results as JSON and CSV. The results of an experiment flagged
 * for sample-ratio mismatch are withheld (409 {@code srm_not_acknowledged}) until the signed-in user has
 * acknowledged the mismatch with {@code POST .../srm-acknowledgement}.
 */
@RestController
@Tag(name = "Experiments", description = "A/B tests and holdouts: sample-ratio check (experiment, experiment_variant), "
        + "lifts with CIs, raw and CUPED (experiment_result), the decision (experiment_decision) and the SRM "
        + "acknowledgement (srm_acknowledgement)")
class ExperimentApiController {
    static final String SRM_NOT_ACKNOWLEDGED = "srm_not_acknowledged";

    private static final List<Csv.Column<Experiment>> EXPERIMENT_COLUMNS = List.of(
            column("experiment_id", Experiment::experimentId), column("name", Experiment::name),
            column("hypothesis", Experiment::hypothesis), column("primary_metric", Experiment::primaryMetric),
            column("control_variant", Experiment::controlVariant),
            column("variants", e -> e.variants().stream().map(v -> v.variant() + ":" + v.assigned())
                    .collect(Collectors.joining(";"))),
            column("assigned", Experiment::assigned), column("srm_p_value", Experiment::srmPValue),
            column("srm_flagged", Experiment::srmFlagged), column("srm_error_code", Experiment::srmErrorCode),
            column("starts_at", Experiment::startsAt), column("ends_at", Experiment::endsAt),
            column("status", Experiment::status), column("final_at", Experiment::finalAt));
    private static final List<Csv.Column<ExperimentResult>> RESULT_COLUMNS = List.of(
            column("metric", ExperimentResult::metric), column("variant", ExperimentResult::variant),
            column("analysis", r -> r.adjusted() ? "cuped" : "raw"), column("n", ExperimentResult::n),
            column("value", ExperimentResult::value), column("control_n", ExperimentResult::controlN),
            column("control_value", ExperimentResult::controlValue), column("abs_lift", ExperimentResult::absLift),
            column("abs_ci_low", ExperimentResult::absCiLow), column("abs_ci_high", ExperimentResult::absCiHigh),
            column("rel_lift", ExperimentResult::relLift), column("rel_ci_low", ExperimentResult::relCiLow),
            column("rel_ci_high", ExperimentResult::relCiHigh), column("p_value", ExperimentResult::pValue),
            column("p_value_holm", ExperimentResult::pValueHolm), column("p_value_bh", ExperimentResult::pValueBh),
            column("seq_ci_low", ExperimentResult::seqCiLow), column("seq_ci_high", ExperimentResult::seqCiHigh),
            column("theta", ExperimentResult::theta), column("variance_reduction", ExperimentResult::varianceReduction),
            column("srm_p_value", ExperimentResult::srmPValue), column("error_code", ExperimentResult::errorCode));

    private final ExperimentRepository experiments;

    ExperimentApiController(ExperimentRepository experiments) {
        this.experiments = experiments;
    }

    @GetMapping("/api/experiments")
    @Operation(summary = "Every experiment with its variants, assigned counts, SRM flag and status, latest first")
    List<Experiment> list() {
        return experiments.findAll();
    }

    @GetMapping("/api/experiments.csv")
    @Operation(summary = "The experiments list as CSV (variants as name:assigned;...)")
    ResponseEntity<String> listCsv() {
        return Csv.download("experiments.csv", EXPERIMENT_COLUMNS, experiments.findAll());
    }

    @GetMapping("/api/experiments/{experimentId}")
    @Operation(summary = "One experiment, its shows, its sample-ratio check for the signed-in user (whether they "
            + "acknowledged a mismatch, and so whether results are visible) and its decision per treatment variant "
            + "(experiment_decision: ship, no_ship, inconclusive, guardrail, srm_blocked, with the reason, the "
            + "detectable effect, the power for a 10% lift and the customers it needs); 404 for an unknown id")
    ExperimentDetail experiment(@PathVariable String experimentId, Principal user) {
        Experiment e = require(experimentId);
        Instant acknowledged = experiments.findAcknowledgement(experimentId, user.getName()).orElse(null);
        Boolean primaryHasResults = e.primaryMetric() == null ? null
                : experiments.hasResults(experimentId, e.primaryMetric());
        return new ExperimentDetail(e, experiments.findShows(experimentId), SrmCheck.of(e, acknowledged),
                primaryHasResults, experiments.findDecisions(experimentId));
    }

    @GetMapping("/api/experiments/{experimentId}/results")
    @Operation(summary = "Per metric and treatment variant, the raw and CUPED lift against control with CIs, "
            + "p-values (raw, Holm, BH) and the always-valid CI. 409 srm_not_acknowledged while the experiment is "
            + "flagged for sample-ratio mismatch and the signed-in user has not acknowledged it")
    @ApiResponse(responseCode = "200", description = "The results")
    @ApiResponse(responseCode = "409", description = "Sample-ratio mismatch not acknowledged by this user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<ExperimentResult> results(@PathVariable String experimentId, Principal user) {
        requireResultsVisible(experimentId, user);
        return experiments.findResults(experimentId);
    }

    @GetMapping("/api/experiments/{experimentId}/results.csv")
    @Operation(summary = "The results as CSV, one line per metric, variant and analysis (raw, cuped); 409 as for JSON")
    ResponseEntity<String> resultsCsv(@PathVariable String experimentId, Principal user) {
        requireResultsVisible(experimentId, user);
        return Csv.download("experiment-" + experimentId + "-results.csv", RESULT_COLUMNS,
                experiments.findResults(experimentId));
    }

    @GetMapping("/api/experiments/{experimentId}/store-visits")
    @Operation(summary = "The store visits the experiment changed, over all of its shows: per treatment variant, "
            + "(visit rate of the variant − rate of the control) × the variant's customers with a 95% CI; incremental "
            + "store visits when the control is a holdout (holdout = true), else the difference between the variants. "
            + "409 srm_not_acknowledged as for the results")
    @ApiResponse(responseCode = "200", description = "The store visits per treatment variant")
    @ApiResponse(responseCode = "409", description = "Sample-ratio mismatch not acknowledged by this user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ExperimentVisits storeVisits(@PathVariable String experimentId, Principal user) {
        Experiment e = requireResultsVisible(experimentId, user);
        List<ExperimentRepository.IncrementalRow> rows = experiments.findIncrementalVisits(experimentId);
        return new ExperimentVisits(experimentId, e.name(), rows.isEmpty() ? null : rows.get(0).holdout(),
                e.srmFlagged(), true, rows.stream().map(ExperimentRepository.IncrementalRow::variant).toList());
    }

    @PostMapping("/api/experiments/{experimentId}/srm-acknowledgement")
    @Operation(summary = "The signed-in user acknowledges that the experiment's split does not match its design, "
            + "which unlocks its results for them. Idempotent (the first acknowledgement is kept). Needs the CSRF "
            + "token in header X-CSRF-TOKEN")
    SrmAcknowledgement acknowledge(@PathVariable String experimentId, Principal user) {
        require(experimentId);
        return experiments.acknowledge(experimentId, user.getName());
    }

    private Experiment require(String experimentId) {
        return experiments.findById(experimentId)
                .orElseThrow(() -> new NotFoundException("No experiment with id '" + experimentId + "'."));
    }

    /** The server-side gate: results of a flagged experiment only after this user's acknowledgement. */
    private Experiment requireResultsVisible(String experimentId, Principal user) {
        Experiment e = require(experimentId);
        if (e.srmFlagged() && experiments.findAcknowledgement(experimentId, user.getName()).isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, SRM_NOT_ACKNOWLEDGED,
                    "Sample-ratio mismatch not acknowledged",
                    "Experiment '" + experimentId + "' is flagged for sample-ratio mismatch (chi-square p = "
                            + e.srmPValue() + " < " + SrmCheck.THRESHOLD + "): its split does not match the design, "
                            + "so its results may be biased. Acknowledge it first with POST /api/experiments/"
                            + experimentId + "/srm-acknowledgement.");
        }
        return e;
    }
}
