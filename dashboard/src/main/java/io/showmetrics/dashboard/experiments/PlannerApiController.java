package io.showmetrics.dashboard.experiments;

import io.showmetrics.core.experiments.ExperimentPlanner;
import io.showmetrics.dashboard.system.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The planner of the next experiment (SPEC section 6): customers per arm for a conversion experiment by the
 * unpooled two-proportion formula ({@link ExperimentPlanner}), and the shows that takes at the brand's usual
 * audience (the median identified viewers of the 10 latest shows).
 */
@RestController
@Tag(name = "Experiments")
class PlannerApiController {
    /** Shows whose identified viewers make the usual audience. */
    static final int RECENT_SHOWS = 10;

    private final ExperimentRepository experiments;

    PlannerApiController(ExperimentRepository experiments) {
        this.experiments = experiments;
    }

    /**
     * @param audiencePerShow the median identified viewers of the latest shows (null without a show with viewers)
     * @param audienceShows how many shows that median is over
     */
    record PlanView(double baseline, double lift, double split, double alpha, double power, long controlCustomers,
                    long treatmentCustomers, long totalCustomers, Double audiencePerShow, int audienceShows, Long shows) {
    }

    @GetMapping("/api/experiments/planner")
    @Operation(summary = "Customers per arm a conversion experiment needs (unpooled two-proportion formula) and the "
            + "shows that takes at the median identified viewers of the 10 latest shows; 400 naming the input out of range")
    PlanView plan(
            @Parameter(description = "control conversion rate, in (0, 1), e.g. 0.05") @RequestParam double baseline,
            @Parameter(description = "relative lift to detect, e.g. 0.10 for +10%") @RequestParam double lift,
            @Parameter(description = "share of customers in the treatment arm, in (0, 1)") @RequestParam(defaultValue = "0.5") double split,
            @Parameter(description = "two-sided significance level") @RequestParam(defaultValue = "0.05") double alpha,
            @Parameter(description = "power") @RequestParam(defaultValue = "0.8") double power) {
        ExperimentRepository.Audience audience = experiments.recentAudience(RECENT_SHOWS);
        ExperimentPlanner.Plan p;
        try {
            p = ExperimentPlanner.plan(baseline, lift, split, alpha, power, audience.median());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_plan", "Input out of range", e.getMessage());
        }
        return new PlanView(baseline, lift, split, alpha, power, p.controlCustomers(), p.treatmentCustomers(),
                p.totalCustomers(), audience.median(), audience.shows(), p.shows());
    }
}
