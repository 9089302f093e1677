package io.dharma.orchestrator.deployment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deployment ids. A version's deployment id is derived from the version, so reprocessing never opens a second one. */
public final class DeploymentIds {

    private DeploymentIds() {
    }

    public static UUID forVersion(String blueprintId, int version) {
        return UUID.nameUUIDFromBytes(("dharma-deployment|" + blueprintId + "|" + version).getBytes(StandardCharsets.UTF_8));
    }
}
