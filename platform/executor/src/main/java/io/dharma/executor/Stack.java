package io.dharma.executor;

import java.util.Objects;

/**
 * The unit an executor manages: everything one blueprint deploys, for one tenant, in one cloud
 * and region. A blueprint's versions all deploy into the same stack, so version 2 updates what
 * version 1 created.
 *
 * @param cloud "aws", "azure" or "gcp"
 */
public record Stack(String tenantId, String blueprintId, String blueprintName, String cloud, String region) {

    public Stack {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(blueprintId, "blueprintId");
        Objects.requireNonNull(blueprintName, "blueprintName");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
    }
}
