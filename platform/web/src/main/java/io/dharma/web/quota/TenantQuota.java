package io.dharma.web.quota;

/**
 * How much of one kind of thing a tenant holds, contributed as a bean by the service that owns
 * those things (intake: blueprints, orchestrator: deployments, ...). {@link Quotas} compares it
 * with the tenant's limit when something is created, and {@code GET /api/v1/usage} reports it.
 * A database-backed count runs in the caller's transaction, so the check sees what that
 * transaction sees.
 */
public interface TenantQuota {

    String BLUEPRINTS = "blueprints";
    String DEPLOYMENTS = "deployments";
    String POLICIES = "policies";
    String API_KEYS = "api-keys";
    String SSE_STREAMS = "sse-streams";

    /** One of the names above; the limit is {@code dharma.quotas.<name>}. */
    String name();

    long used(String tenant);
}
