package io.dharma.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.dharma.events.SecurityEventKind;
import io.dharma.web.Caller;

/**
 * One thing worth a security audit record: what happened ({@code kind}), in which tenant, who did it
 * and to what. Becomes a {@code dharma.security.v1} event.
 *
 * <pre>{@code
 * events.record(SecurityAction.by(caller, SecurityEventKind.API_KEY_CREATED, tenant, keyId).with("role", role));
 * }</pre>
 *
 * @param actor       the principal who did it; null when nobody was authenticated (a failed login)
 * @param actorTenant the actor's tenant when it is not {@code tenant} (a platform admin elsewhere); else null
 */
public record SecurityAction(SecurityEventKind kind, String tenant, String actor, String actorTenant, String subject,
        Map<String, String> details) {

    public SecurityAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        details = Map.copyOf(details);
        if (tenant.equals(actorTenant)) {
            actorTenant = null;
        }
    }

    /** Done by an authenticated caller of the API. */
    public static SecurityAction by(Caller caller, SecurityEventKind kind, String tenant, String subject) {
        return new SecurityAction(kind, tenant, caller.user(), caller.tenant(), subject, Map.of());
    }

    /** Done by a principal known by name only (a user of the embedded issuer). */
    public static SecurityAction byUser(String user, String userTenant, SecurityEventKind kind, String tenant,
            String subject) {
        return new SecurityAction(kind, tenant, user, userTenant, subject, Map.of());
    }

    /** Attempted by nobody authenticated. */
    public static SecurityAction anonymous(SecurityEventKind kind, String tenant, String subject) {
        return new SecurityAction(kind, tenant, null, null, subject, Map.of());
    }

    /** This action with one more detail; a null value adds nothing. */
    public SecurityAction with(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new SecurityAction(kind, tenant, actor, actorTenant, subject, more);
    }
}
