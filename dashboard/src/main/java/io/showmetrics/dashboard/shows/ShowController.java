package io.showmetrics.dashboard.shows;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The Shows and Show pages; their numbers come from {@link ShowApiController} in the browser. */
@Controller
class ShowController {
    private final ShowRepository shows;

    ShowController(ShowRepository shows) {
        this.shows = shows;
    }

    /**
     * The Shows page with its filter form. The form is a GET to this page, so the filters live in the query string
     * (shareable, reloadable); the page's script passes the same query to {@code /api/shows}, which validates it.
     */
    @GetMapping("/shows")
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String host, @RequestParam(required = false) String q,
                @RequestParam(required = false) String experiment, Model model) {
        FilterForm filter = new FilterForm(from, to, host, q, experiment);
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", filter.any());
        model.addAttribute("filterOptions", shows.findFilterOptions());
        return "shows/list";
    }

    /** The filter values as typed, echoed into the form (a bad one is reported by the API call). */
    record FilterForm(String from, String to, String host, String q, String experiment) {
        boolean any() {
            return java.util.stream.Stream.of(from, to, host, q, experiment).anyMatch(v -> v != null && !v.isBlank());
        }
    }

    @GetMapping("/shows/{showId}")
    String show(@PathVariable String showId, Model model) {
        ShowDetail detail = shows.findById(showId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No show with id " + showId));
        model.addAttribute("showId", showId);
        model.addAttribute("showTitle", detail.show().title());
        return "shows/detail";
    }
}
