package io.showmetrics.dashboard.system;

import org.springframework.http.HttpStatus;

/**
 * An API request that cannot be answered in the resource's current state, answered as an RFC 9457
 * problem document with a machine-readable {@code code} (for example {@code srm_not_acknowledged}).
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String title;

    /**
     * @param detail what is wrong and how to fix it, for a person
     */
    public ProblemException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
