package io.dharma.web;

import java.util.Set;

/**
 * Who a request acts for, as its credential says: the tenant whose data it reads and writes, the
 * authenticated principal, and the roles the credential grants in that tenant.
 */
public record Caller(String tenant, String user, Set<String> roles) {

    /** The request attribute under which the security filter chain leaves the authenticated caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public static final String PLATFORM_ADMIN = "platform-admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PLATFORM_ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || isPlatformAdmin();
    }

    /** Whether this caller may act on data of {@code otherTenant}: its own tenant, or any for platform-admin. */
    public boolean canSee(String otherTenant) {
        return tenant.equals(otherTenant) || isPlatformAdmin();
    }
}
