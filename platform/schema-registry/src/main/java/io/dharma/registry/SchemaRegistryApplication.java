package io.dharma.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The schema registry as a Spring Boot web application. It imports an explicit list of
 * auto-configurations instead of enabling all of them, so that, started embedded in another
 * application's JVM, it never configures what that application happens to have on the
 * classpath (a DataSource, Kafka listeners, actuator endpoints, ...).
 *
 * <p>Standalone: {@code java -jar ... --dharma.registry.bootstrap-servers=host:9092}; it reads
 * {@code schema-registry.yml|properties} (not {@code application.*}) plus environment variables.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        SslAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class})
@Import(SchemaRegistryConfiguration.class)
public class SchemaRegistryApplication {

    /** The registry's own config file name, so it never reads a host application's application.yml. */
    public static final String CONFIG_NAME = "schema-registry";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SchemaRegistryApplication.class);
        application.setDefaultProperties(java.util.Map.of(
                "spring.config.name", CONFIG_NAME,
                "server.port", "8081"));
        application.run(args);
    }
}
