package io.showmetrics.jobs.publish;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL that holds the serving tables: a JDBC URL and credentials. {@link #migrate()} applies
 * the Flyway migrations of {@code sql/migrations} (packaged as {@code classpath:db/migration}).
 */
public record ServingDatabase(String url, String user, String password) {
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** Applies pending migrations; returns how many were applied. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    @Override
    public String toString() {
        return url; // never print the password
    }
}
