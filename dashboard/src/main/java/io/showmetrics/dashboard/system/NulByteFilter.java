package io.showmetrics.dashboard.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose parameters (query string or form) hold a NUL byte ({@code %00}), in a name or a value,
 * with 400 and a message that names the parameter, before anything reads it: PostgreSQL cannot hold 0x00 in text,
 * so such a value would otherwise end in a 500 ("invalid byte sequence for encoding UTF8: 0x00"). The API answers an
 * RFC 9457 problem with {@code code} {@code nul_byte}; a page request gets the error page showing the message. It
 * runs before Spring Security, so an anonymous request with a NUL byte is refused the same way. (A NUL byte in the
 * path never gets here: Tomcat refuses such an address itself with a plain 400.)
 */
@Component
@Order(NulByteFilter.ORDER)
class NulByteFilter extends OncePerRequestFilter {
    /** After the character-encoding filter (lowest orders), before Spring Security's filter chain (-100). */
    static final int ORDER = -200;
    /** The request attribute, and the error page's variable, holding the message of a refused page request. */
    static final String PROBLEM_ATTRIBUTE = "requestProblem";

    private final JsonMapper json;

    NulByteFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request);
        if (problem == null) {
            chain.doFilter(request, response);
        } else if (isApi(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "urn:showmetrics:problem:nul_byte");
            body.put("title", "NUL byte in the request");
            body.put("status", HttpStatus.BAD_REQUEST.value());
            body.put("detail", problem);
            body.put("code", "nul_byte");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(body));
        } else {
            request.setAttribute(PROBLEM_ATTRIBUTE, problem);
            response.sendError(HttpStatus.BAD_REQUEST.value(), problem);
        }
    }

    /** What is wrong with the request, for a person, or {@code null} when it holds no NUL byte. */
    static String problem(HttpServletRequest request) {
        boolean query = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (name.indexOf('\0') >= 0 || Arrays.stream(parameter.getValue()).anyMatch(v -> v.indexOf('\0') >= 0)) {
                return (query ? "Query parameter '" : "Parameter '") + name.replace("\0", "%00")
                        + "' contains a NUL byte (%00), which no showmetrics value holds: remove it.";
            }
        }
        return null;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }
}
