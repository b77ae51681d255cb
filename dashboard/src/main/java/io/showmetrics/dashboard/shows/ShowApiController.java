package io.showmetrics.dashboard.shows;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.experiments.ExperimentVisitsService;
import io.showmetrics.dashboard.goals.GoalAttainments;
import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows, their KPIs, minutes and moments as JSON and CSV. */
@RestController
@Tag(name = "Shows", description = "Shows with their KPIs (show, show_kpi), per-minute series (show_minute) and moments (show_moment)")
class ShowApiController {
    private static final List<Csv.Column<ShowRow>> SHOW_COLUMNS = List.of(
            column("show_id", ShowRow::showId), column("title", ShowRow::title), column("host", ShowRow::host),
            column("starts_at", ShowRow::startsAt), column("ends_at", ShowRow::endsAt),
            column("duration_seconds", ShowRow::durationSeconds), column("unique_viewers", ShowRow::uniqueViewers),
            column("peak_concurrent_viewers", ShowRow::peakConcurrentViewers),
            column("avg_watch_seconds", ShowRow::avgWatchSeconds), column("engagement_rate", ShowRow::engagementRate),
            column("chat_messages", ShowRow::chatMessages), column("replay_viewers", ShowRow::replayViewers),
            column("live_orders", ShowRow::liveOrders), column("live_gmv", ShowRow::liveGmv),
            column("conversion_rate_24h", ShowRow::conversionRate24h),
            column("goal_attainment", ShowRow::goalAttainment), column("experiment_id", ShowRow::experimentId),
            column("status", ShowRow::status), column("final_at", ShowRow::finalAt));
    private static final List<Csv.Column<ShowMinute>> MINUTE_COLUMNS = List.of(
            column("minute_index", ShowMinute::minuteIndex), column("minute_start", ShowMinute::minuteStart),
            column("viewers", ShowMinute::viewers), column("new_viewers", ShowMinute::newViewers),
            column("chat_events", ShowMinute::chatEvents),
            column("product_clicks", ShowMinute::productClicks), column("add_to_carts", ShowMinute::addToCarts),
            column("orders", ShowMinute::orders), column("gmv", ShowMinute::gmv),
            column("viewers_joined", ShowMinute::viewersJoined), column("viewers_lost", ShowMinute::viewersLost));
    private static final List<Csv.Column<ShowSku>> PRODUCT_COLUMNS = List.of(
            column("sku", ShowSku::sku), column("clickers", ShowSku::clickers), column("carters", ShowSku::carters),
            column("live_orders", ShowSku::liveOrders), column("live_units", ShowSku::liveUnits),
            column("live_gmv", ShowSku::liveGmv), column("pinned_minutes", ShowSku::pinnedMinutes),
            column("stockout_minutes", ShowSku::stockoutMinutes));
    /** The audiences of SPEC section 6, in the page's order. */
    static final List<String> AUDIENCES = List.of("carted_not_bought", "engaged_not_bought");
    private static final List<Csv.Column<ShowMoment>> MOMENT_COLUMNS = List.of(
            column("ts", ShowMoment::ts), column("offset_seconds", ShowMoment::offsetSeconds),
            column("type", ShowMoment::type), column("sku", ShowMoment::sku), column("label", ShowMoment::label),
            column("viewers_present", ShowMoment::viewersPresent), column("clicks_before", ShowMoment::clicksBefore),
            column("clicks_after", ShowMoment::clicksAfter), column("clicks_delta", ShowMoment::clicksDelta),
            column("orders_before", ShowMoment::ordersBefore), column("orders_after", ShowMoment::ordersAfter),
            column("orders_delta", ShowMoment::ordersDelta));

    private static final List<Csv.Column<StoreVisits.StoreModel>> STORE_COLUMNS = List.of(
            column("store_id", StoreVisits.StoreModel::storeId), column("model", StoreVisits.StoreModel::model),
            column("visits", StoreVisits.StoreModel::visits));

    private final ShowRepository shows;
    private final ExperimentVisitsService experimentVisits;
    private final GoalAttainments goalAttainments;

