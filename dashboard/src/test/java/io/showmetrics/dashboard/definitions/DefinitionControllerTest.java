package io.showmetrics.dashboard.definitions;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({DefinitionController.class, DefinitionApiController.class})
@Import(WebSecurityTestConfig.class)
class DefinitionControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    DefinitionRepository definitions;

    static MetricDefinition definition(String name) {
        return new MetricDefinition(name, "Engagement rate", "show", "engaged_viewers / unique_viewers, "
                + "NULL when there are no viewers", "Live window", "ratio", false, true, 7);
    }

    @Nested
    class Anonymous {
        @Test
        void pageRedirectsToSignIn() throws Exception {
            mvc.perform(get("/definitions")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void apiAndCsvAnswer401() throws Exception {
            mvc.perform(get("/api/definitions")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/definitions.csv")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class SignedIn {
        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleSeesThePage(Role role) throws Exception {
            mvc.perform(get("/definitions").with(user("u").roles(role.name())))
                    .andExpect(status().isOk())
                    .andExpect(view().name("definitions/list"));
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleReadsTheCatalogue(Role role) throws Exception {
            given(definitions.findAll()).willReturn(List.of(definition("engagement_rate")));

            mvc.perform(get("/api/definitions").with(user("u").roles(role.name())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].name").value("engagement_rate"))
                    .andExpect(jsonPath("$[0].window").value("Live window"))
                    .andExpect(jsonPath("$[0].goalAllowed").value(true));
        }

        @Test
        void csvQuotesTextWithCommas() throws Exception {
            given(definitions.findAll()).willReturn(List.of(definition("engagement_rate")));

            mvc.perform(get("/api/definitions.csv").with(user("u").roles("ANALYST")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name,label,level,definition,window,unit,additive,goal_allowed\r\n"
                            + "engagement_rate,Engagement rate,show,\"engaged_viewers / unique_viewers, NULL when there are no viewers\","
                            + "Live window,ratio,false,true\r\n")));
        }
    }
}
