package io.dharma.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a credential grants: per tenant, except platform-admin, which acts across tenants. */
public enum Role {
    VIEWER("viewer"),
    DEVELOPER("developer"),
    APPROVER("approver"),
    POLICY_ADMIN("policy-admin"),
    TENANT_ADMIN("tenant-admin"),
    AUDITOR("auditor"),
    PLATFORM_ADMIN("platform-admin");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
