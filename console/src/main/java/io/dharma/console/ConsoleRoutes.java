package io.dharma.console;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The paths the console owns. Each page is a client route of the single-page application, answered
 * with index.html so a reload or a shared link lands on the right page; they are listed one by one
 * (not "everything but /api") so an unknown path still meets the API chain's default (platform-admin
 * only) and no future server path is shadowed by the console.
 */
public final class ConsoleRoutes {

    /** Where the Vite build puts the console in the jar; not one of Boot's static locations. */
    public static final String LOCATION = "META-INF/dharma-console/";

    public static final List<String> PAGES = List.of(
            "/",
            "/callback",
            "/blueprints",
            "/blueprints/{id}",
            "/submit",
            "/tracking/{id}",
            "/deployments/{id}",
            "/approvals",
            "/policies",
            "/costs",
            "/drift");

    public static final String ASSETS = "/assets/**";
    public static final String FAVICON = "/favicon.svg";

    private ConsoleRoutes() {
    }

    /** GET and HEAD of the pages and the static files: what anyone may fetch without a credential. */
    public static RequestMatcher publicFiles() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Stream.concat(PAGES.stream(), Stream.of(ASSETS, FAVICON))
                .flatMap(path -> Stream.of(paths.matcher(HttpMethod.GET, path), paths.matcher(HttpMethod.HEAD, path)))
                .toArray(RequestMatcher[]::new));
    }
}
