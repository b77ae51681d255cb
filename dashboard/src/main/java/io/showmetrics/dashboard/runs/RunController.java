package io.showmetrics.dashboard.runs;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The Runs list and run detail pages; their data comes from {@link RunApiController}. */
@Controller
class RunController {
    private final RunRepository runs;

    RunController(RunRepository runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    String list() {
        return "runs/list";
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable String runId, Model model) {
        runs.findById(runId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No pipeline run " + runId));
        model.addAttribute("runId", runId);
        return "runs/detail";
    }
}
