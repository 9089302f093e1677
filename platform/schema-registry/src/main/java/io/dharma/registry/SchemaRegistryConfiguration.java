package io.dharma.registry;

import java.util.HashMap;
import java.util.List;

import io.dharma.registry.core.KafkaSchemaLog;
import io.dharma.registry.core.RegistryState;
import io.dharma.registry.core.SchemaRegistryService;
import io.dharma.registry.web.WriteAccessFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the registry: the Kafka-backed log, the service and the REST controllers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
@ComponentScan("io.dharma.registry.web")
public class SchemaRegistryConfiguration implements WebMvcConfigurer {

    private static final MediaType V1 = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");
    private static final MediaType DEFAULT = MediaType.parseMediaType("application/vnd.schemaregistry+json");

    @Bean
    RegistryState registryState() {
        return new RegistryState();
    }

    @Bean(destroyMethod = "close")
    KafkaSchemaLog schemaLog(RegistryProperties properties, RegistryState state) {
        if (properties.bootstrapServers() == null || properties.bootstrapServers().isBlank()) {
            throw new IllegalStateException(
                    "dharma.registry.bootstrap-servers (env DHARMA_REGISTRY_BOOTSTRAP_SERVERS) is required");
        }
        var settings = new KafkaSchemaLog.Settings(properties.bootstrapServers(), properties.topic(),
                properties.replicationFactor(), properties.timeout(), new HashMap<>(properties.kafka()));
        return new KafkaSchemaLog(settings, state).start();
    }

    @Bean
    SchemaRegistryService schemaRegistryService(RegistryState state, KafkaSchemaLog log,
                                                RegistryProperties properties) {
        return new SchemaRegistryService(state, log, properties.defaultCompatibility());
    }

    /**
     * Writes are checked before any controller runs. The host passes its {@link WriteAccess}
     * (the launcher: platform-admin credentials); standalone, {@code dharma.registry.write-token}
     * is the one credential that writes, and without it nobody does.
     */
    @Bean
    FilterRegistrationBean<WriteAccessFilter> registryWriteAccessFilter(ObjectProvider<WriteAccess> hostAccess,
            RegistryProperties properties) {
        WriteAccess access = hostAccess.getIfAvailable(() -> properties.writeToken() == null
                ? WriteAccess.NOBODY : WriteAccess.bearer(properties.writeToken()));
        return new FilterRegistrationBean<>(new WriteAccessFilter(access));
    }

    /** Answers in Confluent's media type unless the client asks for plain JSON. */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.defaultContentType(V1, DEFAULT, MediaType.APPLICATION_JSON);
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof AbstractJacksonHttpMessageConverter<?> jackson) {
                jackson.setSupportedMediaTypes(List.of(V1, DEFAULT, MediaType.APPLICATION_JSON,
                        new MediaType("application", "*+json")));
            }
        }
    }
}
