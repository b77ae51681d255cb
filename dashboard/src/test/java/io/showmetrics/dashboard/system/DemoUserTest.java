package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoUserTest {

    @Test
    void parsesNameRoleAndPassword() {
        assertThat(DemoUser.parse("maria:marketing:showtime"))
                .isEqualTo(new DemoUser("maria", Role.MARKETING, "showtime"));
    }

    @Test
    void passwordMayContainColons() {
        assertThat(DemoUser.parse("eve:executive:a:b:c").password()).isEqualTo("a:b:c");
    }

    @Test
    void unknownRoleNamesTheAllowedRoles() {
        assertThatThrownBy(() -> DemoUser.parse("bob:admin:pw"))
                .hasMessageContaining("bob").hasMessageContaining("admin")
                .hasMessageContaining("marketing, executive, analyst");
    }

    @Test
    void entryWithoutPasswordIsRejectedWithTheExpectedFormat() {
        assertThatThrownBy(() -> DemoUser.parse("bob:analyst")).hasMessageContaining("name:role:password");
    }

    @Test
    void configuredUsersSkipBlankEntries() {
        var users = new DashboardProperties(List.of("maria:marketing:showtime", " ", "alex:analyst:showtime"), false)
                .configuredUsers();

        assertThat(users).extracting(DemoUser::username).containsExactly("maria", "alex");
    }
}
