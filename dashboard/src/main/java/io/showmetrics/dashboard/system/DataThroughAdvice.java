package io.showmetrics.dashboard.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the data through of the published results into every page's model, so the layout can say "Data through
 * …" on every page (SPEC section 2). {@code null} before any run recorded one; the page then says nothing.
 */
@ControllerAdvice(annotations = Controller.class)
class DataThroughAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(DataThroughAdvice.class);
    /** The same form as the pages' {@code fmt.dateTime}: 2026-03-01 19:00 UTC. */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Absent in web-slice tests, which have no database. */
    private final ObjectProvider<JdbcClient> jdbc;

    DataThroughAdvice(ObjectProvider<JdbcClient> jdbc) {
        this.jdbc = jdbc;
    }

    @ModelAttribute("dataThrough")
    String dataThrough() {
        JdbcClient client = jdbc.getIfAvailable();
        if (client == null) {
            return null;
        }
        try {
            Instant at = Provisional.latestDataThrough(client);
            return at == null ? null : FORMAT.format(at);
        } catch (DataAccessException e) {
            // The header must not take the page (or the error page) down with it; the page's own data says why.
            LOG.warn("Could not read the data through for the page header: {}", e.getMessage());
            return null;
        }
    }
}
