package io.dharma.registry.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.dharma.registry.WriteAccess;
import io.dharma.registry.WriteAccess.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks {@link WriteAccess} about every request that may change the registry. A write is any
 * method but GET, HEAD and OPTIONS, except the two POSTs that only read: looking a schema up
 * under a subject ({@code POST /subjects/{subject}}) and testing compatibility
 * ({@code POST /compatibility/...}), which serializers with {@code auto.register.schemas=false}
 * and CI gates call without registering anything. A method or path added later is a write until
 * listed here.
 *
 * <p>A refusal is RFC 9457 problem+json with Dharma's stable {@code code}, and also carries
 * Confluent's {@code error_code} and {@code message}, so Confluent clients report it as they
 * report any registry error.
 */
public final class WriteAccessFilter extends OncePerRequestFilter {

    private static final Pattern LOOKUP = Pattern.compile("/subjects/[^/]+/?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WriteAccess access;

    public WriteAccessFilter(WriteAccess access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isWrite(request)) {
            chain.doFilter(request, response);
            return;
        }
        Verdict verdict = access.check(request);
        switch (verdict) {
            case GRANTED -> chain.doFilter(request, response);
            case UNAUTHENTICATED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"dharma\"");
                refuse(request, response, 401, 40101, "auth.unauthenticated", "Unauthorized",
                        WriteAccess.bearerToken(request) == null
                                ? "Changing the schema registry needs a platform-admin credential: send "
                                        + "'Authorization: Bearer <token or API key>'"
                                : "The credential was refused");
            }
            case FORBIDDEN -> refuse(request, response, 403, 40301, "auth.forbidden", "Forbidden",
                    "Only a platform-admin may " + request.getMethod() + " " + request.getRequestURI());
            case UNAVAILABLE -> {
                response.setHeader("Retry-After", "5");
                refuse(request, response, 503, 50301, "registry.credentials-unavailable", "Service Unavailable",
                        "The platform that checks credentials is still starting; retry shortly");
            }
        }
    }

    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean readOnlyPost = method.equals("POST")
                && (LOOKUP.matcher(path).matches() || path.startsWith("/compatibility/"));
        return !readOnlyPost;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, int errorCode,
            String code, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://dharma.io/problems/" + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        body.put("error_code", errorCode);
        body.put("message", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
