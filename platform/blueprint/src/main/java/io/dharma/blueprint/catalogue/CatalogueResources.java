package io.dharma.blueprint.catalogue;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the catalogue's JSON files from the classpath and builds JSON Schema registries over them. */
public final class CatalogueResources {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Draft 2020-12 plus the catalogue's own annotation keyword, so the validator knows it. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new AnnotationKeyword(ResourceType.REFERENCE_KEYWORD))
            .build();

    private CatalogueResources() {
    }

    /** The text of a classpath resource, for example {@code catalogue/v1/index.json}. */
    public static String text(String path) {
        try (InputStream in = CatalogueResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }

    public static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /**
     * A draft 2020-12 registry that resolves {@code $id}s and {@code $ref}s only against
     * {@code schemasById} (id to schema text). Errors carry JSON Pointer locations, English
     * messages whatever the machine's locale, and honour a schema's {@code errorMessage} keyword.
     */
    public static SchemaRegistry registry(Map<String, String> schemasById) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .errorMessageKeyword("errorMessage")
                .build();
        return SchemaRegistry.withDefaultDialect(DIALECT,
                builder -> builder.schemaRegistryConfig(config).schemas(schemasById));
    }
}
