package io.dharma.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The top-level (per-topic) Avro schemas of one directory tree laid out like {@code src/main/avro}:
 * {@code common/*.avsc} holds named types shared by several topics (parsed first), and
 * {@code topics/*.avsc} holds one top-level value schema per topic.
 *
 * <p>Each topic file is parsed with its own parser seeded only with the common types, so a topic
 * schema cannot silently depend on a type defined in another topic's file.
 */
public record SchemaTree(Path root, Map<String, Schema> topLevelSchemas) {

    public static final String COMMON_DIR = "common";
    public static final String TOPICS_DIR = "topics";

    public SchemaTree {
        topLevelSchemas = Collections.unmodifiableMap(new TreeMap<>(topLevelSchemas));
    }

    /** Parses every schema under {@code root}; fails with the offending file named if one is invalid. */
    public static SchemaTree load(Path root) {
        Path topicsDir = root.resolve(TOPICS_DIR);
        if (!Files.isDirectory(topicsDir)) {
            throw new IllegalArgumentException("No " + TOPICS_DIR + "/ directory under " + root.toAbsolutePath());
        }
        List<Schema> commonTypes = parseCommonTypes(root.resolve(COMMON_DIR));
        Map<String, Schema> topLevel = new TreeMap<>();
        for (Path file : avscFiles(topicsDir)) {
            Schema schema = parse(file, new Schema.Parser().addTypes(commonTypes));
            Schema previous = topLevel.put(schema.getFullName(), schema);
            if (previous != null) {
                throw new IllegalArgumentException("Schema " + schema.getFullName() + " is defined twice under " + topicsDir);
            }
        }
        return new SchemaTree(root, topLevel);
    }

    private static List<Schema> parseCommonTypes(Path commonDir) {
        if (!Files.isDirectory(commonDir)) {
            return List.of();
        }
        // One parser for all common files, so a common type may use another defined in an earlier file.
        Schema.Parser parser = new Schema.Parser();
        List<Schema> types = new ArrayList<>();
        for (Path file : avscFiles(commonDir)) {
            types.add(parse(file, parser));
        }
        return types;
    }

    private static Schema parse(Path file, Schema.Parser parser) {
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema file " + file, e);
        } catch (RuntimeException e) {
            // Avro reports bad schemas with several exception types (SchemaParseException, AvroTypeException, NPE).
            throw new IllegalArgumentException("Invalid Avro schema in " + file + ": " + e, e);
        }
    }

    private static List<Path> avscFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
