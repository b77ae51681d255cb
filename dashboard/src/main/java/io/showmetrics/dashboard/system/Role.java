package io.showmetrics.dashboard.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dashboard roles, stored lower-case in {@code app_user.role}. */
public enum Role {
    MARKETING, EXECUTIVE, ANALYST;

    /** The value stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role stored as {@code code}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + code + "': use one of "
                + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")) + ".");
    }

    /** Every role's name as Spring Security expects it in {@code hasAnyRole}. */
    static String[] all() {
        return Arrays.stream(values()).map(Role::name).toArray(String[]::new);
    }
}
