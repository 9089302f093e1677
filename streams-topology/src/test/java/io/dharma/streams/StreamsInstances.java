package io.dharma.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.dharma.serde.AvroSerializer;
import io.dharma.streams.app.StreamsApplication;
import io.dharma.streams.runtime.DharmaStreams;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TestIssuer;
import io.dharma.topics.DharmaTopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instances of the streams application (the standalone app, real HTTP) on the embedded stack, and
 * a producer for lifecycle events. Test support for the query API tests.
 */
final class StreamsInstances {

    static final String APPLICATION_ID = "dharma-streams-it";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StreamsInstances() {
    }

    record Instance(ConfigurableApplicationContext context) implements AutoCloseable {

        String baseUrl() {
            return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        KafkaStreams.State state() {
            return context.getBean(DharmaStreams.class).state();
        }

        DharmaStreams streams() {
            return context.getBean(DharmaStreams.class);
        }

        /** GETs {@code path} as a user of {@code tenant} (a bearer token of the shared {@link TestIssuer}). */
        Reply get(String path, String tenant) {
            return StreamsInstances.get(baseUrl() + path, tenant);
        }

        /** GETs {@code path} with exactly these headers (none: anonymous). */
        Reply getWith(String path, Map<String, String> headers) {
            return StreamsInstances.send(baseUrl() + path, headers);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    record Reply(int status, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Instance start(String name) {
        EmbeddedStack stack = EmbeddedStack.get();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", stack.bootstrapServers());
        props.put("dharma.schema-registry.url", stack.registryUrl());
        props.put("dharma.security.issuers[0].issuer-uri", TestIssuer.get().issuerUri());
        props.put("server.port", 0);
        props.put("dharma.streams.application-id", APPLICATION_ID);
        props.put("dharma.streams.commit-interval", "50ms");
        try {
            props.put("dharma.streams.state-dir", Files.createTempDirectory("state-" + name).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // As arguments: they must beat streams.yaml, which default properties would not.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new Instance(new SpringApplicationBuilder(StreamsApplication.class)
                .properties(StreamsApplication.CONFIG_NAME)
                .run(args));
    }

    /** {@code Authorization: Bearer <token>} for a user of {@code tenant} holding every tenant role. */
    static String bearer(String tenant) {
        return "Bearer " + TestIssuer.get().token(tenant, "user@" + tenant);
    }

    static Reply get(String url, String tenant) {
        return send(url, Map.of("Authorization", bearer(tenant)));
    }

    static Reply send(String url, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes lifecycle events to their real topics, keyed by blueprintId, as the services do. */
    static final class Events implements AutoCloseable {

        private final KafkaProducer<String, SpecificRecord> producer;

        Events() {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
            config.put("schema.registry.url", EmbeddedStack.get().registryUrl());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config);
        }

        void publish(String topic, String blueprintId, List<? extends SpecificRecord> events) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(topic, blueprintId, event));
            }
            producer.flush();
        }

        /** The whole happy path of a story, stage by stage. */
        void deployed(LifecycleStory story) {
            publish(DharmaTopicNames.BLUEPRINTS, story.blueprintId, List.of(story.submitted()));
            publish(DharmaTopicNames.IAC, story.blueprintId, List.of(story.iacGenerated(1)));
            publish(DharmaTopicNames.GUARDRAILS, story.blueprintId,
                    List.of(story.guardrails(2, io.dharma.events.GuardrailOutcome.PASSED)));
            publish(DharmaTopicNames.COSTS, story.blueprintId, List.of(story.cost(3, "120.5000")));
            publish(DharmaTopicNames.DEPLOYMENTS, story.blueprintId, List.of(story.requested(4), story.planning(5),
                    story.planned(6, 1, 0, 0), story.applying(7),
                    story.resourceChanged(8, "network.vpc_main", io.dharma.events.ResourceChangeAction.CREATED, "vpc-1"),
                    story.succeeded(9, 1)));
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

}
