package io.dharma.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.avro.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Confluent Schema Registry REST API (Confluent, Apicurio's ccompat API, Karapace,
 * or Dharma's embedded registry). Thread-safe. Ids are cached per subject and schema, and
 * schemas per id, since both are immutable once assigned; version and config reads are not cached.
 *
 * <p>Errors surface as {@link SchemaRegistryException} carrying the registry's error code.
 */
public class SchemaRegistryClient implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final String authorization;
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = Objects.requireNonNull(config);
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.authorization = config.bearerToken() != null ? "Bearer " + config.bearerToken()
                : config.basicAuthUserInfo() != null ? basic(config.basicAuthUserInfo())
                : null;
    }

    /** A client of the registry at the given (comma-separated) URL(s), with default settings. */
    public static SchemaRegistryClient create(String urls) {
        return new SchemaRegistryClient(SchemaRegistryClientConfig.of(urls));
    }

    // --- bodies of the REST API ---

    private record SchemaBody(String schema) {
    }

    private record IdBody(int id) {
    }

    private record VersionBody(String subject, int version, int id, String schema, String schemaType) {
    }

    private record CompatibilityBody(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    private record ConfigBody(String compatibilityLevel) {
    }

    private record ConfigUpdate(String compatibility) {
    }

    private record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
    }

    // --- schemas ---

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        return register(subject, schema, false);
    }

    public int register(String subject, Schema schema, boolean normalize) {
        ConcurrentMap<Schema, Integer> ids = idsFor(subject);
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        int id = send("POST", subjectPath(subject) + "/versions" + (normalize ? "?normalize=true" : ""),
                new SchemaBody(schema.toString()), IdBody.class).id();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The id of a schema already registered under the subject; 40401/40403 when it is not. */
    public int getId(String subject, Schema schema) {
        return getId(subject, schema, false);
    }

    public int getId(String subject, Schema schema, boolean normalize) {
        Integer cached = idsFor(subject).get(schema);
        return cached != null ? cached : lookup(subject, schema, normalize).id();
    }

    /** Finds the version of the subject that holds the schema. */
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        VersionBody body = send("POST", subjectPath(subject) + (normalize ? "?normalize=true" : ""),
                new SchemaBody(schema.toString()), VersionBody.class);
        idsFor(subject).put(schema, body.id());
        return toRegistered(body);
    }

    /** The schema with this global id (cached: ids never change meaning). */
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parse(send("GET", "/schemas/ids/" + id, null, SchemaBody.class).schema());
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    public RegisteredSchema getLatestVersion(String subject) {
        return toRegistered(send("GET", subjectPath(subject) + "/versions/latest", null, VersionBody.class));
    }

    public RegisteredSchema getVersion(String subject, int version) {
        return toRegistered(send("GET", subjectPath(subject) + "/versions/" + version, null, VersionBody.class));
    }

    public List<Integer> getVersions(String subject) {
        return send("GET", subjectPath(subject) + "/versions", null, new TypeReference<List<Integer>>() {
        });
    }

    public List<String> getSubjects() {
        return send("GET", "/subjects", null, new TypeReference<List<String>>() {
        });
    }

    /** Deletes the subject (soft, or permanent after a soft delete); returns the deleted versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> versions = send("DELETE", subjectPath(subject) + (permanent ? "?permanent=true" : ""), null,
                new TypeReference<List<Integer>>() {
                });
        idsBySubject.remove(subject);
        return versions;
    }

    // --- compatibility ---

    /** Whether the schema could be registered under the subject, with the registry's reasons if not. */
    public CompatibilityCheck testCompatibility(String subject, Schema schema) {
        CompatibilityBody body = send("POST", "/compatibility" + subjectPath(subject) + "/versions?verbose=true",
                new SchemaBody(schema.toString()), CompatibilityBody.class);
        return new CompatibilityCheck(body.isCompatible(), body.messages());
    }

    /** The level applying to the subject: its own, or the global one. */
    public String getCompatibility(String subject) {
        return send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null, ConfigBody.class)
                .compatibilityLevel();
    }

    public String getGlobalCompatibility() {
        return send("GET", "/config", null, ConfigBody.class).compatibilityLevel();
    }

    /** Sets the subject's level, e.g. BACKWARD, FULL_TRANSITIVE or NONE. */
    public void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + encode(subject), new ConfigUpdate(level), ConfigUpdate.class);
    }

    public void setGlobalCompatibility(String level) {
        send("PUT", "/config", new ConfigUpdate(level), ConfigUpdate.class);
    }

    @Override
    public void close() {
        http.close();
    }

    // --- plumbing ---

    private ConcurrentMap<Schema, Integer> idsFor(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private RegisteredSchema toRegistered(VersionBody body) {
        Schema schema = schemasById.computeIfAbsent(body.id(), id -> parse(body.schema()));
        return new RegisteredSchema(body.subject(), body.version(), body.id(), schema);
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encode(subject);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private <T> T send(String method, String path, Object body, Class<T> type) {
        return JSON.readValue(exchange(method, path, body), type);
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> type) {
        return JSON.readValue(exchange(method, path, body), type);
    }

    /** Sends to each URL in turn until one answers; an HTTP error from a registry is final. */
    private String exchange(String method, String path, Object body) {
        IOException lastFailure = null;
        for (URI base : config.urls()) {
            HttpRequest request = request(base, method, path, body);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(0, 0, "Interrupted while calling the schema registry", e);
            }
            if (response.statusCode() / 100 == 2) {
                return response.body();
            }
            throw error(method, path, response);
        }
        throw new SchemaRegistryException(0, 0, "No schema registry reachable at %s for %s %s: %s"
                .formatted(config.urls(), method, path, lastFailure), lastFailure);
    }

    private HttpRequest request(URI base, String method, String path, Object body) {
        URI target = URI.create(withoutUserInfo(base) + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        String auth = authorization != null ? authorization
                : base.getRawUserInfo() != null ? basic(java.net.URLDecoder.decode(base.getRawUserInfo(), StandardCharsets.UTF_8))
                : null;
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return builder.build();
    }

    private static String withoutUserInfo(URI base) {
        String text = base.toString();
        return base.getRawUserInfo() == null ? text : text.replace(base.getRawUserInfo() + "@", "");
    }

    private static SchemaRegistryException error(String method, String path, HttpResponse<String> response) {
        try {
            ErrorBody error = JSON.readValue(response.body(), ErrorBody.class);
            if (error.message() != null) {
                return answered(response.statusCode(), error.errorCode(), error.message());
            }
        } catch (JacksonException e) {
            // not Confluent's error body; fall through
        }
        String body = response.body() == null ? "" : response.body();
        return answered(response.statusCode(), response.statusCode(),
                "HTTP %d from %s %s: %s".formatted(response.statusCode(), method, path,
                        body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }

    /** A refusal the registry answered; its code joins the message, so a log line alone tells it. */
    private static SchemaRegistryException answered(int httpStatus, int errorCode, String message) {
        return new SchemaRegistryException(httpStatus, errorCode,
                message + (errorCode != 0 ? "; error code: " + errorCode : ""));
    }
}
