package io.dharma.launcher.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code --tenant} of the access commands: the tenant acted on, else the caller's own (the API's default). */
final class TenantOption {

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Tenant (default: yours).")
    String tenant;

    /** {@code path}, narrowed to the chosen tenant when one is given. */
    String query(String path) {
        return tenant == null ? path : path + "?tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
    }

    /** Names the chosen tenant in a request body; without one the API takes the caller's. */
    void putInto(ObjectNode body) {
        if (tenant != null) {
            body.put("tenant", tenant);
        }
    }
}
