package io.dharma.infra.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/**
 * Opens each service's image tar as a container engine would and checks what the compose file and
 * the Helm chart rely on: the name they pull, a non-root user, JVM flags for a container, OCI labels,
 * the port the service listens on, and a filesystem in which the entrypoint can run. Runs with
 * {@code -Pimages} (infra's pom sets dharma.images), which builds the images first.
 */
@EnabledIfSystemProperty(named = "dharma.images", matches = "true", disabledReason = "images are built with -Pimages (ADR 0024)")
class ServiceImagesTest {

    static final List<ServiceImage> images = ServiceImage.ALL;

    @ParameterizedTest
    @FieldSource("images")
    void isNamedAsComposeAndHelmPullIt(ServiceImage service) {
        OciImageTar image = OciImageTar.open(service.tar());

        assertThat(image.refName()).isEqualTo("dharma/" + service.name() + ":" + projectVersion());
    }

    @ParameterizedTest
    @FieldSource("images")
    void runsAsANumericNonRootUser(ServiceImage service) {
        String user = OciImageTar.open(service.tar()).runConfig().path("User").asString();

        // Numeric, or Kubernetes' runAsNonRoot cannot verify it.
        assertThat(user).matches("\\d+:\\d+");
        assertThat(Integer.parseInt(user.split(":")[0])).isNotZero();
        assertThat(Integer.parseInt(user.split(":")[1])).isNotZero();
    }

    @ParameterizedTest
    @FieldSource("images")
    void startsItsMainClassWithContainerAwareJvmFlags(ServiceImage service) {
        List<String> entrypoint = strings(OciImageTar.open(service.tar()).runConfig().path("Entrypoint"));

        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.getLast()).isEqualTo(service.mainClass());
    }

    @ParameterizedTest
    @FieldSource("images")
    void exposesThePortItsSettingsListenOn(ServiceImage service) {
        JsonNode ports = OciImageTar.open(service.tar()).runConfig().path("ExposedPorts");

        assertThat(ports.propertyNames()).containsExactly(service.defaultPort() + "/tcp");
    }

    @ParameterizedTest
    @FieldSource("images")
    void carriesTheOciLabels(ServiceImage service) {
        JsonNode labels = OciImageTar.open(service.tar()).runConfig().path("Labels");

        assertThat(labels.path("org.opencontainers.image.title").asString()).isEqualTo("dharma-" + service.name());
        assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(projectVersion());
        assertThat(labels.path("org.opencontainers.image.revision").asString()).matches("[0-9a-f]{40}");
        assertThat(labels.path("org.opencontainers.image.source").asString()).isNotBlank().doesNotContain("${");
        assertThat(labels.path("org.opencontainers.image.licenses").asString()).isNotBlank().doesNotContain("${");
    }

    @ParameterizedTest
    @FieldSource("images")
    void holdsTheServiceClassesAJavaOnThePathAndAWritableWorkingDirectory(ServiceImage service) {
        OciImageTar image = OciImageTar.open(service.tar());
        JsonNode config = image.runConfig();
        List<Map<String, TarArchiveEntry>> layers = image.layers();

        assertThat(image.layerComments()).contains("dependencies", "classes");
        assertThat(entry(layers, service.mainClassFile())).as(service.mainClassFile()).isNotNull();
        assertThat(entry(layers, "app/jib-classpath-file")).isNotNull();

        String path = strings(config.path("Env")).stream().filter(e -> e.startsWith("PATH=")).findFirst().orElseThrow();
        List<String> javas = new ArrayList<>();
        for (String dir : path.substring("PATH=".length()).split(":")) {
            TarArchiveEntry java = entry(layers, dir.substring(1) + "/java");
            if (java != null && (java.getMode() & 0111) == 0111) {
                javas.add(dir + "/java");
            }
        }
        assertThat(javas).as("an executable java on the image's PATH").isNotEmpty();

        String workingDirectory = config.path("WorkingDir").asString();
        TarArchiveEntry directory = entry(layers, workingDirectory.substring(1));
        assertThat(directory).as("working directory " + workingDirectory).isNotNull();
        assertThat(directory.isDirectory()).isTrue();
        assertThat(directory.getMode() & 01777).as("world-writable with the sticky bit, as /tmp").isEqualTo(01777);
    }

    /** The entry a path has in the image's filesystem: the last layer that has it wins. */
    private static TarArchiveEntry entry(List<Map<String, TarArchiveEntry>> layers, String path) {
        TarArchiveEntry found = null;
        for (Map<String, TarArchiveEntry> layer : layers) {
            found = layer.getOrDefault(path, found);
        }
        return found;
    }

    static String projectVersion() {
        String version = System.getProperty("dharma.version");
        assertThat(version).as("system property dharma.version (set by infra's images profile)").isNotBlank();
        return version;
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asString()));
        return strings;
    }
}
