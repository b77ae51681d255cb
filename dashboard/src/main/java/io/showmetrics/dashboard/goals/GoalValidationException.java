package io.showmetrics.dashboard.goals;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A goal write refused because of what was sent: 400 (invalid) or 409 (a goal already exists). */
class GoalValidationException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final List<GoalError> errors;

    GoalValidationException(HttpStatus status, String code, List<GoalError> errors) {
        super(errors.isEmpty() ? code : errors.stream().map(GoalError::message).collect(Collectors.joining(" ")));
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    static GoalValidationException invalid(List<GoalError> errors) {
        return new GoalValidationException(HttpStatus.BAD_REQUEST, "invalid_goal", errors);
    }

    /** 413: a goals file larger than {@link GoalCsv#MAX_BYTES}; nothing of it was read. */
    static GoalValidationException tooLarge(long bytes) {
        return new GoalValidationException(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                List.of(GoalErrors.fileTooLarge(bytes)));
    }

    static GoalValidationException conflict(GoalError error) {
        return conflict(List.of(error));
    }

    static GoalValidationException conflict(List<GoalError> errors) {
        return new GoalValidationException(HttpStatus.CONFLICT, "duplicate_goal", errors);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    List<GoalError> errors() {
        return errors;
    }
}
