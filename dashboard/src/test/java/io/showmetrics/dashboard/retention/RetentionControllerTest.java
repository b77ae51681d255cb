package io.showmetrics.dashboard.retention;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({RetentionController.class, RetentionApiController.class})
@Import(WebSecurityTestConfig.class)
class RetentionControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    RetentionRepository retention;

    @Test
    void anonymousIsSentToSignInOr401() throws Exception {
        mvc.perform(get("/retention")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/retention")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/retention.csv")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleReadsTheCohortsWithTheSegmentsPresent(Role role) throws Exception {
        given(retention.findSegments("buyer")).willReturn(List.of("all", "region:north"));
        given(retention.findCells("buyer", "region:north", null)).willReturn(List.of(
                new RetentionCell(LocalDate.parse("2026-02-02"), 1, 200, 50, 0.25, false)));

        mvc.perform(get("/retention").with(user("u").roles(role.name()))).andExpect(status().isOk());
        mvc.perform(get("/api/retention").param("kind", "buyer").param("segment", "region:north")
                        .with(user("u").roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.segments[1]").value("region:north"))
                .andExpect(jsonPath("$.cells[0].cohortWeek").value("2026-02-02"))
                .andExpect(jsonPath("$.cells[0].rate").value(0.25));
    }

    @Test
    void csvListsTheCells() throws Exception {
        given(retention.findCells("viewer", "all", null)).willReturn(List.of(
                new RetentionCell(LocalDate.parse("2026-02-02"), 0, 200, 200, 1.0, false)));

        mvc.perform(get("/api/retention.csv").with(user("u").roles("EXECUTIVE")))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        Csv.BOM + "cohort_week,week_offset,cohort_size,retained,rate,partial\r\n2026-02-02,0,200,200,1,false\r\n"));
    }

    @Test
    void theRunningWeekAndTheFirstCohortWeekComeWithTheCells() throws Exception {
        // Data through Wednesday 2026-02-11: the week of Monday 2026-02-09 is still running.
        given(retention.findDataThrough()).willReturn(java.time.Instant.parse("2026-02-11T10:00:00Z"));
        given(retention.findFirstCohortWeek("viewer")).willReturn(LocalDate.parse("2026-02-02"));
        given(retention.findSegments("viewer")).willReturn(List.of("all"));
        given(retention.findCells("viewer", "all", LocalDate.parse("2026-02-09"))).willReturn(List.of(
                new RetentionCell(LocalDate.parse("2026-02-09"), 0, 80, 80, 1.0, true)));

        mvc.perform(get("/api/retention").with(user("u").roles("MARKETING")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runningWeek").value("2026-02-09"))
                .andExpect(jsonPath("$.firstCohortWeek").value("2026-02-02"))
                .andExpect(jsonPath("$.cells[0].partial").value(true));
    }

    @Test
    void unknownKindIs400() throws Exception {
        mvc.perform(get("/api/retention").param("kind", "shopper").with(user("u").roles("ANALYST")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("use kind=viewer or kind=buyer")));
    }
}
