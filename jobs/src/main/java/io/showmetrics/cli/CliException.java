package io.showmetrics.cli;

/** A user-facing error: its message says what is wrong, where, and how to fix it; no stack trace is shown. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
