package io.dharma.security;

import io.dharma.web.Caller;

/**
 * What the platform reports about access: who created or revoked a key, who changed what they may
 * do. The default writes to the log; with Kafka present each becomes a {@code dharma.security.v1} event.
 */
public interface SecurityEvents {

    void apiKeyCreated(Caller actor, String keyId, String tenant, String role);

    void apiKeyRevoked(Caller actor, String keyId, String tenant);

    /** Anything else worth an audit record: a kind ({@code policy.disabled}), its subject and a detail. */
    void recorded(Caller actor, String kind, String subject, String detail);
}
