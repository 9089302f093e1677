package io.dharma.identity.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The device-flow pages a signed-in user sees: {@code /activate} (the verification URI a device
 * shows; {@code ?user_code=} pre-fills the code) and {@code /activated}. The form posts to Spring
 * Authorization Server's verification endpoint, which approves the device at once (the CLI client
 * needs no consent). Approving takes this form and its CSRF token: the endpoint's own GET, which
 * would approve from a mere link, is refused, and its POST must carry the token that Spring
 * exempts its endpoints from ({@link #authenticatedWithCsrfToken}).
 */
final class ActivationPages extends OncePerRequestFilter {

    static final String ACTIVATE = "/activate";
    static final String ACTIVATED = "/activated";

    private static final RequestMatcher ACTIVATE_PAGE = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ACTIVATE);
    private static final RequestMatcher ACTIVATED_PAGE = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ACTIVATED);

    private final String verificationEndpoint;

    ActivationPages(String verificationEndpoint) {
        this.verificationEndpoint = verificationEndpoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ACTIVATE_PAGE.matches(request)) {
            write(response, page("Activate a device", activateForm(request)));
        } else if (ACTIVATED_PAGE.matches(request)) {
            write(response, page("Device activated",
                    "<p>The device is signed in as <b>" + user(request) + "</b>. You can close this page and return to it.</p>"));
        } else {
            chain.doFilter(request, response);
        }
    }

    private String activateForm(HttpServletRequest request) {
        String code = request.getParameter("user_code");
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return """
                <p>Signed in as <b>%s</b>. Enter the code your device shows, and activate it only if you
                started this login yourself: the device will act as you.</p>
                <form method="post" action="%s">
                  <p><label for="user_code">Code</label>
                  <input type="text" id="user_code" name="user_code" value="%s" autocomplete="off" required autofocus></p>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit" class="primary">Activate</button>
                </form>""".formatted(user(request), HtmlUtils.htmlEscape(request.getContextPath() + verificationEndpoint),
                code == null ? "" : HtmlUtils.htmlEscape(code),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static String user(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "" : HtmlUtils.htmlEscape(request.getUserPrincipal().getName());
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s · Dharma</title>
                <link href="/default-ui.css" rel="stylesheet"></head>
                <body><div class="content"><h2>%1$s</h2>
                %2$s
                </div></body></html>
                """.formatted(title, body);
    }

    private static void write(HttpServletResponse response, String html) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }

    /** Grants a request of a signed-in user that carries the session's CSRF token. */
    static AuthorizationManager<RequestAuthorizationContext> authenticatedWithCsrfToken(CsrfTokenRepository tokens) {
        AuthenticatedAuthorizationManager<RequestAuthorizationContext> authenticated =
                AuthenticatedAuthorizationManager.authenticated();
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                AuthorizationResult signedIn = authenticated.authorize(authentication, context);
                if (signedIn == null || !signedIn.isGranted()) {
                    return signedIn;
                }
                HttpServletRequest request = context.getRequest();
                CsrfToken expected = tokens.loadToken(request);
                String actual = expected == null ? null : handler.resolveCsrfTokenValue(request, expected);
                return new AuthorizationDecision(actual != null && MessageDigest.isEqual(
                        expected.getToken().getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8)));
            }
        };
    }
}
