package io.dharma.security.jwt;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dharma.security.CallerAuthentication;
import io.dharma.security.Role;
import io.dharma.security.SecurityProperties.Issuer;
import io.dharma.web.Caller;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * JWTs from the configured issuers: the token's {@code iss} picks the issuer (Spring Security's
 * {@link JwtIssuerAuthenticationManagerResolver}), whose keys, audience and claim names then
 * decide the {@link Caller}. An issuer not configured is refused before any key is fetched.
 */
public final class IssuerTokens {

    private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");

    private IssuerTokens() {
    }

    public static AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> resolver(List<Issuer> issuers) {
        Map<String, Issuer> byUri = issuers.stream()
                .collect(Collectors.toMap(issuer -> issuer.issuerUri().toString(), Function.identity()));
        Map<String, AuthenticationManager> managers = new java.util.concurrent.ConcurrentHashMap<>();
        return new JwtIssuerAuthenticationManagerResolver(issuerUri -> {
            Issuer issuer = byUri.get(issuerUri);
            return issuer == null ? null : managers.computeIfAbsent(issuerUri, uri -> manager(issuer));
        });
    }

    static AuthenticationManager manager(Issuer issuer) {
        JwtDecoder decoder = new VerifiedTokens(decoder(issuer), Clock.systemUTC());
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> new CallerAuthentication(callerOf(jwt, issuer), "jwt"));
        return provider::authenticate;
    }

    private static JwtDecoder decoder(Issuer issuer) {
        String issuerUri = issuer.issuerUri().toString();
        if (issuer.jwkSetUri() == null) {
            NimbusJwtDecoder discovered = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuerUri);
            discovered.setJwtValidator(validator(issuer));
            return discovered;
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString()).build();
        decoder.setJwtValidator(validator(issuer));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(Issuer issuer) {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(issuer.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for audience '" + issuer.audience() + "'", null));
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.issuerUri().toString()), audience);
    }

    static Caller callerOf(Jwt jwt, Issuer issuer) {
        String tenant = jwt.getClaimAsString(issuer.tenantClaim());
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new InvalidBearerTokenException("The token has no valid '" + issuer.tenantClaim() + "' claim");
        }
        String user = jwt.getClaimAsString(issuer.userClaim());
        if (user == null || user.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + issuer.userClaim() + "' claim");
        }
        return new Caller(tenant, user, roles(jwt.getClaims().get(issuer.rolesClaim())));
    }

    /** Known role names from a list claim or a space-separated string; unknown names grant nothing. */
    private static Set<String> roles(Object claim) {
        Collection<?> names = switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list;
            case String text -> List.of(text.trim().split("\\s+"));
            default -> List.of();
        };
        Set<String> roles = new LinkedHashSet<>();
        for (Object name : names) {
            Role.of(String.valueOf(name)).ifPresent(role -> roles.add(role.id()));
        }
        return roles;
    }
}
