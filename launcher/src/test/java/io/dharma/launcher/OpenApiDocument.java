package io.dharma.launcher;

import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed OpenAPI document ({@code contracts/openapi.yaml}) as a test reads it: its routes,
 * and what it declares for a response, checked with the OpenAPI 3.1 JSON Schema dialect. The whole
 * document is registered as one schema resource, so a response schema is a JSON Pointer into it and
 * its {@code #/components/schemas/...} references resolve as they would for any OpenAPI tool.
 */
final class OpenApiDocument {

    static final Path LOCATION = Path.of("../contracts/openapi.yaml");

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static final String BASE_URI = "https://dharma.io/contracts/openapi.json";
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final String RESPONSE_REF_PREFIX = "#/components/responses/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE_URI, JSON.writeValueAsString(document))));
    }

    static OpenApiDocument load() throws Exception {
        return new OpenApiDocument(YAMLMapper.builder().build().readTree(Files.readString(LOCATION)));
    }

    JsonNode root() {
        return document;
    }

    /** Every operation as {@code "GET /api/v1/tracking/{}"}: path variables as {@code {}}. */
    Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                routes.add(route(operation.getKey(), path.getKey()));
            }
        }));
        return routes;
    }

    static String route(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
    }

    /** The response object (a {@code #/components/responses} reference followed) an operation declares for a status. */
    JsonNode response(String method, String pathTemplate, int status) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no operation " + method + " " + pathTemplate);
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            throw new AssertionError(method + " " + pathTemplate + " answered " + status
                    + ", a status the document does not declare (it declares "
                    + operation.path("responses").propertyNames() + ")");
        }
        return resolveResponse(response);
    }

    JsonNode resolveResponse(JsonNode response) {
        String ref = response.path("$ref").asString("");
        if (ref.isEmpty()) {
            return response;
        }
        if (!ref.startsWith(RESPONSE_REF_PREFIX)) {
            throw new AssertionError("unsupported response reference " + ref);
        }
        return document.path("components").path("responses").path(ref.substring(RESPONSE_REF_PREFIX.length()));
    }

    /**
     * Checks a real answer against the document: the status is declared, the Content-Type is one of
     * the declared media types, declared required headers are present and the JSON body is valid
     * against the declared schema. Returns the problems found, empty when they agree.
     */
    List<String> check(String method, String pathTemplate, int status, HttpHeaders headers, String body) {
        JsonNode response = response(method, pathTemplate, status);
        String where = method + " " + pathTemplate + " " + status;
        List<String> problems = new ArrayList<>();
        response.path("headers").properties().forEach(header -> {
            JsonNode declared = header.getValue();
            if (declared.has("$ref")) {
                declared = document.at(declared.get("$ref").asString().substring(1));
            }
            if (declared.path("required").asBoolean(false) && headers.firstValue(header.getKey()).isEmpty()) {
                problems.add(where + ": required header " + header.getKey() + " is missing");
            }
        });
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(where + ": the document declares no body, the answer has one: " + body);
            }
            return problems;
        }
        String contentType = headers.firstValue("Content-Type").map(OpenApiDocument::mediaType).orElse("");
        JsonNode media = content.path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + ": Content-Type '" + contentType + "' is not one of the declared " + content.propertyNames());
            return problems;
        }
        if (contentType.equals("application/json") || contentType.endsWith("+json")) {
            schemaOf(where, media).validate(JSON.readTree(body)).stream()
                    .map(error -> where + ": " + describe(error) + "\n    body: " + abbreviate(body))
                    .forEach(problems::add);
        }
        return problems;
    }

    /** Validates a JSON value against a named schema, {@code components/schemas/<name>}. */
    List<String> validate(String schemaName, String json) {
        return schema(SCHEMA_REF_PREFIX + schemaName).validate(JSON.readTree(json)).stream()
                .map(error -> schemaName + ": " + describe(error) + "\n    value: " + abbreviate(json)).toList();
    }

    private Schema schemaOf(String where, JsonNode media) {
        String ref = media.path("schema").path("$ref").asString("");
        if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
            throw new AssertionError(where + ": a response body's schema must be a $ref to " + SCHEMA_REF_PREFIX
                    + "..., so the test can point the validator at it; found " + media.path("schema"));
        }
        return schema(ref);
    }

    private Schema schema(String ref) {
        return loaded.computeIfAbsent(ref, key -> {
            Schema schema = schemas.getSchema(SchemaLocation.of(BASE_URI + key));
            schema.initializeValidators();
            return schema;
        });
    }

    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + " " + error.getMessage() + " (" + error.getSchemaLocation() + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
