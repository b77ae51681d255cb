package io.showmetrics.dashboard.alerts;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live mode's alerts and its running state as JSON and CSV (SPEC section 6, "Live mode"); every role reads them. */
@RestController
@Tag(name = "Alerts and live mode", description = "Alerts raised while shows are on air (alert) and whether "
        + "./showmetrics live is running (live_run)")
class AlertApiController {
    private static final List<Csv.Column<Alert>> COLUMNS = List.of(
            column("alert_id", Alert::alertId), column("show_id", Alert::showId), column("show_title", Alert::showTitle),
            column("at", Alert::at), column("kind", Alert::kind), column("metric", Alert::metric),
            column("headline", Alert::headline), column("message", Alert::message), column("actual", Alert::actual),
            column("expected", Alert::expected), column("created_at", Alert::createdAt),
            column("webhook_status", Alert::webhookStatus), column("webhook_attempts", Alert::webhookAttempts),
            column("webhook_delivered_at", Alert::webhookDeliveredAt), column("webhook_error", Alert::webhookError));

    private final AlertRepository alerts;

    AlertApiController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Alerts, newest first (by the instant on the show's timeline). Filters (optional, combined "
            + "with AND): showId (exact), kind (goal_behind_pace or viewers_falling), limit (1 to 10000, default 200). "
            + "400 invalid_filter for an unknown kind or a bad limit")
    List<Alert> list(@RequestParam(required = false) String showId, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String limit) {
        return alerts.find(AlertFilter.of(showId, kind, limit, AlertFilter.DEFAULT_LIMIT));
    }

    @GetMapping("/api/alerts.csv")
    @Operation(summary = "The alerts as CSV (NULL = empty cell), with the same filters as /api/alerts; without a "
            + "limit, up to 10000 alerts")
    ResponseEntity<String> csv(@RequestParam(required = false) String showId, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String limit) {
        return Csv.download("alerts.csv", COLUMNS, alerts.find(AlertFilter.of(showId, kind, limit, AlertFilter.MAX_LIMIT)));
    }

    @GetMapping("/api/shows/{showId}/alerts")
    @Operation(summary = "One show's alerts, newest first; 404 when neither the show nor any alert has that id "
            + "(alerts outlive a show that a publish removed)")
    List<Alert> forShow(@PathVariable String showId) {
        if (!alerts.showExists(showId) && !alerts.anyForShow(showId)) {
            throw new NotFoundException("No show with id '" + showId + "'.");
        }
        return alerts.find(AlertFilter.of(showId, null, null, AlertFilter.MAX_LIMIT));
    }

    @GetMapping("/api/live/status")
    @Operation(summary = "Whether ./showmetrics live is running (state running, stopped or never): running when the "
            + "latest heartbeat in live_run has no stopped_at and its last poll is within 3 polling intervals + 10 s "
            + "of the server's clock; with its last poll, files loaded, shows on air and a one-line summary")
    LiveStatus status() {
        return alerts.liveStatus();
    }
}
