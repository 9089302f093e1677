package io.dharma.sandbox.provider;

import io.dharma.blueprint.Cloud;
import io.dharma.executor.Stack;
import java.util.Map;

/**
 * Gives a resource the id and attributes its cloud would: ARNs on AWS, resource ids on Azure, self
 * links on GCP. Deterministic: the same stack and resource always get the same id, so tests and
 * demos can predict them and a re-read never changes them.
 */
public final class ProviderShapes {

    private final Map<Cloud, CloudShape> clouds = Map.of(
            Cloud.AWS, new AwsShape(),
            Cloud.AZURE, new AzureShape(),
            Cloud.GCP, new GcpShape());

    /**
     * The provider's view of a resource of {@code type} with the (valid, normalised) neutral
     * {@code attributes}; {@code neighbours} are the stack's other resources.
     *
     * @throws IllegalArgumentException for a cloud or type the sandbox does not simulate
     */
    public ProviderResource shape(Stack stack, String name, String type, Map<String, Object> attributes, Neighbours neighbours) {
        Cloud cloud = Cloud.fromId(stack.cloud())
                .orElseThrow(() -> new IllegalArgumentException("the sandbox has no cloud '" + stack.cloud() + "'"));
        return clouds.get(cloud).shape(new ResourceFacts(stack, cloud, name, type, attributes, neighbours));
    }
}
