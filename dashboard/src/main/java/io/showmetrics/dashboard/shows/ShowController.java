package io.showmetrics.dashboard.shows;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The Shows and Show pages; their numbers come from {@link ShowApiController} in the browser. */
@Controller
class ShowController {
    private final ShowRepository shows;

    ShowController(ShowRepository shows) {
        this.shows = shows;
    }

    @GetMapping("/shows")
    String list() {
        return "shows/list";
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
