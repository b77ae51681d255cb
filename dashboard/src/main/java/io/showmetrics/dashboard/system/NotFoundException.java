package io.showmetrics.dashboard.system;

/** Thrown by an API endpoint for an id that does not exist; answered as a 404 problem document. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
