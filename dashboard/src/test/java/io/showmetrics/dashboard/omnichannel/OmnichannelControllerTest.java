package io.showmetrics.dashboard.omnichannel;

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
import java.math.BigDecimal;
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

@WebMvcTest({OmnichannelController.class, OmnichannelApiController.class})
@Import(WebSecurityTestConfig.class)
class OmnichannelControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    OmnichannelRepository omnichannel;

    @Test
    void anonymousIsSentToSignInOr401() throws Exception {
        mvc.perform(get("/omnichannel")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/omnichannel")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/omnichannel/channels.csv")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleReadsIt(Role role) throws Exception {
        given(omnichannel.findChannelMonths()).willReturn(List.of(new ChannelMonth(LocalDate.parse("2026-02-01"), "web",
                new BigDecimal("1200.50"), 30, 25, 0.1, false, null)));
        given(omnichannel.findPeriods()).willReturn(List.of(new OmnichannelPeriod("quarter", LocalDate.parse("2026-01-01"),
                100, 20, 0.2, 40, 300, null, false)));
        given(omnichannel.findInfluencedRevenue()).willReturn(List.of());

        mvc.perform(get("/omnichannel").with(user("u").roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/omnichannel/channels.csv")));
        mvc.perform(get("/api/omnichannel").with(user("u").roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels[0].revenue").value(1200.50))
                .andExpect(jsonPath("$.channels[0].revenueChange").value(0.1))
                .andExpect(jsonPath("$.periods[0].multichannelShare").value(0.2))
                .andExpect(jsonPath("$.periods[0].influencedVisitsChange").isEmpty());
    }

    @Test
    void executivesSeeOmnichannelFirstInTheirNavigation() throws Exception {
        String html = mvc.perform(get("/omnichannel").with(user("eve").roles("EXECUTIVE")))
                .andReturn().getResponse().getContentAsString();
        String nav = html.substring(html.indexOf("class=\"mainnav\""), html.indexOf("</nav>"));
        org.assertj.core.api.Assertions.assertThat(nav.indexOf(">Omnichannel<")).isLessThan(nav.indexOf(">Shows<"));
        org.assertj.core.api.Assertions.assertThat(nav.split(">Omnichannel<", -1)).hasSize(2);
    }

    @Test
    void csvHasTheMonthOverMonthChange() throws Exception {
        given(omnichannel.findInfluencedRevenue()).willReturn(List.of(new ChannelMonth(LocalDate.parse("2026-02-01"),
                "store", new BigDecimal("99.9000"), 3, 2, null, false, null)));

        mvc.perform(get("/api/omnichannel/influenced.csv").with(user("u").roles("ANALYST")))
                .andExpect(content().string(Csv.BOM + "month,channel,revenue,orders,customers,revenue_change,partial,"
                        + "prev_span_revenue\r\n2026-02-01,store,99.9,3,2,,false,\r\n"));
    }

    @Test
    void showsDroveForAChosenPeriodFromTheUrl() throws Exception {
        given(omnichannel.findShowMonths()).willReturn(List.of(
                new ShowMonth(LocalDate.parse("2026-01-01"), 2, new BigDecimal("900"), new BigDecimal("300"), 2, false,
                        null, null, null),
                new ShowMonth(LocalDate.parse("2026-02-01"), 3, new BigDecimal("1000"), new BigDecimal("500"), 3.5, false,
                        null, null, null)));

        mvc.perform(get("/api/omnichannel/shows-drove").param("from", "2026-02").param("to", "2026-02")
                        .with(user("eve").roles("EXECUTIVE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-02"))
                .andExpect(jsonPath("$.drove").value(1500))
                .andExpect(jsonPath("$.comparisonFrom").value("2026-01"))
                .andExpect(jsonPath("$.comparisonDrove").value(1200))
                .andExpect(jsonPath("$.months[0]").value("2026-01"));
        mvc.perform(get("/api/omnichannel/shows-drove").param("from", "2026-03").param("to", "2026-02")
                        .with(user("eve").roles("EXECUTIVE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_period"));
        mvc.perform(get("/api/omnichannel/shows-drove").param("from", "March").with(user("eve").roles("EXECUTIVE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void showsDroveWithoutShowsIsNoContent() throws Exception {
        given(omnichannel.findShowMonths()).willReturn(List.of());

        mvc.perform(get("/api/omnichannel/shows-drove").with(user("eve").roles("EXECUTIVE")))
                .andExpect(status().isNoContent());
    }
}
