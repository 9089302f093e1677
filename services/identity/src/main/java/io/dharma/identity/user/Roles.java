package io.dharma.identity.user;

import java.util.List;

/** The roles a Dharma credential can carry ({@code dharma_roles}); tenant-scoped except platform-admin. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String DEVELOPER = "developer";
    public static final String APPROVER = "approver";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String AUDITOR = "auditor";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static final List<String> ALL =
            List.of(VIEWER, DEVELOPER, APPROVER, POLICY_ADMIN, TENANT_ADMIN, AUDITOR, PLATFORM_ADMIN);

    private Roles() {
    }
}
