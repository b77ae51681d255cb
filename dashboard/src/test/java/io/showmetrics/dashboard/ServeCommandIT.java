package io.showmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * {@code serve} without {@code --db}: embedded PostgreSQL in DATA/postgres, migrated, one generated admin user,
 * stopped on stop; and what a TLS proxy in front of it gets (forwarded headers, Secure cookie, HSTS, relative
 * redirects).
 */
class ServeCommandIT {

    /** One raw HTTP/1.1 exchange, so that the test sets every header itself (Host included). */
    private static String exchange(String port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            return end < 0 ? head : head.substring(0, end);
        }
    }

    private static String get(String path, String host, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + String.join("", headers)
                + "Connection: close\r\n\r\n";
    }

    @TempDir
    static Path data;
    private static ServeCommand serve;
    private static String port;
    private static String printed;

    /** One {@code serve} for every test: starting the embedded PostgreSQL is the slow part. */
    @BeforeAll
    static void serve() {
        CommandLine cli = DashboardApplication.commandLine(Map.of("SHOWMETRICS_DATA", data.toString(),
                "SHOWMETRICS_PORT", "0"));
        serve = cli.getSubcommands().get("serve").getCommand();
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli.execute("serve")).isZero();
        } finally {
            System.setOut(console);
        }
        printed = out.toString(StandardCharsets.UTF_8);
        port = serve.context().getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopsTheEmbeddedDatabaseToo() {
        serve.stop();
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
    }

    @Test
    void servesFromTheEmbeddedDatabaseWithAGeneratedAdmin() throws Exception {
        assertThat(Integer.parseInt(port)).isNotEqualTo(8080);
        assertThat(data.resolve("postgres/postmaster.pid")).exists();
        JdbcClient jdbc = serve.context().getBean(JdbcClient.class);
        // Never the well-known demo users: one admin, with a password printed once.
        assertThat(jdbc.sql("SELECT username || ':' || role FROM app_user ORDER BY username").query(String.class).list())
                .containsExactly("admin:marketing");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isPositive();
        Matcher admin = Pattern.compile("admin\\s+/ (\\S+) \\(marketing\\)").matcher(printed);
        assertThat(admin.find()).as(printed).isTrue();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/shows"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(signIn(port, "admin", admin.group(1))).contains("\r\nLocation: /shows");
    }

    /** Signs in with a fresh session and CSRF token; returns the reply's head. */
    private static String signIn(String port, String user, String password) throws IOException {
        String page = exchangeWithBody(port, get("/login", "127.0.0.1:" + port));
        Matcher cookie = Pattern.compile("Set-Cookie: (JSESSIONID=[^;]+)").matcher(page);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(cookie.find() && token.find()).as(page).isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return exchange(port, "POST /login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + cookie.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
    }

    private static String exchangeWithBody(String port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void behindATlsProxyTheCookieIsSecureHstsIsSentAndAForgedHostSteersNoRedirect() throws Exception {
        // The proxy (on this machine, so trusted) terminated TLS and says so.
        String proxied = exchange(port, get("/login", "dashboard.example.com", "X-Forwarded-Proto: https\r\n",
                "X-Forwarded-For: 203.0.113.5\r\n"));
        assertThat(proxied).containsPattern("Set-Cookie: JSESSIONID=[^\r\n]*; Secure")
                .containsPattern("Set-Cookie: JSESSIONID=[^\r\n]*; HttpOnly")
                .containsPattern("Set-Cookie: JSESSIONID=[^\r\n]*; SameSite=Lax")
                .contains("Strict-Transport-Security: max-age=31536000")
                .contains("Content-Security-Policy: default-src 'self'")
                .contains("Referrer-Policy: same-origin");

        String plain = exchange(port, get("/login", "127.0.0.1:" + port));
        assertThat(plain).contains("Set-Cookie: JSESSIONID=").doesNotContain("Secure")
                .doesNotContain("Strict-Transport-Security");

        String forged = exchange(port, get("/shows", "evil.example"));
        assertThat(forged).startsWith("HTTP/1.1 302").contains("\r\nLocation: /login").doesNotContain("evil.example");
        String forgedHome = exchange(port, get("/", "evil.example"));
        assertThat(forgedHome).contains("\r\nLocation: /login").doesNotContain("evil.example");
    }
}
