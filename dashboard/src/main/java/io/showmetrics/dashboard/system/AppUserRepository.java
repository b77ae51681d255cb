package io.showmetrics.dashboard.system;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads, seeds and changes the passwords of {@code app_user}. */
@Repository
class AppUserRepository {
    private final JdbcClient jdbc;

    AppUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> findByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, display_name FROM app_user WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> new AppUser(rs.getString("username"), rs.getString("password_hash"),
                        Role.fromCode(rs.getString("role")), rs.getString("display_name")))
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    void insert(AppUser user) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, role, display_name) "
                        + "VALUES (:username, :hash, :role, :displayName)")
                .param("username", user.username())
                .param("hash", user.passwordHash())
                .param("role", user.role().code())
                .param("displayName", user.displayName())
                .update();
    }

    /** Stores a new bcrypt hash for {@code username}; returns the number of rows changed (0 for an unknown user). */
    int updatePasswordHash(String username, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
                .param("hash", passwordHash)
                .param("username", username)
                .update();
    }
}
