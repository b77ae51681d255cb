package io.showmetrics.dashboard.retention;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly retention cohorts of viewers and buyers, by segment, as JSON and CSV. */
@RestController
@Tag(name = "Retention", description = "Weekly cohorts of viewers and buyers (retention_cohort), by segment")
class RetentionApiController {
    private static final Set<String> KINDS = Set.of("viewer", "buyer");
    private static final List<Csv.Column<RetentionCell>> COLUMNS = List.of(
            column("cohort_week", RetentionCell::cohortWeek), column("week_offset", RetentionCell::weekOffset),
            column("cohort_size", RetentionCell::cohortSize), column("retained", RetentionCell::retained),
            column("rate", RetentionCell::rate), column("partial", RetentionCell::partial));

    private final RetentionRepository retention;

    RetentionApiController(RetentionRepository retention) {
        this.retention = retention;
    }

    /**
     * The cohort table of one kind and segment, with the segments that exist for the kind.
     *
     * @param dataThrough the data through of the published results ({@code null} before any)
     * @param runningWeek the cohort week still running at the data through (partial: its cohort and every cell
     *     measuring it can still grow); {@code null} without a data through
     * @param firstCohortWeek the first week of the data: its cohort includes customers who existed before the data
     *     starts (their first activity in the data is not their first ever)
     */
    record Cohorts(String kind, String segment, List<String> segments, List<RetentionCell> cells, Instant dataThrough,
                   LocalDate runningWeek, LocalDate firstCohortWeek) {
    }

    @GetMapping("/api/retention")
    @Operation(summary = "Retention cells (cohort week × week offset) of viewers or buyers in one segment, and the "
            + "segments present ('all', 'generation:…', 'region:…', 'first_channel:…'). Cells after a cohort's last "
            + "observed week are absent; cells of the week still running at the data through are partial; the first "
            + "cohort week holds customers who existed before the data starts. 400 for an unknown kind")
    Cohorts cohorts(@Parameter(description = "viewer or buyer") @RequestParam(defaultValue = "viewer") String kind,
                    @RequestParam(defaultValue = "all") String segment) {
        requireKind(kind);
        Instant dataThrough = retention.findDataThrough();
        LocalDate running = RetentionCell.runningWeek(dataThrough);
        return new Cohorts(kind, segment, retention.findSegments(kind), retention.findCells(kind, segment, running),
                dataThrough, running, retention.findFirstCohortWeek(kind));
    }

    @GetMapping("/api/retention.csv")
    @Operation(summary = "The same cells as CSV")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "viewer") String kind,
                               @RequestParam(defaultValue = "all") String segment) {
        requireKind(kind);
        String name = "retention-" + kind + "-" + segment.replaceAll("[^A-Za-z0-9]+", "-") + ".csv";
        return Csv.download(name, COLUMNS, retention.findCells(kind, segment,
                RetentionCell.runningWeek(retention.findDataThrough())));
    }

    private static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown_kind", "Unknown cohort kind",
                    "Cohort kind '" + kind + "' is not known: use kind=viewer or kind=buyer.");
        }
    }
}
