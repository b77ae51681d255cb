package io.showmetrics.dashboard.alerts;

import io.showmetrics.dashboard.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The filters of the Alerts page and of {@code /api/alerts} (and its CSV), as query parameters: {@code showId}
 * (exact), {@code kind} ({@link AlertKind#ALL}) and {@code limit} (how many of the newest). Blank counts as absent.
 */
record AlertFilter(String showId, String kind, int limit) {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 10_000;
    private static final int MAX_TEXT = 200;

    /**
     * Reads the query parameters.
     *
     * @param defaultLimit the limit when none is given
     * @throws ProblemException 400 {@code invalid_filter} for an unknown kind, a limit that is not a whole number from 1
     *     to {@value #MAX_LIMIT}, or a show id longer than 200 characters, naming the parameter
     */
    static AlertFilter of(String showId, String kind, String limit, int defaultLimit) {
        String show = blank(showId) ? null : showId.strip();
        if (show != null && show.length() > MAX_TEXT) {
            throw invalid("The showId filter has " + show.length() + " characters, more than " + MAX_TEXT + ": shorten it.");
        }
        String k = blank(kind) ? null : kind.strip();
        if (k != null && !AlertKind.ALL.contains(k)) {
            throw invalid("'" + cut(k) + "' in kind is not an alert kind: use " + String.join(" or ", AlertKind.ALL) + ".");
        }
        int n = defaultLimit;
        if (!blank(limit)) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw invalid("'" + cut(limit) + "' in limit is not a whole number from 1 to " + MAX_LIMIT + ".");
            }
        }
        return new AlertFilter(show, k, n);
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static String cut(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_filter", "Invalid filter", detail);
    }
}
