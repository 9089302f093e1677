package io.dharma.security;

import io.dharma.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Security events as log lines, where no Kafka publisher is configured. */
final class LoggedSecurityEvents implements SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("io.dharma.security.events");

    @Override
    public void apiKeyCreated(Caller actor, String keyId, String tenant, String role) {
        log.info("api-key.created key={} tenant={} role={} by={}", keyId, tenant, role, actor.user());
    }

    @Override
    public void apiKeyRevoked(Caller actor, String keyId, String tenant) {
        log.info("api-key.revoked key={} tenant={} by={}", keyId, tenant, actor.user());
    }

    @Override
    public void recorded(Caller actor, String kind, String subject, String detail) {
        log.info("{} subject={} tenant={} by={} {}", kind, subject, actor.tenant(), actor.user(), detail);
    }
}
