package io.dharma.orchestrator.worker;

import io.dharma.executor.ActualResource;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resource's attributes as events carry them (string values): the provider-neutral attributes
 * under their own names, strings as they are and anything else as JSON text (maps with sorted
 * keys, so equal values give equal text), and the provider-shaped details under
 * {@code provider.<name>}.
 */
public final class ResourceAttributes {

    public static final String PROVIDER_PREFIX = "provider.";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ResourceAttributes() {
    }

    public static Map<String, String> of(ActualResource resource) {
        Map<String, String> attributes = new TreeMap<>();
        resource.attributes().forEach((name, value) ->
                attributes.put(name, value instanceof String text ? text : JSON.writeValueAsString(value)));
        resource.providerAttributes().forEach((name, value) -> attributes.put(PROVIDER_PREFIX + name, value));
        return attributes;
    }
}
