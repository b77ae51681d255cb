package io.showmetrics.dashboard.retention;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A NUL byte in a query parameter is refused with 400 and a message before it reaches the repository
 * (PostgreSQL would answer "invalid byte sequence for encoding UTF8: 0x00", a 500): the API with a problem
 * document, a page with the error page. The retention endpoints stand for every endpoint (the check is a filter).
 * In this slice Spring Security's filters run before the check (unlike in the served dashboard), so anonymous
 * requests and NUL bytes in parameter names and paths are tested in {@code HostileInputBrowserIT}.
 */
@WebMvcTest({RetentionController.class, RetentionApiController.class})
@Import(WebSecurityTestConfig.class)
class NulByteRequestTest {
    private static final String MESSAGE = "Query parameter 'segment' contains a NUL byte (%00), which no showmetrics "
            + "value holds: remove it.";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RetentionRepository retention;

    @Test
    void apiQueryParameterIs400ProblemNamingTheParameterAndNeverQueries() throws Exception {
        mvc.perform(get("/api/retention").param("segment", "all\0").with(user("u").roles("ANALYST")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("nul_byte"))
                .andExpect(jsonPath("$.type").value("urn:showmetrics:problem:nul_byte"))
                .andExpect(jsonPath("$.detail").value(MESSAGE));
        mvc.perform(get("/api/retention.csv").param("kind", "viewer").param("segment", "\0").with(user("u").roles("ANALYST")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(MESSAGE));

        verifyNoInteractions(retention);
    }

    @Test
    void pageQueryParameterIs400WithTheMessageForTheErrorPage() throws Exception {
        mvc.perform(get("/retention").param("segment", "all\0").with(user("u").roles("EXECUTIVE")))
                .andExpect(status().isBadRequest())
                .andExpect(status().reason(MESSAGE))
                .andExpect(request().attribute("requestProblem", MESSAGE));
    }
}
