package io.showmetrics.dashboard.goals;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused goal write as an RFC 9457 problem: 400 {@code invalid_goal}, 409 {@code duplicate_goal} or 413
 * {@code file_too_large} (an import over 1 MiB), with
 * {@code errors}: every problem found, each {@code {line, field, message}} ({@code line} set for a CSV import).
 */
@RestControllerAdvice(assignableTypes = GoalApiController.class)
class GoalApiExceptionHandler {

    @ExceptionHandler(GoalValidationException.class)
    ResponseEntity<ProblemDetail> refused(GoalValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("urn:showmetrics:problem:" + e.code()));
        problem.setTitle(switch (e.status()) {
            case CONFLICT -> "Goal already exists";
            case CONTENT_TOO_LARGE -> "File too large";
            default -> "Goal not valid";
        });
        problem.setProperty("code", e.code());
        problem.setProperty("errors", e.errors());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
