package io.dharma.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dharma.testing.TestIssuer;

/**
 * Load is sent as users of many tenants, each with a JWT from a stand-in IdP the platform under
 * load trusts: every request pays the real token validation, as a user's would. One token per
 * tenant, valid for longer than any run.
 */
final class BenchCredentials {

    private static final Map<String, String> HEADERS = new ConcurrentHashMap<>();

    private BenchCredentials() {
    }

    static String issuerUri() {
        return TestIssuer.get().issuerUri();
    }

    static String authorization(String tenant) {
        return HEADERS.computeIfAbsent(tenant, t -> "Bearer " + TestIssuer.get().token(Map.of("sub", "bench-" + t,
                "dharma_tenant", t, "dharma_roles", List.copyOf(TestIssuer.TENANT_ROLES)), TestIssuer.AUDIENCE,
                Duration.ofHours(6)));
    }
}
