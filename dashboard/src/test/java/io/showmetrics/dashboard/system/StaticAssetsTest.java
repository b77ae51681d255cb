package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static assets under content-hashed URLs with a year-long immutable Cache-Control, pages still {@code no-store}.
 * Compression is Tomcat's and is checked over HTTP by {@code HttpDeliveryIT}.
 */
@WebMvcTest(LoginController.class)
@Import(WebSecurityTestConfig.class)
class StaticAssetsTest {
    private static final String IMMUTABLE = "max-age=31536000, public, immutable";
    private static final Pattern HASHED_CSS = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider urls;

    @Test
    void pagesLinkTheStylesheetByItsContentHash() throws Exception {
        String html = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        assertThat(HASHED_CSS.matcher(html).find()).as("a content-hashed stylesheet link in %s", html).isTrue();
        assertThat(html).contains("src=\"/favicon-").doesNotContain("href=\"/css/app.css\"");
    }

    @Test
    void aHashedAssetMayBeKeptForAYearWithoutSignIn() throws Exception {
        String html = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        Matcher css = HASHED_CSS.matcher(html);
        assertThat(css.find()).isTrue();

        mvc.perform(get(css.group(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", IMMUTABLE))
                .andExpect(header().doesNotExist("Pragma"))
                .andExpect(header().doesNotExist("Expires"));
    }

    @Test
    void echartsIsServedFromTheWebJarUnderItsVersionAndContentHash() throws Exception {
        String url = urls.getForLookupPath("/webjars/echarts/echarts.min.js");

        assertThat(url).matches("/webjars/echarts/5\\.5\\.0/echarts\\.min-[0-9a-f]{32}\\.js");
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", IMMUTABLE));
    }

    @Test
    void theScriptsAreHashedToo() throws Exception {
        String url = urls.getForLookupPath("/js/app.js");

        assertThat(url).matches("/js/app-[0-9a-f]{32}\\.js");
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", IMMUTABLE));
    }

    @Test
    void aWrongHashIsNotFound() throws Exception {
        mvc.perform(get("/js/app-00000000000000000000000000000000.js")).andExpect(status().isNotFound());
    }

    @Test
    void pagesStayNoStore() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        mvc.perform(get("/").with(user("maria").roles("MARKETING")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }
}
