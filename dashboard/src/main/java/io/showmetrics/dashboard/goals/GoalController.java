package io.showmetrics.dashboard.goals;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Goals page and its forms (set, edit, delete, copy, CSV import). The forms post here (CSRF token in the form)
 * and come back to the page with a notice or the errors; only the marketing role may post ({@code SecurityConfig}).
 * The tables and charts come from {@link GoalApiController} in the browser.
 */
@Controller
class GoalController {
    private final GoalService goals;

    GoalController(GoalService goals) {
        this.goals = goals;
    }

    @GetMapping("/goals")
    String page(@RequestParam(required = false) String showId, Model model) {
        model.addAttribute("shows", goals.showOptions());
        model.addAttribute("upcomingShows", goals.upcomingShowOptions());
        model.addAttribute("pastShows", goals.pastShowOptions());
        model.addAttribute("hosts", goals.hosts());
        model.addAttribute("metrics", goals.metricOptions());
        model.addAttribute("selectedShowId", showId);
        return "goals/list";
    }

    /** The series form: a new series goal, or a change to {@code seriesGoalId}. */
    @PostMapping("/goals/series")
    String saveSeries(@RequestParam(required = false) Long seriesGoalId, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String pattern, @RequestParam(required = false) String metric,
                      @RequestParam(required = false) String target, @RequestParam(required = false) String direction,
                      Principal user, RedirectAttributes flash) {
        SeriesGoalDraft draft = new SeriesGoalDraft(kind, pattern, metric, target, direction);
        try {
            if (seriesGoalId != null && !goals.seriesExists(seriesGoalId)) {
                flash.addFlashAttribute("pageError", "Series goal " + seriesGoalId
                        + " no longer exists (it was deleted): nothing was changed.");
                return "redirect:/goals";
            }
            SeriesGoalView saved = seriesGoalId == null ? goals.createSeries(draft, user.getName())
                    : goals.updateSeries(seriesGoalId, draft, user.getName());
            flash.addFlashAttribute("notice", (seriesGoalId == null ? "Series goal set: " : "Series goal updated: ")
                    + saved.metricLabel() + " " + (GoalEvaluation.AT_LEAST.equals(saved.direction()) ? "≥ " : "≤ ")
                    + saved.targetText() + " for " + saved.series() + ", from now on (" + saved.upcomingShows()
                    + " upcoming show" + (saved.upcomingShows() == 1 ? "" : "s") + " without a goal of their own).");
        } catch (GoalValidationException e) {
            flash.addFlashAttribute("seriesErrors", e.errors());
            flash.addFlashAttribute("seriesValues", draft);
            flash.addFlashAttribute("seriesGoalId", seriesGoalId);
        }
        return "redirect:/goals";
    }

    @PostMapping("/goals/series/{seriesGoalId}/delete")
    String deleteSeries(@PathVariable long seriesGoalId, Principal user, RedirectAttributes flash) {
        if (!goals.seriesExists(seriesGoalId)) {
            flash.addFlashAttribute("pageError", "Series goal " + seriesGoalId + " no longer exists: nothing was changed.");
            return "redirect:/goals";
        }
        SeriesGoalView goal = goals.getSeries(seriesGoalId);
        goals.deleteSeries(seriesGoalId, user.getName());
        flash.addFlashAttribute("notice", "Series goal deleted: " + goal.metricLabel() + " for " + goal.series() + ".");
        return "redirect:/goals";
    }

    @PostMapping("/goals")
    String save(@RequestParam(required = false) Long goalId, @RequestParam(required = false) String showId,
                @RequestParam(required = false) String metric, @RequestParam(required = false) String target,
                @RequestParam(required = false) String direction, Principal user, RedirectAttributes flash) {
        GoalDraft draft = new GoalDraft(showId, metric, target, direction);
        try {
            if (goalId != null && !goals.exists(goalId)) {
                flash.addFlashAttribute("pageError", gone(goalId));
                return "redirect:/goals";
            }
            GoalView saved = goalId == null ? goals.create(draft, user.getName())
                    : goals.update(goalId, draft, user.getName());
            flash.addFlashAttribute("notice", (goalId == null ? "Goal set: " : "Goal updated: ") + saved.metricLabel()
                    + " " + (GoalEvaluation.AT_LEAST.equals(saved.direction()) ? "≥ " : "≤ ")
                    + GoalTarget.format(saved.target(), saved.unit()) + " for " + saved.showTitle() + ".");
        } catch (GoalValidationException e) {
            flash.addFlashAttribute("formErrors", e.errors());
            flash.addFlashAttribute("formValues", draft);
            flash.addFlashAttribute("formGoalId", goalId);
        }
        return "redirect:/goals";
    }

    @PostMapping("/goals/{goalId}/delete")
    String delete(@PathVariable long goalId, Principal user, RedirectAttributes flash) {
        if (!goals.exists(goalId)) {
            flash.addFlashAttribute("pageError", gone(goalId));
            return "redirect:/goals";
        }
        GoalView goal = goals.get(goalId);
        goals.delete(goalId, user.getName());
        flash.addFlashAttribute("notice", "Goal deleted: " + goal.metricLabel() + " for " + goal.showTitle() + ".");
        return "redirect:/goals";
    }

    /** A form for a goal that someone else deleted meanwhile (the page was open in two tabs). */
    private static String gone(long goalId) {
        return "Goal " + goalId + " no longer exists (it was deleted): nothing was changed.";
    }

    @PostMapping("/goals/copy")
    String copy(@RequestParam(required = false) String fromShowId, @RequestParam(required = false) String toShowId,
                Principal user, RedirectAttributes flash) {
        try {
            GoalService.WriteResult result = goals.copy(fromShowId, toShowId, user.getName());
            flash.addFlashAttribute("notice", "Copied " + result.created() + " goal" + (result.created() == 1 ? "" : "s")
                    + " to show " + toShowId + ".");
        } catch (GoalValidationException e) {
            flash.addFlashAttribute("copyErrors", e.errors());
        }
        return "redirect:/goals";
    }

    @PostMapping("/goals/import")
    String importCsv(@RequestParam("file") MultipartFile file, Principal user, RedirectAttributes flash) {
        try {
            GoalService.WriteResult result = goals.importCsv(GoalApiController.text(file), user.getName());
            flash.addFlashAttribute("notice", "Imported " + file.getOriginalFilename() + ": " + result.created()
                    + " goal" + (result.created() == 1 ? "" : "s") + " created, " + result.updated() + " updated.");
        } catch (GoalValidationException e) {
            List<GoalError> errors = e.errors();
            flash.addFlashAttribute("importErrors", errors);
            flash.addFlashAttribute("importFile", file.getOriginalFilename());
        }
        return "redirect:/goals";
    }
}
