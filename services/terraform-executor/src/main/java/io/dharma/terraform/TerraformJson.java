package io.dharma.terraform;

import io.dharma.executor.ActualResource;
import io.dharma.executor.StackConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Terraform's JSON representation of a state ({@code show -json}, or a plan's
 * {@code prior_state}): its resources and its outputs. Only managed resources count (data
 * sources are read, not deployed). Attributes are the resource's top-level values, strings as they
 * are and anything else as JSON text; an attribute Terraform marks sensitive anywhere inside is
 * left out, and so is a sensitive output.
 */
final class TerraformJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TerraformJson() {
    }

    /** The managed resources of a state ({@code values} of {@code show -json}, or a plan's {@code prior_state.values}). */
    static List<ActualResource> resources(JsonNode stateValues, StackConfiguration configuration) {
        List<ActualResource> resources = new ArrayList<>();
        collect(stateValues.path("root_module"), configuration, resources);
        return resources;
    }

    private static void collect(JsonNode module, StackConfiguration configuration, List<ActualResource> into) {
        for (JsonNode resource : module.path("resources")) {
            if (!"managed".equals(resource.path("mode").asString())) {
                continue;
            }
            String address = resource.path("address").asString();
            String resourceName = resourceNameOf(address, configuration);
            JsonNode values = resource.path("values");
            into.add(new ActualResource(address, resourceName, configuration.typeOf(resourceName), providerIdOf(values),
                    attributes(values, resource.path("sensitive_values")), Map.of()));
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, configuration, into);
        }
    }

    /**
     * The resources as a plan (made to observe, never applied) sees them after its refresh, each
     * with the attributes the plan would change back to the configuration: drift is what Terraform
     * itself would correct. Attributes that changed only because another resource manages them (a
     * security group's rules, a bucket's versioning block) or that the provider recomputes or
     * normalises (timestamps, tags read back as {@code {}}) are not drift. A resource gone from the
     * cloud is not in the result.
     */
    static List<ActualResource> observed(JsonNode plan, StackConfiguration configuration) {
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        for (JsonNode change : plan.path("resource_changes")) {
            pending.put(change.path("address").asString(), change.path("change"));
        }
        List<ActualResource> observed = new ArrayList<>();
        for (ActualResource refreshed : resources(plan.path("prior_state").path("values"), configuration)) {
            JsonNode change = pending.get(refreshed.address());
            Set<String> drifted = new TreeSet<>();
            if (change != null) {
                for (String name : change.path("after").propertyNames()) {
                    if (!change.path("before").path(name).equals(change.path("after").get(name))
                            && !change.path("after_unknown").path(name).asBoolean(false)
                            && refreshed.attributes().containsKey(name)) {
                        drifted.add(name);
                    }
                }
            }
            observed.add(new ActualResource(refreshed.address(), refreshed.name(), refreshed.type(), refreshed.providerId(),
                    refreshed.attributes(), refreshed.providerAttributes(), drifted));
        }
        return observed;
    }

    /** The cloud's id of a resource: its ARN where it has one (AWS), else Terraform's id. */
    static String providerIdOf(JsonNode values) {
        for (String name : List.of("arn", "id")) {
            JsonNode value = values.path(name);
            if (value.isString() && !value.asString().isEmpty()) {
                return value.asString();
            }
        }
        return null;
    }

    /** Top-level attributes as events carry them: sorted, sensitive ones left out. */
    static Map<String, Object> attributes(JsonNode values, JsonNode sensitive) {
        Map<String, Object> attributes = new TreeMap<>();
        for (String name : values.propertyNames()) {
            if (containsTrue(sensitive.path(name))) {
                continue;
            }
            JsonNode value = values.get(name);
            attributes.put(name, value.isString() ? value.asString() : value.isNull() ? "null" : JSON.writeValueAsString(value));
        }
        return attributes;
    }

    /** Non-sensitive outputs ({@code show -json} state {@code values.outputs}), as strings. */
    static Map<String, String> outputs(JsonNode outputs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : outputs.propertyNames()) {
            JsonNode output = outputs.get(name);
            if (output.path("sensitive").asBoolean(false)) {
                continue;
            }
            JsonNode value = output.path("value");
            result.put(name, value.isString() ? value.asString() : JSON.writeValueAsString(value));
        }
        return result;
    }

    private static boolean containsTrue(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        for (JsonNode child : node) {
            if (containsTrue(child)) {
                return true;
            }
        }
        return false;
    }

    /** The blueprint resource of an address; the resource part of the address when the generator did not list it. */
    static String resourceNameOf(String address, StackConfiguration configuration) {
        return configuration.generated().flatMap(terraform -> terraform.resourceNameOf(address))
                .orElseGet(() -> {
                    String withoutIndex = address.contains("[") ? address.substring(0, address.indexOf('[')) : address;
                    return withoutIndex.substring(withoutIndex.lastIndexOf('.') + 1);
                });
    }
}
