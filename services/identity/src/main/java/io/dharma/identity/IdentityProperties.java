package io.dharma.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded OpenID Connect issuer ({@code dharma.identity.*}). The module is active
 * only when {@code dharma.identity.issuer} is set; every other value has its default here.
 *
 * @param issuer the issuer URL tokens name ({@code iss}) and discovery publishes, e.g.
 *        {@code http://localhost:8080}: the URL clients reach this server at (scheme, host, port)
 * @param audience the {@code aud} of every access token; resource servers accept only this value
 * @param accessTokenTtl lifetime of an access token (a signed JWT, valid until it expires)
 * @param refreshTokenTtl lifetime of a refresh token; each use rotates it
 * @param deviceCodeTtl time a user has to approve a device login at {@code /activate}
 * @param cliClientId client id of the command-line client (public client: device flow, PKCE)
 * @param consoleClientId client id of the web console (public client: authorization code with PKCE,
 *        redirected to {@code <issuer>/callback})
 * @param poolSize connections of the identity schema's own small pool
 * @param consoleOrigins further origins the console is served at, e.g. {@code https://dharma.example.com}
 *        behind a gateway or ingress while the issuer is reached at another URL: the console's
 *        sign-in may return to {@code <origin>/callback} for each (ADR 0027); the issuer's own
 *        origin and 127.0.0.1 always may
 */
@ConfigurationProperties("dharma.identity")
public record IdentityProperties(
        URI issuer,
        @DefaultValue("dharma") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("10m") Duration deviceCodeTtl,
        @DefaultValue("dharma-cli") String cliClientId,
        @DefaultValue("dharma-console") String consoleClientId,
        @DefaultValue("4") int poolSize,
        List<URI> consoleOrigins) {

    public IdentityProperties {
        if (issuer == null || !issuer.isAbsolute() || issuer.getHost() == null) {
            throw new IllegalArgumentException("dharma.identity.issuer must be an absolute http(s) URL, e.g. http://localhost:8080");
        }
        if (issuer.getRawQuery() != null || issuer.getRawFragment() != null
                || !(issuer.getRawPath() == null || issuer.getRawPath().isEmpty() || issuer.getRawPath().equals("/"))) {
            // the endpoints are served at the root (/oauth2/token, ...), so the issuer has no path
            throw new IllegalArgumentException("dharma.identity.issuer must have no path, query or fragment");
        }
        requirePositive(accessTokenTtl, "access-token-ttl");
        requirePositive(refreshTokenTtl, "refresh-token-ttl");
        requirePositive(deviceCodeTtl, "device-code-ttl");
        consoleOrigins = consoleOrigins == null ? List.of() : List.copyOf(consoleOrigins);
        for (URI origin : consoleOrigins) {
            if (!origin.isAbsolute() || origin.getHost() == null || origin.getRawQuery() != null || origin.getRawFragment() != null
                    || !(origin.getRawPath() == null || origin.getRawPath().isEmpty() || origin.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("dharma.identity.console-origins: " + origin
                        + " is not an origin (scheme, host and port only, e.g. https://dharma.example.com)");
            }
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("dharma.identity.pool-size must be at least 1");
        }
    }

    /** The issuer as tokens and discovery spell it (no trailing slash). */
    public String issuerUrl() {
        return withoutTrailingSlash(issuer);
    }

    /** Where the console's sign-in may return: the issuer's origin first, then each configured console origin. */
    public List<String> consoleCallbackOrigins() {
        return Stream.concat(Stream.of(issuerUrl()), consoleOrigins.stream().map(IdentityProperties::withoutTrailingSlash))
                .distinct().toList();
    }

    private static String withoutTrailingSlash(URI uri) {
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("dharma.identity." + name + " must be positive");
        }
    }
}
