package io.dharma.registry.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.MediaType;

/** Request and response bodies of the Confluent Schema Registry REST API, field for field. */
final class ApiTypes {

    static final MediaType SCHEMA_REGISTRY_V1 = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");
    static final MediaType SCHEMA_REGISTRY_DEFAULT = MediaType.parseMediaType("application/vnd.schemaregistry+json");

    private ApiTypes() {
    }

    /** Body of register, lookup and compatibility requests; unknown fields (metadata, ruleSet) are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaBody(String schema, String schemaType, List<Object> references) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigBody(String compatibility) {
    }

    record IdResponse(int id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SchemaResponse(String subject, Integer version, Integer id, String schema) {

        static SchemaResponse byId(String schema) {
            return new SchemaResponse(null, null, null, schema);
        }
    }

    record SubjectVersionResponse(String subject, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityResponse(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    record ConfigResponse(String compatibilityLevel) {
    }

    record ConfigUpdateResponse(String compatibility) {
    }

    record ModeResponse(String mode) {
    }

    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
    }
}
