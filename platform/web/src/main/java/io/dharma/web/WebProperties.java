package io.dharma.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultTenant tenant of requests without an X-Dharma-Tenant header (until authentication exists)
 * @param defaultUser user of requests without an X-Dharma-User header (until authentication exists)
 * @param retryAfter what a 503 tells clients to wait before retrying
 */
@ConfigurationProperties("dharma.web")
public record WebProperties(
        @DefaultValue("default") String defaultTenant,
        @DefaultValue("local-user") String defaultUser,
        @DefaultValue("5s") Duration retryAfter) {
}
