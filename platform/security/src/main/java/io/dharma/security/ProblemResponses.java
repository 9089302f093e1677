package io.dharma.security;

import java.io.IOException;

import io.dharma.web.ApiError;
import io.dharma.web.CommonApiError;
import io.dharma.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as every other Dharma error: RFC 9457 problem+json with a stable code, plus the
 * {@code WWW-Authenticate} header RFC 6750 asks for (set by Spring Security's bearer-token handlers).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    ProblemResponses() {
        challenge.setRealmName("dharma");
        denied.setRealmName("dharma");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        String detail = request.getHeader("Authorization") == null
                ? "This operation needs a credential: send 'Authorization: Bearer <token or API key>'"
                : "The credential was refused: " + failure.getMessage();
        write(request, response, CommonApiError.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
            throws IOException {
        denied.handle(request, response, failure);
        write(request, response, CommonApiError.FORBIDDEN, "Your role does not allow " + request.getMethod() + " "
                + request.getRequestURI());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ApiError error, String detail)
            throws IOException {
        Problems.write(request, response, Problems.of(error, detail));
    }
}
