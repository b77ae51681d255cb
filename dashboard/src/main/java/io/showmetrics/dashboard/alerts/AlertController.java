package io.showmetrics.dashboard.alerts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Alerts page; its data comes from {@link AlertApiController} in the browser. */
@Controller
class AlertController {
    private final AlertRepository alerts;

    AlertController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * The Alerts page with its filter form (a GET to this page, so the filters live in the address); the page's
     * script passes the same query to {@code /api/alerts}, which validates it.
     */
    @GetMapping("/alerts")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String showId,
                Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("showId", showId);
        model.addAttribute("kinds", AlertKind.ALL.stream().map(k -> new KindOption(k, AlertKind.label(k))).toList());
        model.addAttribute("shows", alerts.showsWithAlerts());
        return "alerts/list";
    }

    /** A kind for the filter's picker. */
    record KindOption(String kind, String label) {
    }
}
