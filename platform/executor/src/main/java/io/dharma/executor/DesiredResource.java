package io.dharma.executor;

import java.util.List;
import java.util.Map;

/**
 * One resource as the blueprint wants it.
 *
 * @param name the blueprint's resource name, unique in the stack
 * @param type catalogue type, for example "compute.instance"
 * @param attributes provider-neutral properties with catalogue defaults applied (plain JSON values:
 *        String, Number, Boolean, List, Map); the executor compares these with the actual ones
 * @param dependsOn names of resources this one needs first (explicit dependsOn and references)
 */
public record DesiredResource(String name, String type, Map<String, Object> attributes, List<String> dependsOn) {

    public DesiredResource {
        attributes = Map.copyOf(attributes);
        dependsOn = List.copyOf(dependsOn);
    }
}