    ShowApiController(ShowRepository shows, ExperimentVisitsService experimentVisits, GoalAttainments goalAttainments) {
        this.shows = shows;
        this.experimentVisits = experimentVisits;
        this.goalAttainments = goalAttainments;
    }

    @GetMapping("/api/shows")
    @Operation(summary = "The shows with their headline KPIs (live orders, live GMV, 24 h conversion, mean goal "
            + "attainment among them), latest start first. Filters (all optional, combined with AND): from, to (UTC "
            + "dates YYYY-MM-DD, both included, on the show's start), host (exact), q (part of the title, any case), "
            + "experiment (experiment id). 400 invalid_filter for a bad date or from after to")
    List<ShowRow> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String host, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String experiment) {
        return rows(ShowFilter.of(from, to, host, q, experiment));
    }

    @GetMapping("/api/shows.csv")
    @Operation(summary = "The shows list as CSV (NULL = empty cell), with the same filters as /api/shows")
    ResponseEntity<String> listCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String host, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String experiment) {
        return Csv.download("shows.csv", SHOW_COLUMNS, rows(ShowFilter.of(from, to, host, q, experiment)));
    }

    private List<ShowRow> rows(ShowFilter filter) {
        List<ShowRow> rows = shows.findAll(filter);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Double> attainment = goalAttainments.meanByShow();
        return rows.stream().map(r -> r.withGoalAttainment(attainment.get(r.showId()))).toList();
    }

    @GetMapping("/api/shows/{showId}")
    @Operation(summary = "One show with every KPI; kpi.status is live while ./showmetrics live follows the show (the "
            + "numbers so far up to kpi.dataThrough; KPIs that only the batch run computes are null), else provisional "
            + "or final; 404 for an unknown show")
    ShowDetail show(@PathVariable String showId) {
        return shows.findById(showId).orElseThrow(() -> notFound(showId));
    }

    @GetMapping("/api/shows/{showId}/funnel")
    @Operation(summary = "The show's funnel in SPEC's order viewers → engaged → clicked → carted → bought (within 24 h, "
            + "any channel; identified viewers only), each stage with the show_kpi metric it counts; 404 for an unknown show")
    List<FunnelStage> funnel(@PathVariable String showId) {
        return FunnelStage.of(shows.findById(showId).orElseThrow(() -> notFound(showId)).kpi());
    }

    @GetMapping("/api/shows/{showId}/minutes")
    @Operation(summary = "The show's per-minute viewers, chat events, clicks, carts, orders and GMV; while the show is "
            + "live (show status live), stillCounting marks the minutes its data through has not passed yet")
    List<ShowMinute> minutes(@PathVariable String showId) {
        requireShow(showId);
        return shows.findMinutes(showId);
    }

    @GetMapping("/api/shows/{showId}/minutes.csv")
    @Operation(summary = "The show's minutes as CSV")
    ResponseEntity<String> minutesCsv(@PathVariable String showId) {
        requireShow(showId);
        return Csv.download("show-" + showId + "-minutes.csv", MINUTE_COLUMNS, shows.findMinutes(showId));
    }

    @GetMapping("/api/shows/{showId}/moments")
    @Operation(summary = "The show's moments (pins, promos, giveaways, quizzes, guests) in time order, with "
            + "product clicks and live orders of the moment's sku in the 5 minutes before vs after")
    List<ShowMoment> moments(@PathVariable String showId) {
        requireShow(showId);
        return shows.findMoments(showId);
    }

    @GetMapping("/api/shows/{showId}/moments.csv")
    @Operation(summary = "The show's moments as CSV, with the before → after deltas")
    ResponseEntity<String> momentsCsv(@PathVariable String showId) {
        requireShow(showId);
        return Csv.download("show-" + showId + "-moments.csv", MOMENT_COLUMNS, shows.findMoments(showId));
    }

    @GetMapping("/api/shows/{showId}/store-visits")
    @Operation(summary = "The show's influenced store visits: totals per attribution model (last_touch, first_touch, "
            + "linear, time_decay, markov; null when the model credited nothing), visits per store and model, "
            + "influenced visitors, the saw_show survey share, and the store visits of the experiment covering the "
            + "show (over all of its shows: the experiment's number, not the show's; incremental when its control is "
            + "a holdout; numbers withheld while its sample-ratio mismatch is not acknowledged by the signed-in user)")
    StoreVisits storeVisits(@PathVariable String showId, Principal user) {
        ShowDetail detail = shows.findById(showId).orElseThrow(() -> notFound(showId));
        return shows.findStoreVisits(showId).withExperiment(
                experimentVisits.find(detail.show().experimentId(), user.getName()).orElse(null));
    }

    @GetMapping("/api/shows/{showId}/store-visits.csv")
    @Operation(summary = "The show's store visits per store and attribution model as CSV")
    ResponseEntity<String> storeVisitsCsv(@PathVariable String showId) {
        requireShow(showId);
        List<StoreVisits.StoreModel> rows = shows.findStoreVisits(showId).stores().stream()
                .flatMap(s -> s.visits().entrySet().stream()
                        .map(e -> new StoreVisits.StoreModel(s.storeId(), e.getKey(), e.getValue())))
                .toList();
        return Csv.download("show-" + showId + "-store-visits.csv", STORE_COLUMNS, rows);
    }

    @GetMapping("/api/shows/{showId}/diagnosis")
    @Operation(summary = "What held the show back: every show-level metric against the median of the last 10 earlier "
            + "shows with its percentile (show_benchmark), the three with the lowest percentile with their rank in "
            + "words (only metrics whose window has closed; the others are listed as not judged yet, with the instant "
            + "their window closes), and the three minutes that lost the most viewers (show_minute.viewers_lost), each "
            + "with the moment closest before it; onAir (status live): nothing ranked yet, judged after the show, and the "
            + "benchmark rows carry only the earlier shows' median (no value or percentile of their own yet); "
            + "404 for an unknown show")
    ShowDiagnosis diagnosis(@PathVariable String showId) {
        ShowDetail detail = shows.findById(showId).orElseThrow(() -> notFound(showId));
        return ShowDiagnosis.of(shows.findBenchmarks(showId), shows.findMinutes(showId), shows.findMoments(showId),
                detail.finality(), detail.onAir());
    }

    @GetMapping("/api/shows/{showId}/products")
    @Operation(summary = "The show's products (show_sku): clickers, carters, live orders, units and GMV, minutes "
            + "pinned and minutes out of stock, best-selling first")
    List<ShowSku> products(@PathVariable String showId) {
        requireShow(showId);
        return shows.findProducts(showId);
    }

    @GetMapping("/api/shows/{showId}/products.csv")
    @Operation(summary = "The show's products as CSV")
    ResponseEntity<String> productsCsv(@PathVariable String showId) {
        requireShow(showId);
        return Csv.download("show-" + showId + "-products.csv", PRODUCT_COLUMNS, shows.findProducts(showId));
    }

    @GetMapping("/api/shows/{showId}/audiences")
    @Operation(summary = "Marketing role only (403 otherwise): the show's identified customers who carted, or engaged, "
            + "in the live window and bought nothing in any channel until 24 h after the show (show_audience), "
            + "for the next show's promotion")
    Map<String, List<String>> audiences(@PathVariable String showId) {
        requireShow(showId);
        Map<String, List<String>> out = new LinkedHashMap<>();
        AUDIENCES.forEach(a -> out.put(a, shows.findAudience(showId, a)));
        return out;
    }

    @GetMapping("/api/shows/{showId}/audiences/{audience}.csv")
    @Operation(summary = "Marketing role only (403 otherwise): one audience of the show as CSV (customer_id); 404 for "
            + "an unknown show or audience")
    ResponseEntity<String> audienceCsv(@PathVariable String showId, @PathVariable String audience) {
        requireShow(showId);
        if (!AUDIENCES.contains(audience)) {
            throw new NotFoundException("No audience '" + audience + "': use one of " + String.join(", ", AUDIENCES) + ".");
        }
        return Csv.download("show-" + showId + "-" + audience + ".csv",
                List.of(column("customer_id", (String c) -> c)), shows.findAudience(showId, audience));
    }

    private void requireShow(String showId) {
        if (!shows.exists(showId)) {
            throw notFound(showId);
        }
    }

    private static NotFoundException notFound(String showId) {
        return new NotFoundException("No show with id '" + showId + "'.");
    }
}
