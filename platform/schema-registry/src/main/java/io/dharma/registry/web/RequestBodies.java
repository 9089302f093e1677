package io.dharma.registry.web;

import io.dharma.registry.core.RegistryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies whatever Content-Type the client sent (or none), as Confluent accepts
 * JSON under its own media types, application/json and generic octet-stream requests.
 */
final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RequestBodies() {
    }

    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new RegistryException(400, 400, "The request body is empty; a JSON object is required");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new RegistryException(400, 400, "The request body is JSON null; a JSON object is required");
            }
            return value;
        } catch (JacksonException e) {
            throw new RegistryException(400, 400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
