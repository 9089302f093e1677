package io.dharma.infra.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Dharma's chart (infra/helm/dharma) as {@code helm template} and {@code helm lint} see it, through
 * helm-java: Helm's own Go code as a native library from Maven Central, so no helm binary is needed.
 */
final class HelmChart {

    static final Path DIRECTORY = Path.of("helm", "dharma");
    static final Path PRODUCTION_VALUES = DIRECTORY.resolve("values-production.yaml");
    static final String RELEASE = "dharma";
    static final String NAMESPACE = "platform";
    /** The cluster version rendered for: helm-java's library would otherwise assume v1.20. */
    static final String KUBE_VERSION = "1.33.0";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private HelmChart() {
    }

    /** Fails with a clear message when helm-java has no native Helm for this platform. */
    static void requireHelm() {
        if (!Files.isRegularFile(DIRECTORY.resolve("Chart.yaml"))) {
            throw new IllegalStateException("No chart at " + DIRECTORY.toAbsolutePath() + ": run the tests from the infra module");
        }
        try {
            Helm.version().call();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Helm is missing: helm-java found no native Helm library for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (com.marcnuri.helm-java:<platform> on the test classpath)", e);
        }
    }

    /** {@code helm template} with the values files in order, then the {@code --set} values. */
    static String render(Map<String, String> set, Path... valuesFiles) {
        TemplateCommand template = new Helm(DIRECTORY).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path valuesFile : valuesFiles) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return template.call();
    }

    /**
     * {@code helm lint --strict} with these values. helm-java's lint takes no values files, so it
     * lints a copy of the chart (in {@code workDirectory}) whose values.yaml is the chart's merged with {@code overrides} the
     * way Helm merges values files (maps merge key by key, anything else is replaced).
     */
    static LintResult lint(JsonNode overrides, Path workDirectory) {
        try {
            Path chart = workDirectory.resolve("dharma");
            try (Stream<Path> files = Files.walk(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Path target = chart.resolve(DIRECTORY.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            ObjectNode values = (ObjectNode) YAML.readTree(DIRECTORY.resolve("values.yaml").toFile());
            Files.writeString(chart.resolve("values.yaml"), YAML.writeValueAsString(merge(values, overrides)));
            return new Helm(chart).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readValues(Path file) {
        return YAML.readTree(file.toFile());
    }

    static JsonNode values(String yaml) {
        return YAML.readTree(yaml);
    }

    /** Helm's coalescing of a values file over another: a null removes the key. */
    private static ObjectNode merge(ObjectNode base, JsonNode override) {
        for (Map.Entry<String, JsonNode> entry : override.properties()) {
            JsonNode current = base.get(entry.getKey());
            if (entry.getValue().isNull()) {
                base.remove(entry.getKey());
            } else if (current instanceof ObjectNode currentObject && entry.getValue().isObject()) {
                merge(currentObject, entry.getValue());
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
        return base;
    }
}
