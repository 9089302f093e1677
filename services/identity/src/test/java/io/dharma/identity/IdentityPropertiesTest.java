package io.dharma.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.dharma.identity.server.PlatformClients;
import org.junit.jupiter.api.Test;

class IdentityPropertiesTest {

    @Test
    void theIssuerIsAnAbsoluteUrlWithoutPathAndSpelledWithoutTrailingSlash() {
        assertThat(properties("http://localhost:8080/").issuerUrl()).isEqualTo("http://localhost:8080");
        assertThatThrownBy(() -> properties("localhost:8080")).hasMessageContaining("dharma.identity.issuer");
        assertThatThrownBy(() -> properties("https://idp.example.com/dharma")).hasMessageContaining("no path");
        assertThatThrownBy(() -> properties(null)).hasMessageContaining("dharma.identity.issuer");
    }

    @Test
    void lifetimesMustBePositive() {
        assertThatThrownBy(() -> new IdentityProperties(URI.create("http://localhost:8080"), "dharma", Duration.ZERO,
                Duration.ofDays(7), Duration.ofMinutes(10), "dharma-cli", "dharma-console", 4, null))
                .hasMessageContaining("access-token-ttl");
    }

    @Test
    void theConsoleMayReturnToTheIssuerToLoopbackAndToEachConfiguredOrigin() {
        IdentityProperties launcher = properties("http://localhost:8080");
        assertThat(PlatformClients.console(launcher).getRedirectUris())
                .containsExactlyInAnyOrder("http://localhost:8080/callback", "http://127.0.0.1/callback");

        IdentityProperties behindAGateway = withConsoleOrigins(List.of(URI.create("https://dharma.example.com/"), URI.create("http://localhost:8000")));
        assertThat(PlatformClients.console(behindAGateway).getRedirectUris()).containsExactlyInAnyOrder("http://localhost:9000/callback",
                "http://127.0.0.1/callback", "https://dharma.example.com/callback", "http://localhost:8000/callback");

        assertThatThrownBy(() -> withConsoleOrigins(List.of(URI.create("https://dharma.example.com/console"))))
                .hasMessageContaining("console-origins");
        assertThatThrownBy(() -> withConsoleOrigins(List.of(URI.create("dharma.example.com"))))
                .hasMessageContaining("console-origins");
    }

    private static IdentityProperties withConsoleOrigins(List<URI> origins) {
        return new IdentityProperties(URI.create("http://localhost:9000"), "dharma", Duration.ofMinutes(15),
                Duration.ofDays(7), Duration.ofMinutes(10), "dharma-cli", "dharma-console", 4, origins);
    }

    private static IdentityProperties properties(String issuer) {
        return new IdentityProperties(issuer == null ? null : URI.create(issuer), "dharma", Duration.ofMinutes(15),
                Duration.ofDays(7), Duration.ofMinutes(10), "dharma-cli", "dharma-console", 4, null);
    }
}
