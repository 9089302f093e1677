package io.dharma.executor;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resource's attributes as events carry them (string values): the provider-neutral attributes
 * under their own names, strings as they are and anything else as JSON text (maps with sorted
 * keys, so equal values give equal text), and the provider-shaped details under
 * {@code provider.<name>}. In platform/executor because the orchestrator writes these attributes
 * into its events and the dry run (intake, ADR 0026) compares a blueprint's with them.
 */
public final class ResourceAttributes {

    public static final String PROVIDER_PREFIX = "provider.";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ResourceAttributes() {
    }

    public static Map<String, String> of(ActualResource resource) {
        Map<String, String> attributes = neutral(resource.attributes());
        resource.providerAttributes().forEach((name, value) -> attributes.put(PROVIDER_PREFIX + name, value));
        return attributes;
    }

    /** The attributes a deployment of {@code resource} records, before the provider adds its own. */
    public static Map<String, String> of(DesiredResource resource) {
        return neutral(resource.attributes());
    }

    private static Map<String, String> neutral(Map<String, Object> values) {
        Map<String, String> attributes = new TreeMap<>();
        values.forEach((name, value) ->
                attributes.put(name, value instanceof String text ? text : JSON.writeValueAsString(value)));
        return attributes;
    }
}
