package io.dharma.orchestrator.state;

/**
 * A blueprint as the orchestrator knows it.
 *
 * @param latestVersion highest version seen on any input topic
 * @param destroyedThrough versions up to this one never deploy: a destroy was requested after them
 */
public record BlueprintRow(String blueprintId, String tenantId, int latestVersion, int destroyedThrough) {

    /** True when {@code version} may still start a deployment. */
    public boolean isCurrent(int version) {
        return version >= latestVersion && version > destroyedThrough;
    }
}
