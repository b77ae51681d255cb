package io.showmetrics.dashboard.system;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Where each role starts (SPEC section 5): analysts read experiments first, executives the omnichannel view,
 * marketing the shows.
 */
public final class HomePage {
    static final String SHOWS = "/shows";
    static final String EXPERIMENTS = "/experiments";
    static final String OMNICHANNEL = "/omnichannel";

    private HomePage() {
    }

    public static String pathFor(Authentication authentication) {
        if (has(authentication, Role.ANALYST)) {
            return EXPERIMENTS;
        }
        if (has(authentication, Role.EXECUTIVE)) {
            return OMNICHANNEL;
        }
        return SHOWS;
    }

    private static boolean has(Authentication authentication, Role role) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role.name())::equals);
    }
}
