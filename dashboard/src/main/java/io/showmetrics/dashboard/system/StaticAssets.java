package io.showmetrics.dashboard.system;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The dashboard's static assets (its own {@code /css}, {@code /js} and {@code /favicon.svg}, and the ECharts
 * WebJar) are served under content-hashed URLs: a page's {@code @{/js/app.js}} is written as
 * {@code /js/app-<md5 of the file>.js} (Spring's {@link VersionResourceResolver} content strategy, applied to the
 * links by Boot's {@code ResourceUrlEncodingFilter}), so a changed file gets a new URL and a browser may keep a
 * fetched one for {@link #MAX_AGE} without asking again ({@code Cache-Control: max-age=31536000, public,
 * immutable}). The WebJar's version-less path ({@code /webjars/echarts/echarts.min.js}) is resolved to its
 * version by {@link LiteWebJarsResourceResolver}.
 *
 * <p>Why this is needed: without a {@code Cache-Control} of its own, a static response got Spring Security's
 * default {@code no-cache, no-store, max-age=0, must-revalidate}, meant for pages with data, so every page
 * downloaded the 1 MB ECharts file again. Spring Security writes that header only when the response has none, so
 * pages and the API keep it while these handlers set their own. Compression (gzip) is Tomcat's, for the types listed
 * in {@code server.compression.mime-types} (application.properties).
 *
 * <p>Boot's default static mappings are off ({@code spring.web.resources.add-mappings=false}): these handlers are
 * the only way static files are served. The unversioned path of an asset answers with the same header; no page links
 * it.
 */
@Configuration
class StaticAssets implements WebMvcConfigurer {
    /** How long a browser (or a shared cache) may keep a content-hashed asset without revalidating: one year. */
    static final Duration MAX_AGE = Duration.ofDays(365);
    static final CacheControl CACHE_CONTROL = CacheControl.maxAge(MAX_AGE).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CACHE_CONTROL)
                .resourceChain(true)
                .addResolver(contentVersions())
                .addResolver(new LiteWebJarsResourceResolver());
        own(registry, "/css/**", "classpath:/static/css/");
        own(registry, "/js/**", "classpath:/static/js/");
        own(registry, "/*.svg", "classpath:/static/");
    }

    private static void own(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(CACHE_CONTROL)
                .resourceChain(true)
                .addResolver(contentVersions());
    }

    /** File names carry the MD5 of their content: {@code app-<hash>.js}. */
    private static VersionResourceResolver contentVersions() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
