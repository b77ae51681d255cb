package io.showmetrics.dashboard.omnichannel;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.showmetrics.dashboard.system.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Revenue by channel, multichannel share and show-influenced revenue and visits, as JSON and CSV. */
@RestController
@Tag(name = "Omnichannel", description = "Revenue, orders and customers per month and channel (channel_month), "
        + "multichannel share and influenced store visits (omnichannel_period), show-influenced revenue (influenced_revenue)")
class OmnichannelApiController {
    private static final List<Csv.Column<ChannelMonth>> MONTH_COLUMNS = List.of(
            column("month", ChannelMonth::month), column("channel", ChannelMonth::channel),
            column("revenue", ChannelMonth::revenue), column("orders", ChannelMonth::orders),
            column("customers", ChannelMonth::customers), column("revenue_change", ChannelMonth::revenueChange),
            column("partial", ChannelMonth::partial), column("prev_span_revenue", ChannelMonth::prevSpanRevenue));
    private static final List<Csv.Column<OmnichannelPeriod>> PERIOD_COLUMNS = List.of(
            column("period", OmnichannelPeriod::period), column("period_start", OmnichannelPeriod::periodStart),
            column("customers", OmnichannelPeriod::customers),
            column("multichannel_customers", OmnichannelPeriod::multichannelCustomers),
            column("multichannel_share", OmnichannelPeriod::multichannelShare),
            column("influenced_visits", OmnichannelPeriod::influencedVisits),
            column("store_visits", OmnichannelPeriod::storeVisits),
            column("influenced_visits_change", OmnichannelPeriod::influencedVisitsChange),
            column("partial", OmnichannelPeriod::partial));

    private final OmnichannelRepository omnichannel;

    OmnichannelApiController(OmnichannelRepository omnichannel) {
        this.omnichannel = omnichannel;
    }

    @GetMapping("/api/omnichannel")
    @Operation(summary = "Per month and channel: net revenue, orders, customers and month-over-month revenue change; "
            + "per month and quarter: multichannel share and influenced store visits; per month and channel: "
            + "show-influenced web/app/store revenue with its month-over-month change; the latest month's totals "
            + "(a partial month, month to date, compared with the same span of the previous month) and the data through")
    Omnichannel all() {
        List<ChannelMonth> channels = omnichannel.findChannelMonths();
        List<ChannelMonth> influenced = omnichannel.findInfluencedRevenue();
        Instant dataThrough = omnichannel.findDataThrough();
        return new Omnichannel(channels, omnichannel.findPeriods(), influenced,
                MonthHeadline.of(channels, dataThrough), MonthHeadline.of(influenced, dataThrough), dataThrough);
    }

    @GetMapping("/api/omnichannel/shows-drove")
    @Operation(summary = "What the shows drove over a period of whole UTC months (from, to as YYYY-MM; default the "
            + "latest month with shows): live GMV of the shows that ended in it + the web, app and store revenue they "
            + "influenced within 24 h, with the store visits credited to them (linear model), against the months just "
            + "before it (the month to date against the same span of the previous month); 204 without shows, 400 for "
            + "a period that starts after it ends")
    ResponseEntity<ShowsDrove> showsDrove(@RequestParam(required = false) YearMonth from,
                                          @RequestParam(required = false) YearMonth to) {
        ShowsDrove drove;
        try {
            drove = ShowsDrove.of(omnichannel.findShowMonths(), from, to);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_period", "Invalid period", e.getMessage());
        }
        return drove == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(drove);
    }

    @GetMapping("/api/omnichannel/channels.csv")
    @Operation(summary = "Revenue, orders and customers per month and channel as CSV")
    ResponseEntity<String> channelsCsv() {
        return Csv.download("omnichannel-channels.csv", MONTH_COLUMNS, omnichannel.findChannelMonths());
    }

    @GetMapping("/api/omnichannel/periods.csv")
    @Operation(summary = "Multichannel share and influenced store visits per month and quarter as CSV")
    ResponseEntity<String> periodsCsv() {
        return Csv.download("omnichannel-periods.csv", PERIOD_COLUMNS, omnichannel.findPeriods());
    }

    @GetMapping("/api/omnichannel/influenced.csv")
    @Operation(summary = "Show-influenced revenue per month and channel as CSV")
    ResponseEntity<String> influencedCsv() {
        return Csv.download("omnichannel-influenced-revenue.csv", MONTH_COLUMNS, omnichannel.findInfluencedRevenue());
    }
}
