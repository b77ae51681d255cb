package io.showmetrics.dashboard.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the JSON API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI showmetricsOpenApi() {
        return new OpenAPI().info(new Info()
                .title("showmetrics dashboard API")
                .version("v1")
                .description("Read-only JSON behind the dashboard pages, from the PostgreSQL serving tables. "
                        + "Every endpoint needs a signed-in session (form sign-in at /login). NULL values "
                        + "(zero denominators, metrics not computed yet) are JSON null. Timestamps are UTC."));
    }
}
