package io.dharma.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
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
                Duration.ofDays(7), Duration.ofMinutes(10), "dharma-cli", "dharma-console", 4))
                .hasMessageContaining("access-token-ttl");
    }

    private static IdentityProperties properties(String issuer) {
        return new IdentityProperties(issuer == null ? null : URI.create(issuer), "dharma", Duration.ofMinutes(15),
                Duration.ofDays(7), Duration.ofMinutes(10), "dharma-cli", "dharma-console", 4);
    }
}
