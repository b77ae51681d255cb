package io.showmetrics.dashboard.hosts;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hosts ranked over their shows, as JSON and CSV. */
@RestController
@Tag(name = "Hosts", description = "Hosts over every computed show they hosted (show, show_kpi, goal, experiment_decision)")
class HostApiController {
    private static final List<Csv.Column<HostRow>> COLUMNS = List.of(
            column("host", HostRow::host), column("shows", HostRow::shows),
            column("median_viewers", HostRow::medianViewers), column("conversion_rate_24h", HostRow::conversionRate),
            column("live_gmv", HostRow::liveGmv), column("live_hours", HostRow::liveHours),
            column("gmv_per_live_hour", HostRow::gmvPerLiveHour), column("goals_met", HostRow::goalsMet),
            column("goals_missed", HostRow::goalsMissed), column("goals_pending", HostRow::goalsPending),
            column("goal_hit_rate", HostRow::goalHitRate),
            column("experiments", (HostRow r) -> r.experiments().stream()
                    .map(e -> e.experimentId() + (e.variant() == null ? "" : " " + e.variant() + ": " + e.decision()))
                    .collect(Collectors.joining("; "))));

    private final HostRepository hosts;

    HostApiController(HostRepository hosts) {
        this.hosts = hosts;
    }

    @GetMapping("/api/hosts")
    @Operation(summary = "Every host with a computed show, best live GMV per live hour first: shows, median unique "
            + "viewers, pooled 24 h conversion (buyers / identified viewers over their shows), live GMV per scheduled "
            + "show hour, goals met / missed / pending and the hit rate (met / settled), and the experiments covering "
            + "their shows with each decision")
    List<HostRow> list() {
        return hosts.findAll();
    }

    @GetMapping("/api/hosts.csv")
    @Operation(summary = "The hosts as CSV")
    ResponseEntity<String> csv() {
        return Csv.download("hosts.csv", COLUMNS, hosts.findAll());
    }
}
