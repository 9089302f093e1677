package io.dharma.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.dharma.streams.query.AcceptedSubmission;
import io.dharma.streams.query.BlueprintVersions;
import io.dharma.streams.query.ResultsController;
import io.dharma.streams.query.InstanceForwarding;
import io.dharma.streams.query.IntakeSubmissions;
import io.dharma.streams.query.KeyLookups;
import io.dharma.streams.query.OpenStreams;
import io.dharma.streams.query.ScatterGather;
import io.dharma.streams.query.StateQueries;
import io.dharma.streams.query.StateQueryController;
import io.dharma.streams.query.StateUnavailableResponses;
import io.dharma.streams.query.TrackingChangeFeed;
import io.dharma.streams.query.TrackingEventsController;
import io.dharma.streams.runtime.StreamsHealthIndicator;
import io.dharma.streams.runtime.StreamsProperties;
import io.dharma.streams.runtime.DharmaStreams;
import io.dharma.web.WebAutoConfiguration;
import io.dharma.web.quota.Quotas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streams application: the Kafka Streams topology ({@link DharmaTopology}, application id
 * {@code dharma.streams.application-id}, exactly-once v2) and the query API over its stores, for
 * running it alone ({@code app.StreamsApplication}) or inside the one-JVM launcher. Bean names start
 * with {@code streams}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        after = WebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dharma.streams.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StreamsProperties.class)
public class StreamsAutoConfiguration {

    @Bean
    StreamsSerdes streamsSerdes(@Value("${dharma.schema-registry.url}") String registryUrl, KafkaProperties kafka) {
        // The registry credentials every other client of this application has (basic.auth.*, bearer.auth.*).
        Map<String, Object> config = new HashMap<>(kafka.getProperties());
        config.put("schema.registry.url", registryUrl);
        return StreamsSerdes.avro(config);
    }

    @Bean
    Topology streamsTopology(StreamsSerdes streamsSerdes, ObjectProvider<MeterRegistry> metrics,
            ObjectProvider<ObservationRegistry> observations) {
        return DharmaTopology.build(streamsSerdes, new StreamsMetrics(metrics.getIfUnique(CompositeMeterRegistry::new)),
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    @Bean
    MeterBinder streamsTenantsGauge(DharmaStreams dharmaStreams) {
        return StreamsMetrics.tenants(dharmaStreams);
    }

    @Bean
    DharmaStreams dharmaStreams(Topology streamsTopology, KafkaProperties kafka, StreamsProperties properties,
            ObjectProvider<MeterRegistry> metrics) {
        return new DharmaStreams(streamsTopology, kafka.buildStreamsProperties(), properties,
                metrics.getIfUnique(CompositeMeterRegistry::new));
    }

    @Bean(destroyMethod = "close")
    StateQueries streamsQueries(DharmaStreams dharmaStreams, Topology streamsTopology, KafkaProperties kafka) {
        return new StateQueries(dharmaStreams, streamsTopology, Admin.create(kafka.buildAdminProperties()));
    }

    @Bean
    InstanceForwarding streamsForwarding(StreamsProperties properties) {
        return new InstanceForwarding(properties.forwardTimeout());
    }

    @Bean
    TrackingChangeFeed streamsTrackingChangeFeed(StreamsProperties properties, KafkaProperties kafka,
            StreamsSerdes streamsSerdes) {
        return new TrackingChangeFeed(properties.applicationId() + "-" + DharmaTopology.TRACKING_STORE + "-changelog",
                kafka.buildConsumerProperties(), streamsSerdes.trackingView().deserializer());
    }

    /** The intake's receipts (ADR 0025); without {@code dharma.streams.intake-url} a submission is visible once folded. */
    @Bean
    @ConditionalOnMissingBean
    AcceptedSubmission.Lookup streamsAcceptedSubmissions(StreamsProperties properties, JsonMapper json) {
        if (properties.intakeUrl() == null) {
            LoggerFactory.getLogger(StreamsAutoConfiguration.class).warn("dharma.streams.intake-url is not set: "
                    + "a tracking id answers 404 until the state has folded its submission");
            return (trackingId, tenant, authorization) -> Optional.empty();
        }
        return new IntakeSubmissions(properties.intakeUrl(), properties.forwardTimeout(), json);
    }

    @Bean
    StateQueryController streamsQueryController(StateQueries streamsQueries, InstanceForwarding streamsForwarding,
            JsonMapper json, AcceptedSubmission.Lookup accepted) {
        return new StateQueryController(new KeyLookups(streamsQueries, streamsForwarding),
                new ScatterGather(streamsQueries, streamsForwarding, json), accepted,
                new BlueprintVersions(streamsQueries, streamsForwarding, json));
    }

    @Bean
    ResultsController streamsResultsController(StateQueries streamsQueries, InstanceForwarding streamsForwarding,
            JsonMapper json) {
        return new ResultsController(streamsQueries, streamsForwarding,
                new BlueprintVersions(streamsQueries, streamsForwarding, json));
    }

    @Bean
    TrackingEventsController streamsTrackingEventsController(StateQueries streamsQueries, InstanceForwarding streamsForwarding,
            TrackingChangeFeed streamsTrackingChangeFeed, AcceptedSubmission.Lookup accepted,
            JsonMapper json, StreamsProperties properties, OpenStreams streamsOpenStreams) {
        return new TrackingEventsController(streamsQueries, streamsForwarding, streamsTrackingChangeFeed, accepted,
                json, properties.sseTimeout().toMillis(), streamsOpenStreams);
    }

    @Bean
    OpenStreams streamsOpenStreams(Quotas quotas, StreamsProperties properties) {
        return new OpenStreams(quotas, properties.maxOpenStreams());
    }

    @Bean
    StateUnavailableResponses streamsUnavailableResponses(StreamsProperties properties) {
        return new StateUnavailableResponses(properties.retryAfter());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class StreamsHealthConfiguration {

        @Bean
        HealthIndicator streamsHealthIndicator(DharmaStreams dharmaStreams) {
            return new StreamsHealthIndicator(dharmaStreams);
        }
    }
}
