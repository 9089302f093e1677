package io.dharma.registry.web;

import org.springframework.http.ResponseEntity;

/** A schema returned as-is (the {@code /schema} sub-resources), typed as registry JSON like Confluent does. */
final class RawJson {

    private RawJson() {
    }

    static ResponseEntity<String> of(String json) {
        return ResponseEntity.ok().contentType(ApiTypes.SCHEMA_REGISTRY_V1).body(json);
    }
}
