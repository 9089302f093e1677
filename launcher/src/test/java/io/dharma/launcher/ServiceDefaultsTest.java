package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Each service's standalone file imports the shared {@code dharma-service.yaml}. An imported file
 * wins over the file that imports it, so a key set in both would silently ignore the service's value.
 */
class ServiceDefaultsTest {

    private static final String SHARED = "dharma-service.yaml";

    @ParameterizedTest
    @ValueSource(strings = {"costing", "generator", "guardrails", "identity", "intake", "notifier", "orchestrator", "sandbox", "streams"})
    void aServiceImportsTheSharedDefaultsAndSetsNoneOfTheirKeys(String service) {
        Properties own = load(service + ".yaml");

        assertThat(own.getProperty("spring.config.import")).isEqualTo("classpath:" + SHARED);
        Set<String> overlap = new HashSet<>(own.stringPropertyNames());
        overlap.retainAll(load(SHARED).stringPropertyNames());
        assertThat(overlap).as("keys of %s.yaml that %s would override", service, SHARED).isEmpty();
    }

    private static Properties load(String name) {
        ClassPathResource resource = new ClassPathResource(name);
        assertThat(resource.exists()).as(name + " on the launcher's classpath").isTrue();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(resource);
        return yaml.getObject();
    }
}
