package io.showmetrics.dashboard.experiments;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The Experiments, Experiment and Planner pages; their numbers come from {@link ExperimentApiController} in the browser. */
@Controller
class ExperimentController {
    private final ExperimentRepository experiments;

    ExperimentController(ExperimentRepository experiments) {
        this.experiments = experiments;
    }

    @GetMapping("/experiments")
    String list() {
        return "experiments/list";
    }

    @GetMapping("/experiments/planner")
    String planner() {
        return "experiments/planner";
    }

    @GetMapping("/experiments/{experimentId}")
    String experiment(@PathVariable String experimentId, Model model) {
        Experiment e = experiments.findById(experimentId).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No experiment with id " + experimentId));
        model.addAttribute("experimentId", experimentId);
        model.addAttribute("experimentName", e.name());
        return "experiments/detail";
    }
}
