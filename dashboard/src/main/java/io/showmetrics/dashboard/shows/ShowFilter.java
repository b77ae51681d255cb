package io.showmetrics.dashboard.shows;

import io.showmetrics.dashboard.system.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/**
 * The filters of the Shows page and of {@code /api/shows} (and its CSV), as query parameters so that a filtered view
 * can be shared and reloaded: {@code from}, {@code to} (UTC dates, both included, on the show's start), {@code host}
 * (exact), {@code q} (part of the title, any case: a series such as "Spring" or "Q&A") and {@code experiment} (the
 * show's experiment id). A {@code null} field does not filter; blank parameters count as absent.
 */
record ShowFilter(LocalDate from, LocalDate to, String host, String q, String experiment) {
    static final ShowFilter NONE = new ShowFilter(null, null, null, null, null);
    /** The longest title search kept; a longer one is refused rather than cut. */
    static final int MAX_TEXT = 200;

    /**
     * Reads the query parameters.
     *
     * @throws ProblemException 400 {@code invalid_filter} for a date that is not YYYY-MM-DD, {@code from} after
     *     {@code to}, or a text longer than {@value #MAX_TEXT} characters, naming the parameter
     */
    static ShowFilter of(String from, String to, String host, String q, String experiment) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw invalid("The date range starts after it ends (from " + fromDate + ", to " + toDate
                    + "): swap the dates or leave one empty.");
        }
        return new ShowFilter(fromDate, toDate, text("host", host), text("q", q), text("experiment", experiment));
    }

    /** The first instant of {@code from} (UTC), or {@code null}. */
    Instant startsFrom() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after {@code to} (UTC): shows start before it; {@code null} without {@code to}. */
    Instant startsBefore() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid("'" + cut(value) + "' in " + name + " is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.");
        }
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw invalid("The " + name + " filter has " + value.length() + " characters, more than " + MAX_TEXT
                    + ": shorten it.");
        }
        return value.strip();
    }

    private static String cut(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_filter", "Invalid filter", detail);
    }
}
