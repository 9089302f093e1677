package io.dharma.security;

/**
 * Where the platform reports what changes access and governance: logins, API keys, users and roles,
 * guardrail policies, deployment decisions. With the platform outbox present each action becomes a
 * {@code dharma.security.v1} event, written in the caller's database transaction when there is one;
 * without it, a log line. Implementations never throw for a reason of their own making.
 */
public interface SecurityEvents {

    void record(SecurityAction action);
}
