package io.dharma.blueprint;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Blueprint} as canonical JSON. Object keys are sorted (by UTF-16 code units,
 * as {@link String#compareTo} does), there is no insignificant whitespace, integers are written
 * without a fraction and other numbers in plain (never exponent) notation with trailing zeros
 * removed. String escaping is Jackson's, which is deterministic.
 */
final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalJson() {
    }

    static String write(Blueprint blueprint) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            writeValue(generator, asTree(blueprint));
        }
        return out.toString();
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static Map<String, Object> asTree(Blueprint blueprint) {
        Map<String, Object> metadata = new TreeMap<>();
        metadata.put("name", blueprint.metadata().name());
        metadata.put("environment", blueprint.metadata().environment().id());
        metadata.put("tags", blueprint.metadata().tags());

        BlueprintSpec spec = blueprint.spec();
        Map<String, Object> specTree = new TreeMap<>();
        specTree.put("cloud", spec.cloud().id());
        specTree.put("region", spec.region());
        spec.budget().ifPresent(budget -> specTree.put("budget", Map.of("monthlyUsd", budget.monthlyUsd())));
        specTree.put("approval", spec.approval().id());
        specTree.put("resources", spec.resources().stream().map(CanonicalJson::asTree).toList());

        Map<String, Object> root = new TreeMap<>();
        root.put("apiVersion", blueprint.apiVersion());
        root.put("kind", blueprint.kind());
        root.put("metadata", metadata);
        root.put("spec", specTree);
        return root;
    }

    private static Map<String, Object> asTree(ResourceSpec resource) {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("name", resource.name());
        tree.put("type", resource.type());
        tree.put("properties", resource.properties());
        tree.put("dependsOn", resource.dependsOn());
        return tree;
    }

    private static void writeValue(JsonGenerator generator, Object value) {
        switch (value) {
            case String text -> generator.writeString(text);
            case Boolean flag -> generator.writeBoolean(flag);
            case Long integer -> generator.writeNumber(integer);
            case BigDecimal decimal -> generator.writeNumber(plain(decimal));
            case Double number -> generator.writeNumber(plain(BigDecimal.valueOf(number)));
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                    generator.writeName((String) entry.getKey());
                    writeValue(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    writeValue(generator, item);
                }
                generator.writeEndArray();
            }
            default -> throw new IllegalStateException("not a canonical JSON value: " + value.getClass());
        }
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}
