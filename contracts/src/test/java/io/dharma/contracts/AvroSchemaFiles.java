package io.dharma.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a topic schema file of {@code schemas/src/main/avro/topics} the way the build does: seeded
 * with the named types of the sibling {@code common/} folder (Envelope, Cloud), which topic
 * files use by name.
 */
final class AvroSchemaFiles {

    private static final String JAVA_STRING_PROP = "avro.java.string";

    private AvroSchemaFiles() {
    }

    static Schema parseTopicSchema(Path topicFile) {
        Path commonDir = topicFile.getParent().resolveSibling("common");
        try {
            return new Schema.Parser().addTypes(commonTypes(commonDir)).parse(topicFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + topicFile, e);
        }
    }

    /**
     * The schema as JSON without the {@code "avro.java.string": "String"} marks the Avro code
     * generator adds to string types of generated classes (stringType=String), so a schema file
     * and the schema of the class generated from it compare equal.
     */
    static JsonNode withoutJavaStringMarks(Schema schema) {
        return strip(JsonMapper.builder().build().readTree(schema.toString()));
    }

    private static JsonNode strip(JsonNode node) {
        if (node.isArray()) {
            var array = JsonMapper.builder().build().createArrayNode();
            node.forEach(child -> array.add(strip(child)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonMapper.builder().build().createObjectNode();
        node.properties().forEach(e -> {
            if (!e.getKey().equals(JAVA_STRING_PROP)) {
                copy.set(e.getKey(), strip(e.getValue()));
            }
        });
        // {"type": "string", "avro.java.string": "String"} was plain "string" in the file.
        return copy.size() == 1 && copy.has("type") && copy.get("type").isString() ? copy.get("type") : copy;
    }

    private static List<Schema> commonTypes(Path commonDir) throws IOException {
        // One parser, files in name order: a common type may use one defined in an earlier file.
        Schema.Parser parser = new Schema.Parser();
        List<Schema> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(commonDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                types.add(parser.parse(file.toFile()));
            }
        }
        return types;
    }
}
