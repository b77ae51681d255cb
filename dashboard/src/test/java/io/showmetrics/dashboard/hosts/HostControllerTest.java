package io.showmetrics.dashboard.hosts;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({HostController.class, HostApiController.class})
@Import(WebSecurityTestConfig.class)
class HostControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    HostRepository hosts;

    static HostRow lena() {
        return new HostRow("Lena", 3, 200.0, 0.075, new BigDecimal("2500"), 2.5, 1000.0, 2, 2, 3, 0.5,
                List.of(new HostRow.HostExperiment("exp-host", "Host A vs B", "lena", "ship", "Ship lena: ...")));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleSeesTheHostsPageAndItsNavigationEntry(Role role) throws Exception {
        mvc.perform(get("/hosts").with(user("u").roles(role.name())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/js/hosts-")))
                .andExpect(content().string(containsString("href=\"/hosts\"")));
    }

    @Test
    void apiAndCsv() throws Exception {
        given(hosts.findAll()).willReturn(List.of(lena()));

        mvc.perform(get("/api/hosts").with(user("u").roles("EXECUTIVE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].host").value("Lena"))
                .andExpect(jsonPath("$[0].gmvPerLiveHour").value(1000.0))
                .andExpect(jsonPath("$[0].experiments[0].decision").value("ship"));
        mvc.perform(get("/api/hosts.csv").with(user("u").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lena,3,200,0.075,2500,2.5,1000,2,2,3,0.5,exp-host lena: ship")));
    }

    @Test
    void anonymousIsRefused() throws Exception {
        mvc.perform(get("/api/hosts")).andExpect(status().isUnauthorized());
    }
}
