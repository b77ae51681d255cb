package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void theDemoAsksTheDashboardForTheDemoUsers() {
        assertThat(DemoCommand.serveArguments(8080, "./data"))
                .containsExactly("--port", "8080", "--data", "./data", "--demo-users");
    }

    @Test
    void plainServeDoesNotAskForThem() {
        assertThat(ServeCommand.arguments(null, null, null, 8080, "./data")).doesNotContain("--demo-users");
    }
}
