package io.dharma.infra.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The Maven module behind each Dharma image, and its configuration metadata, read once per test class. */
final class DharmaServices implements AutoCloseable {

    /** {@code dharma/<image>} is built from this module. */
    static final Map<String, String> MODULES = Map.of(
            "identity", "services/identity",
            "intake", "services/intake",
            "generator", "services/generator",
            "costing", "services/costing",
            "guardrails", "services/guardrails",
            "orchestrator", "services/orchestrator",
            "sandbox", "services/sandbox",
            "notifier", "services/notifier",
            "streams", "streams-topology");

    private final Path repository;
    private final Map<String, ConfigurationMetadata> metadata = new HashMap<>();

    DharmaServices(Path repository) {
        this.repository = repository;
    }

    ConfigurationMetadata metadataOf(String image) {
        String module = MODULES.get(image);
        if (module == null) {
            throw new IllegalArgumentException("dharma/" + image + " is no module of this repository: " + MODULES.keySet());
        }
        return metadata.computeIfAbsent(image, ignored -> ConfigurationMetadata.ofModule(repository, module));
    }

    @Override
    public void close() {
        metadata.values().forEach(each -> {
            try {
                each.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
