package io.showmetrics.dashboard.goals;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Goals as JSON and CSV. Reading is open to every role; every write (POST, PUT, DELETE) is for the marketing role
 * only (403 for others, enforced in {@code SecurityConfig}) and needs the CSRF token in header X-CSRF-TOKEN.
 */
@RestController
@Tag(name = "Goals", description = "Targets per show and metric (goal), their status against show_kpi, and the "
        + "audit trail of every change (goal_audit). Writes: marketing role only, CSRF token required")
@ApiResponse(responseCode = "400", description = "Invalid goal: `errors` lists each problem",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class GoalApiController {
    static final List<Csv.Column<GoalView>> COLUMNS = List.of(
            column("goal_id", GoalView::goalId), column("show_id", GoalView::showId),
            column("show_title", GoalView::showTitle), column("show_starts_at", GoalView::showStartsAt),
            column("metric", GoalView::metric), column("target", GoalView::target),
            column("direction", GoalView::direction), column("actual", GoalView::actual),
            column("status", GoalView::status), column("attainment", GoalView::attainment),
            column("provisional", GoalView::provisional), column("final_at", GoalView::finalAt),
            column("source", GoalView::source), column("series_goal_id", GoalView::seriesGoalId),
            column("series", GoalView::series),
            column("updated_by", GoalView::updatedBy), column("updated_at", GoalView::updatedAt));

    private static final List<Csv.Column<SeriesGoalView>> SERIES_COLUMNS = List.of(
            column("series_goal_id", SeriesGoalView::seriesGoalId), column("kind", SeriesGoalView::kind),
            column("pattern", SeriesGoalView::pattern), column("metric", SeriesGoalView::metric),
            column("target", SeriesGoalView::target), column("direction", SeriesGoalView::direction),
            column("applies_from", SeriesGoalView::appliesFrom), column("shows", SeriesGoalView::shows),
            column("upcoming_shows", SeriesGoalView::upcomingShows), column("updated_by", SeriesGoalView::updatedBy),
            column("updated_at", SeriesGoalView::updatedAt));

    private static final List<Csv.Column<GoalMetricSummary>> SUMMARY_COLUMNS = List.of(
            column("metric", GoalMetricSummary::metric), column("label", GoalMetricSummary::label),
            column("goals", GoalMetricSummary::goals), column("met", GoalMetricSummary::met),
            column("missed", GoalMetricSummary::missed), column("pending", GoalMetricSummary::pending),
            column("hit_rate", GoalMetricSummary::hitRate), column("mean_attainment", GoalMetricSummary::meanAttainment));
    private static final List<Csv.Column<GoalAudit>> AUDIT_COLUMNS = List.of(
            column("audit_id", GoalAudit::auditId), column("goal_id", GoalAudit::goalId),
            column("show_id", GoalAudit::showId), column("metric", GoalAudit::metric), column("action", GoalAudit::action),
            column("old_target", GoalAudit::oldTarget), column("new_target", GoalAudit::newTarget),
            column("old_direction", GoalAudit::oldDirection), column("new_direction", GoalAudit::newDirection),
            column("changed_by", GoalAudit::changedBy), column("changed_at", GoalAudit::changedAt),
            column("series_goal_id", GoalAudit::seriesGoalId), column("series", GoalAudit::series));

    private final GoalService goals;

    GoalApiController(GoalService goals) {
        this.goals = goals;
    }

    @GetMapping("/api/goals")
    @Operation(summary = "The goals that apply to each show, its own (source show) or its series' (source series, with "
            + "the series in words), with their status now (pending, met, missed), attainment = actual / target, and "
            + "whether the status is provisional until the metric's window closes; latest show first")
    List<GoalView> list(@RequestParam(required = false) String showId) {
        return goals.list(showId);
    }

    @GetMapping("/api/goals.csv")
    @Operation(summary = "The goals with their status as CSV (show_id, metric, target, direction are re-importable)")
    ResponseEntity<String> csv(@RequestParam(required = false) String showId) {
        return Csv.download("goals.csv", COLUMNS, goals.list(showId));
    }

    @GetMapping("/api/goals/summary")
    @Operation(summary = "Per metric: goals, met, missed, pending, hit rate = met / (met + missed), mean attainment")
    List<GoalMetricSummary> summary() {
        return goals.summary();
    }

    @GetMapping("/api/goals/summary.csv")
    @Operation(summary = "The per-metric summary as CSV")
    ResponseEntity<String> summaryCsv() {
        return Csv.download("goal-summary.csv", SUMMARY_COLUMNS, goals.summary());
    }

    @GetMapping("/api/goals/audit.csv")
    @Operation(summary = "The goal change history as CSV")
    ResponseEntity<String> auditCsv(@RequestParam(required = false) String showId) {
        return Csv.download("goal-audit.csv", AUDIT_COLUMNS, goals.audit(showId));
    }

    @GetMapping("/api/goals/audit")
    @Operation(summary = "The latest 200 goal changes (create, update, delete) with who, when and previous values")
    List<GoalAudit> audit(@RequestParam(required = false) String showId) {
        return goals.audit(showId);
    }

    @GetMapping("/api/goals/check")
    @Operation(summary = "Checks a target before it is saved (nothing is written): how it reads in the metric's unit "
            + "(target, targetText, or error), and the benchmark: for showId the show's show_benchmark median, else the "
            + "median of the 10 latest shows with a value that started before it; for a series (kind, pattern) the "
            + "median of its 10 latest shows. warning when the target is more than 2× or less than 0.5× of it")
    GoalCheck check(@RequestParam(required = false) String showId, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String pattern, @RequestParam(required = false) String metric,
                    @RequestParam(required = false) String target) {
        return goals.check(showId, kind, pattern, metric, target);
    }

    @GetMapping("/api/goals/series")
    @Operation(summary = "Every series goal (a title prefix or a host) with the shows it applies to now: those of the "
            + "series that start at or after it was set and have no goal of their own on the metric")
    List<SeriesGoalView> series() {
        return goals.listSeries();
    }

    @GetMapping("/api/goals/series.csv")
    @Operation(summary = "The series goals as CSV")
    ResponseEntity<String> seriesCsv() {
        return Csv.download("series-goals.csv", SERIES_COLUMNS, goals.listSeries());
    }

    @GetMapping("/api/goals/series/{seriesGoalId}")
    @Operation(summary = "One series goal; 404 for an unknown id")
    SeriesGoalView oneSeries(@PathVariable long seriesGoalId) {
        return goals.getSeries(seriesGoalId);
    }

    @PostMapping("/api/goals/series")
    @Operation(summary = "Sets a goal for a series (marketing only): kind title_prefix or host, pattern, metric, target "
            + "(typed as on the form), direction. It applies to the series' shows that start from now on and have no "
            + "goal of their own on the metric. 400 invalid_goal, 409 duplicate_goal when the series has a goal on it")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<SeriesGoalView> createSeries(@RequestBody SeriesGoalRequest request, Principal user) {
        SeriesGoalView created = goals.createSeries(request.draft(), user.getName());
        return ResponseEntity.created(URI.create("/api/goals/series/" + created.seriesGoalId())).body(created);
    }

    @PutMapping("/api/goals/series/{seriesGoalId}")
    @Operation(summary = "Changes a series goal (marketing only); it keeps applying from when it was first set")
    SeriesGoalView updateSeries(@PathVariable long seriesGoalId, @RequestBody SeriesGoalRequest request, Principal user) {
        return goals.updateSeries(seriesGoalId, request.draft(), user.getName());
    }

    @DeleteMapping("/api/goals/series/{seriesGoalId}")
    @Operation(summary = "Deletes a series goal (marketing only): it no longer applies to any show")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteSeries(@PathVariable long seriesGoalId, Principal user) {
        goals.deleteSeries(seriesGoalId, user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/goals/{goalId}")
    @Operation(summary = "One goal with its status; 404 for an unknown id")
    GoalView get(@PathVariable long goalId) {
        return goals.get(goalId);
    }

    @PostMapping("/api/goals")
    @Operation(summary = "Creates a goal (marketing only). 400 invalid_goal when the show or metric is unknown, the "
            + "metric cannot carry a goal, the target cannot be read (GoalTarget: 1,500, 5 %, €600, 12:30 are fine) or the direction is not at_least/at_most; "
            + "409 duplicate_goal when the show already has a goal on the metric")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A goal on this show and metric exists",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<GoalView> create(@RequestBody GoalRequest request, Principal user) {
        GoalView created = goals.create(request.draft(), user.getName());
        return ResponseEntity.created(URI.create("/api/goals/" + created.goalId())).body(created);
    }

    @PutMapping("/api/goals/{goalId}")
    @Operation(summary = "Changes a goal (marketing only); the audit keeps the previous target and direction")
    GoalView update(@PathVariable long goalId, @RequestBody GoalRequest request, Principal user) {
        return goals.update(goalId, request.draft(), user.getName());
    }

    @DeleteMapping("/api/goals/{goalId}")
    @Operation(summary = "Deletes a goal (marketing only); the audit keeps its last values")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long goalId, Principal user) {
        goals.delete(goalId, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/goals/copy")
    @Operation(summary = "Copies every goal of one show to another (marketing only); fromShowId defaults to the show "
            + "that started last before toShowId. 409 with nothing copied when the target has a goal on one of the metrics")
    GoalService.WriteResult copy(@RequestBody CopyRequest request, Principal user) {
        return goals.copy(request.fromShowId(), request.toShowId(), user.getName());
    }

    @PostMapping(path = "/api/goals/import", consumes = "text/csv")
    @Operation(summary = "Imports goals from CSV show_id,metric,target,direction (marketing only). Each line sets its "
            + "(show, metric) goal. All or nothing: when any line is bad, 400 lists the errors with their line (the "
            + "first 100, then how many more) and nothing is imported. At most 1 MiB (413 beyond) and 10,000 lines")
    @ApiResponse(responseCode = "413", description = "The file is larger than 1 MiB; nothing was read or imported",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    GoalService.WriteResult importCsv(HttpServletRequest request, Principal user) throws IOException {
        return goals.importCsv(text(request.getInputStream(), request.getContentLengthLong()), user.getName());
    }

    @PostMapping(path = "/api/goals/import", consumes = "multipart/form-data")
    @Operation(summary = "The same import, from a multipart upload in field 'file'")
    GoalService.WriteResult importFile(@RequestParam("file") MultipartFile file, Principal user) {
        return goals.importCsv(text(file), user.getName());
    }

    /**
     * The uploaded file as UTF-8 text.
     *
     * @throws GoalValidationException 413 when it is larger than {@link GoalCsv#MAX_BYTES}
     */
    static String text(MultipartFile file) {
        if (file.getSize() > GoalCsv.MAX_BYTES) {
            throw GoalValidationException.tooLarge(file.getSize());
        }
        try (InputStream in = file.getInputStream()) {
            return text(in, file.getSize());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + file.getOriginalFilename(), e);
        }
    }

    /**
     * At most {@link GoalCsv#MAX_BYTES} of {@code body} as UTF-8 text: a larger declared length is refused before
     * anything is read, and a body without a length is read only up to one byte past the limit.
     *
     * @param declaredLength the Content-Length, or -1 when the client did not send one
     * @throws GoalValidationException 413 when the body is larger than the limit
     */
    static String text(InputStream body, long declaredLength) throws IOException {
        if (declaredLength > GoalCsv.MAX_BYTES) {
            throw GoalValidationException.tooLarge(declaredLength);
        }
        byte[] bytes = body.readNBytes(GoalCsv.MAX_BYTES + 1);
        if (bytes.length > GoalCsv.MAX_BYTES) {
            throw GoalValidationException.tooLarge(declaredLength > 0 ? declaredLength : bytes.length);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
