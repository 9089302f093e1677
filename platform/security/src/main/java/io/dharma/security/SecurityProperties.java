package io.dharma.security;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform authenticates its callers.
 *
 * @param issuers the OIDC issuers whose JWTs are accepted (a company IdP, the embedded issuer, or both)
 * @param corsAllowedOrigins browser origins allowed to call the API; empty allows none
 * @param bootstrapAdminKey the platform-admin API key to register at start ({@code DHARMA_BOOTSTRAP_ADMIN_KEY});
 *        when unset, one is generated if no live platform-admin key exists
 * @param adminKeyFile where a generated bootstrap key is written (mode 0600); unset writes none
 * @param bootstrapTenant the tenant the bootstrap key belongs to
 * @param openPaths paths anyone may read without a credential (probes and published contracts)
 */
@ConfigurationProperties("dharma.security")
public record SecurityProperties(
        @DefaultValue List<Issuer> issuers,
        @DefaultValue List<String> corsAllowedOrigins,
        String bootstrapAdminKey,
        Path adminKeyFile,
        @DefaultValue("default") String bootstrapTenant,
        @DefaultValue({"/actuator/health", "/actuator/health/**", "/actuator/info", "/livez", "/readyz",
                "/api/v1/openapi.yaml", "/api/v1/asyncapi.yaml"}) List<String> openPaths) {

    /**
     * One trusted issuer and how to read its tokens.
     *
     * @param issuerUri the {@code iss} its tokens carry; its discovery document gives the JWKS unless {@code jwkSetUri} is set
     * @param jwkSetUri where its signing keys are, to skip discovery
     * @param audience the {@code aud} a token must name
     * @param tenantClaim the claim holding the caller's tenant
     * @param rolesClaim the claim holding the caller's roles (a list or a space-separated string)
     * @param userClaim the claim naming the principal
     */
    public record Issuer(
            URI issuerUri,
            URI jwkSetUri,
            @DefaultValue("dharma") String audience,
            @DefaultValue("dharma_tenant") String tenantClaim,
            @DefaultValue("dharma_roles") String rolesClaim,
            @DefaultValue("sub") String userClaim) {
    }
}
