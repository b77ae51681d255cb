package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What travels over HTTP, against the real server (Tomcat's compression is not part of MockMvc): static assets under
 * content-hashed URLs, gzip-compressed and cacheable for a year, pages still {@code no-store}; every CSV download of
 * the OpenAPI document starts with the UTF-8 byte-order mark. Signed in as maria through the form with a plain HTTP
 * client; the fixture rows are {@link DashboardBrowserIT}'s.
 */
class HttpDeliveryIT {
    private static final Pattern ECHARTS = Pattern.compile("src=\"(/webjars/echarts/[^\"]*echarts\\.min-[0-9a-f]{32}\\.js)\"");
    private static final Pattern APP_JS = Pattern.compile("src=\"(/js/app-[0-9a-f]{32}\\.js)\"");
    private static final Pattern CSS = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"");
    /** The fixture ids that fill the path variables of the CSV endpoints. */
    private static final Map<String, String> PATH_VARIABLES = Map.of(
            "showId", "s-spring", "experimentId", "exp-push", "runId", "r-0302", "audience", "carted_not_bought");

    @TempDir
    static Path dataDir;
    private static ServedDashboard dashboard;
    private static HttpClient http;

    @BeforeAll
    static void startAndSignIn() throws Exception {
        dashboard = ServedDashboard.start("http_delivery_it", new MutableClock(Instant.parse("2026-03-29T12:00:00Z")),
                dataDir, DashboardBrowserIT::seed);
        http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = text(get("/login"));
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=maria&password=showtime&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<byte[]> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/shows");
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Nested
    class StaticAssets {
        @Test
        void pagesLinkEveryAssetByItsContentHash() throws Exception {
            String page = text(get("/shows"));

            assertThat(ECHARTS.matcher(page).find()).as("ECharts by content hash in %s", page).isTrue();
            assertThat(APP_JS.matcher(page).find()).isTrue();
            assertThat(CSS.matcher(page).find()).isTrue();
            assertThat(page).contains("src=\"/js/shows-").doesNotContain("\"/js/app.js\"")
                    .doesNotContain("\"/webjars/echarts/echarts.min.js\"");
        }

        @Test
        void echartsComesGzippedAndCachedForAYear() throws Exception {
            Matcher echarts = ECHARTS.matcher(text(get("/shows")));
            assertThat(echarts.find()).isTrue();

            HttpResponse<byte[]> response = get(echarts.group(1), "Accept-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
            assertThat(response.headers().firstValue("Pragma")).isEmpty();
            byte[] script = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
            assertThat(script.length).isGreaterThan(1_000_000);
            assertThat(response.body().length).as("gzip shrinks ECharts to about a third").isLessThan(script.length / 2);
        }

        @Test
        void theStylesheetAndScriptsAreCompressedAndCachedToo() throws Exception {
            String page = text(get("/shows"));
            for (Pattern asset : List.of(CSS, APP_JS)) {
                Matcher m = asset.matcher(page);
                assertThat(m.find()).isTrue();
                HttpResponse<byte[]> response = get(m.group(1), "Accept-Encoding", "gzip");
                assertThat(response.headers().firstValue("Content-Encoding")).as(m.group(1)).hasValue("gzip");
                assertThat(response.headers().firstValue("Cache-Control")).as(m.group(1))
                        .hasValue("max-age=31536000, public, immutable");
            }
        }

        @Test
        void aClientThatDoesNotAskForGzipGetsThePlainFile() throws Exception {
            Matcher css = CSS.matcher(text(get("/shows")));
            assertThat(css.find()).isTrue();

            HttpResponse<byte[]> response = get(css.group(1));

            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(":root");
        }

        @Test
        void pagesWithDataStayUncachedAndUncompressed() throws Exception {
            HttpResponse<byte[]> page = get("/shows", "Accept-Encoding", "gzip");

            assertThat(page.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
            assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
            HttpResponse<byte[]> api = get("/api/shows", "Accept-Encoding", "gzip");
            assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        }

        @Test
        void swaggerUiStillLoadsItsOwnAssets() throws Exception {
            assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class CsvDownloads {
        @Test
        void everyCsvEndpointStartsWithTheUtf8ByteOrderMark() throws Exception {
            JsonNode paths = JsonMapper.builder().build().readTree(text(get("/v3/api-docs"))).get("paths");
            List<String> csvPaths = new ArrayList<>();
            for (String path : paths.propertyNames()) {
                if (path.endsWith(".csv") && paths.get(path).has("get")) {
                    csvPaths.add(path);
                }
            }
            assertThat(csvPaths).as("every CSV endpoint of the API").hasSizeGreaterThanOrEqualTo(18);

            for (String path : csvPaths) {
                String url = path;
                for (Map.Entry<String, String> v : PATH_VARIABLES.entrySet()) {
                    url = url.replace("{" + v.getKey() + "}", v.getValue());
                }
                HttpResponse<byte[]> response = get(url);
                assertThat(response.statusCode()).as(url).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(url).get().asString()
                        .startsWith("text/csv").contains("UTF-8");
                assertThat(response.body()).as(url).startsWith(0xEF, 0xBB, 0xBF);
                assertThat(new String(response.body(), StandardCharsets.UTF_8).substring(1)).as(url)
                        .doesNotStartWith("\uFEFF").contains("\r\n");
            }
        }
    }

    private static URI uri(String path) {
        return URI.create(dashboard.baseUrl() + path);
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
