package io.dharma.console;

import java.time.Duration;

import io.dharma.security.DharmaSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the web console (ADR 0027) at {@code /}: its pages answer index.html (never cached, so a
 * new build is picked up at once), its content-hashed assets are cached for a year as immutable.
 * The files are public; everything they call ({@code /api/**}) stays behind the API chain's bearer
 * check. Its own small security chain, for the console's files only, sends a Content-Security-Policy
 * that lets a page load and call only its own origin. Off with {@code dharma.console.enabled=false},
 * and absent when the jar was built without its assets.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "dharma.console", name = "enabled", matchIfMissing = true)
@ConditionalOnResource(resources = "classpath:" + ConsoleRoutes.LOCATION + "index.html")
public class ConsoleAutoConfiguration {

    /** Before the API chain, which matches every other path. */
    public static final int CHAIN_ORDER = DharmaSecurityAutoConfiguration.CHAIN_ORDER - 10;

    /** Scripts, styles, fonts, images and calls from this origin only; no framing, no plugins. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(ConsoleRoutes.publicFiles())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        // the handlers below set Cache-Control per file; Spring's default would forbid caching
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    RouterFunction<ServerResponse> consoleRouterFunction() {
        Resource index = new ClassPathResource(ConsoleRoutes.LOCATION + "index.html");
        Resource favicon = new ClassPathResource(ConsoleRoutes.LOCATION + "favicon.svg");
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String page : ConsoleRoutes.PAGES) {
            routes.GET(page, request -> ServerResponse.ok()
                    .cacheControl(CacheControl.noCache())
                    .contentType(MediaType.TEXT_HTML)
                    .body(index));
        }
        routes.GET(ConsoleRoutes.FAVICON, request -> ServerResponse.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(favicon));
        routes.resources(ConsoleRoutes.ASSETS, new ClassPathResource(ConsoleRoutes.LOCATION + "assets/"),
                (resource, headers) -> headers.setCacheControl(IMMUTABLE.getHeaderValue()));
        return routes.build();
    }
}
