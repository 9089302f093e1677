package io.dharma.orchestrator.deployment;

import io.dharma.blueprint.validation.BlueprintMapper;
import io.dharma.executor.DesiredState;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.Deployment;

/**
 * What a deployment hands its executor: the stack, and the configuration of the deployment's
 * version (its desired state and the Terraform the generator published for it). A destroy runs
 * with the configuration of the version it tears down, whose providers Terraform needs.
 */
public class StackConfigurations {

    private final BlueprintJoinStore blueprints;

    public StackConfigurations(BlueprintJoinStore blueprints) {
        this.blueprints = blueprints;
    }

    /**
     * Runs in the caller's transaction.
     *
     * @throws IllegalArgumentException when the version's blueprint cannot be turned into a desired state
     */
    public StackConfiguration of(Deployment deployment) {
        String json = deployment.blueprintJson() != null ? deployment.blueprintJson()
                : blueprints.blueprintJson(deployment.blueprintId(), deployment.blueprintVersion()).orElse(null);
        DesiredState desired;
        try {
            desired = json == null ? DesiredState.EMPTY : DesiredStates.from(BlueprintMapper.fromCanonicalJson(json));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the blueprint version cannot be turned into a desired state: " + e.getMessage(), e);
        }
        return new StackConfiguration(desired,
                blueprints.generatedTerraform(deployment.blueprintId(), deployment.blueprintVersion()).orElse(null));
    }

    public static Stack stackOf(Deployment deployment) {
        return new Stack(deployment.tenantId(), deployment.blueprintId(), deployment.blueprintName(), deployment.cloud(),
                deployment.region());
    }
}
