package io.showmetrics.dashboard.alerts;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest({AlertController.class, AlertApiController.class})
@Import(WebSecurityTestConfig.class)
class AlertControllerTest {
    private static final Instant AT = Instant.parse("2026-03-01T19:23:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AlertRepository alerts;

    static RequestPostProcessor as(Role role) {
        return user("someone").roles(role.name());
    }

    static Alert behindPace() {
        return new Alert(7, "s-live", "Spring Live", AT, "goal_behind_pace", "live_orders", "Behind pace: Live orders",
                "Live orders 12 at 19:23, 25 % behind the pace to 120 (16)", 12.0, 16.0, AT.plusSeconds(20),
                "delivered", 1, null, AT.plusSeconds(21), null);
    }

    @BeforeEach
    void data() {
        given(alerts.find(any())).willReturn(List.of(behindPace()));
        given(alerts.liveStatus()).willReturn(LiveStatus.never());
        given(alerts.showsWithAlerts()).willReturn(List.of(new AlertRepository.ShowOption("s-live", "Spring Live")));
    }

    @Nested
    class Security {
        @Test
        void anonymousIsSentToSignInForThePageAndRefusedByTheApi() throws Exception {
            mvc.perform(get("/alerts")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/api/alerts")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/alerts.csv")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/shows/s-live/alerts")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/live/status")).andExpect(status().isUnauthorized());
            verifyNoInteractions(alerts);
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleReadsTheAlertsAndTheLiveStatus(Role role) throws Exception {
            given(alerts.showExists("s-live")).willReturn(true);
            mvc.perform(get("/alerts").with(as(role))).andExpect(status().isOk()).andExpect(view().name("alerts/list"));
            mvc.perform(get("/api/alerts").with(as(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].headline").value("Behind pace: Live orders"));
            mvc.perform(get("/api/alerts.csv").with(as(role))).andExpect(status().isOk());
            mvc.perform(get("/api/shows/s-live/alerts").with(as(role))).andExpect(status().isOk());
            mvc.perform(get("/api/live/status").with(as(role))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("never"));
        }
    }

    @Nested
    class Api {
        @Test
        void filtersGoToTheRepositoryAsGiven() throws Exception {
            mvc.perform(get("/api/alerts").param("showId", "s-live").param("kind", "viewers_falling").param("limit", "5")
                    .with(as(Role.ANALYST))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].alertId").value(7))
                    .andExpect(jsonPath("$[0].at").value("2026-03-01T19:23:00Z"))
                    .andExpect(jsonPath("$[0].webhookStatus").value("delivered"));
            verify(alerts).find(new AlertFilter("s-live", "viewers_falling", 5));
        }

        @Test
        void withoutALimitTheApiGivesTheNewest200AndTheCsvUpTo10000() throws Exception {
            mvc.perform(get("/api/alerts").with(as(Role.ANALYST))).andExpect(status().isOk());
            verify(alerts).find(new AlertFilter(null, null, 200));
            mvc.perform(get("/api/alerts.csv").with(as(Role.ANALYST))).andExpect(status().isOk());
            verify(alerts).find(new AlertFilter(null, null, 10_000));
        }

        @Test
        void anUnknownKindOrABadLimitIsA400ProblemNamingTheParameter() throws Exception {
            mvc.perform(get("/api/alerts").param("kind", "sales_up").with(as(Role.MARKETING)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("invalid_filter"))
                    .andExpect(jsonPath("$.detail").value(containsString("in kind is not an alert kind")));
            for (String limit : List.of("0", "-3", "ten", "10001", "2.5")) {
                mvc.perform(get("/api/alerts").param("limit", limit).with(as(Role.MARKETING)))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.detail").value(containsString("in limit is not a whole number from 1 to 10000")));
            }
            mvc.perform(get("/api/alerts.csv").param("kind", "x").with(as(Role.MARKETING))).andExpect(status().isBadRequest());
        }

        @Test
        void theCsvStartsWithTheByteOrderMarkAndHasOneLinePerAlert() throws Exception {
            mvc.perform(get("/api/alerts.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/csv"))
                    .andExpect(content().string(Csv.BOM + "alert_id,show_id,show_title,at,kind,metric,headline,message,"
                            + "actual,expected,created_at,webhook_status,webhook_attempts,webhook_delivered_at,webhook_error\r\n"
                            + "7,s-live,Spring Live,2026-03-01T19:23:00Z,goal_behind_pace,live_orders,"
                            + "Behind pace: Live orders,\"Live orders 12 at 19:23, 25 % behind the pace to 120 (16)\","
                            + "12,16,2026-03-01T19:23:20Z,delivered,1,2026-03-01T19:23:21Z,\r\n"));
        }

        @Test
        void aShowThatNeitherExistsNorHasAlertsIs404() throws Exception {
            given(alerts.showExists("nope")).willReturn(false);
            given(alerts.anyForShow("nope")).willReturn(false);
            mvc.perform(get("/api/shows/nope/alerts").with(as(Role.ANALYST))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No show with id 'nope'."));
        }

        @Test
        void aShowThatAPublishRemovedStillListsItsAlerts() throws Exception {
            given(alerts.showExists("gone")).willReturn(false);
            given(alerts.anyForShow("gone")).willReturn(true);
            mvc.perform(get("/api/shows/gone/alerts").with(as(Role.ANALYST))).andExpect(status().isOk());
            verify(alerts).find(new AlertFilter("gone", null, 10_000));
        }
    }

    @Test
    void thePageOffersTheKindsAndTheShowsWithAlertsAndEchoesTheFilters() throws Exception {
        mvc.perform(get("/alerts").param("kind", "viewers_falling").param("showId", "s-live").with(as(Role.EXECUTIVE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"viewers_falling\" selected=\"selected\">Viewers falling</option>")))
                .andExpect(content().string(containsString("<option value=\"s-live\" selected=\"selected\">Spring Live</option>")))
                .andExpect(content().string(containsString("id=\"filter-clear\"")));
    }
}
