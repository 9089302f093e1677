package io.dharma.web;

import java.util.Set;

/**
 * Who a request acts for: the tenant whose data it reads and writes, the user acting and the
 * roles the credential grants.
 */
public record Caller(String tenant, String user, Set<String> roles) {

    public static final String PLATFORM_ADMIN = "platform-admin";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A caller without roles (header-based callers until authentication exists). */
    public Caller(String tenant, String user) {
        this(tenant, user, Set.of());
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PLATFORM_ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller may read data of the given tenant: its own, or any for a platform admin. */
    public boolean canSee(String tenant) {
        return isPlatformAdmin() || this.tenant.equals(tenant);
    }
}
