package io.dharma.security.apikeys;

import java.time.Instant;

/** What is known about an API key; never its secret. */
public record ApiKey(
        String keyId,
        String tenant,
        String role,
        String name,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean isLive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
