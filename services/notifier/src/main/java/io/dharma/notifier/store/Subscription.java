package io.dharma.notifier.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's subscription. The secret is only ever held encrypted here; the delivery workers
 * decrypt it for the call that needs it.
 */
public record Subscription(UUID id, String tenantId, Target target, Filter filter, byte[] secretCiphertext,
        String createdBy, Instant createdAt) {

    /** Where notifications go, and the target's own settings (a Jira project key, ...). */
    public record Target(TargetKind kind, URI url, Map<String, String> options) {

        /** scheme://host:port: what one circuit breaker and one concurrency limit guard. */
        public String endpoint() {
            int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            return url.getScheme() + "://" + url.getHost() + ":" + port;
        }
    }

    /**
     * Which notifications: kinds, and blueprints and environments (null: any).
     */
    public record Filter(List<String> events, List<String> blueprintIds, List<String> environments) {
    }
}
