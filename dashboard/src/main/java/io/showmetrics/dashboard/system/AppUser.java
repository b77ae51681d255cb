package io.showmetrics.dashboard.system;

/** A row of {@code app_user}; {@code passwordHash} is a bcrypt hash. */
record AppUser(String username, String passwordHash, Role role, String displayName) {
}
