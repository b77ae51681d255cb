package io.showmetrics.dashboard.system;

/** A user to seed, parsed from {@code name:role:password} (the password may itself contain ':'). */
record DemoUser(String username, Role role, String password) {

    static DemoUser parse(String entry) {
        String[] parts = entry.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("Invalid user '" + entry.replaceAll(":[^:]*$", ":***")
                    + "' in showmetrics.users / SHOWMETRICS_USERS: write name:role:password, e.g. maria:marketing:showtime.");
        }
        Role role;
        try {
            role = Role.fromCode(parts[1].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid user '" + parts[0] + "' in showmetrics.users / SHOWMETRICS_USERS: "
                    + e.getMessage(), e);
        }
        return new DemoUser(parts[0].trim(), role, parts[2]);
    }
}
