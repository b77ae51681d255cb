package io.showmetrics.dashboard.system;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and seeds {@code app_user}. */
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
}
