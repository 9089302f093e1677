package io.dharma.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * contracts/asyncapi.yaml as a JSON tree, with the few navigation helpers the contract tests need.
 * Read with snakeyaml-engine (YAML 1.2, resolves the document's anchors and aliases), then handed
 * to Jackson as a tree so the JSON Schema validator and JSON Pointers work on it.
 */
record AsyncApiDocument(Path file, JsonNode root) {

    static final Path DEFAULT_FILE = Path.of("asyncapi.yaml");

    /** A channel and the one message it carries. */
    record Channel(String id, String address, JsonNode node, String messageId, JsonNode message) {
    }

    /** A send or receive operation. */
    record Operation(String id, String action, String channelId, JsonNode node) {
    }

    static AsyncApiDocument load() {
        return load(DEFAULT_FILE);
    }

    static AsyncApiDocument load(Path file) {
        try {
            Object yaml = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file));
            return new AsyncApiDocument(file, JsonMapper.builder().build().valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("channels").properties()) {
            JsonNode channel = entry.getValue();
            List<Map.Entry<String, JsonNode>> messages = List.copyOf(channel.path("messages").properties());
            if (messages.size() != 1) {
                throw new AssertionError("channel " + entry.getKey() + " must carry exactly one message, has "
                        + messages.size());
            }
            JsonNode message = resolve(messages.getFirst().getValue());
            channels.add(new Channel(entry.getKey(), channel.path("address").asString(), channel,
                    messages.getFirst().getKey(), message));
        }
        return channels;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("operations").properties()) {
            JsonNode operation = entry.getValue();
            String channelRef = operation.path("channel").path("$ref").asString();
            operations.add(new Operation(entry.getKey(), operation.path("action").asString(),
                    channelRef.substring(channelRef.lastIndexOf('/') + 1), operation));
        }
        return operations;
    }

    /** The node itself, or the node its local {@code $ref} ("#/...") points at. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return pointer(ref.asString());
    }

    /** The node at a local reference such as {@code #/components/messages/X}; fails if there is none. */
    JsonNode pointer(String localRef) {
        if (!localRef.startsWith("#/")) {
            throw new IllegalArgumentException("not a local reference: " + localRef);
        }
        JsonNode target = root.at(JsonPointer.compile(localRef.substring(1)));
        if (target.isMissingNode()) {
            throw new AssertionError(localRef + " does not resolve in " + file);
        }
        return target;
    }

    /** A file referenced relative to the document, such as {@code ../schemas/...avsc}. */
    Path relativeFile(String ref) {
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(ref).normalize();
    }
}
