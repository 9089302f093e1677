package io.dharma.kafka.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the schema registry answers its subject listing (the cheapest read in its API). */
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

    private final HttpClient http;
    private final URI subjects;
    private final Duration timeout;

    public SchemaRegistryHealthIndicator(String registryUrl, Duration timeout) {
        super("Schema registry health check failed");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.subjects = URI.create(registryUrl.replaceAll("/+$", "") + "/subjects");
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(subjects).timeout(timeout)
                .header("Accept", "application/vnd.schemaregistry.v1+json").GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        builder.withDetail("url", subjects.resolve("/").toString()).withDetail("status", response.statusCode());
        if (response.statusCode() == 200) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
