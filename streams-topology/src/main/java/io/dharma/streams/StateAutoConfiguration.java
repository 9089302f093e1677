package io.dharma.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.dharma.streams.query.AcceptedSubmission;
import io.dharma.streams.query.InstanceForwarding;
import io.dharma.streams.query.KeyLookups;
import io.dharma.streams.query.OpenStreams;
import io.dharma.streams.query.ScatterGather;
import io.dharma.streams.query.StateQueries;
import io.dharma.streams.query.StateQueryController;
import io.dharma.streams.query.StateUnavailableResponses;
import io.dharma.streams.query.TrackingChangeFeed;
import io.dharma.streams.query.TrackingEventsController;
import io.dharma.streams.runtime.StateHealthIndicator;
import io.dharma.streams.runtime.StateProperties;
import io.dharma.streams.runtime.StateStreams;
import io.dharma.web.WebAutoConfiguration;
import io.dharma.web.quota.Quotas;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.Topology;
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
 * The state application: the Kafka Streams topology ({@link DharmaTopology}, application id
 * {@code dharma.state.application-id}, exactly-once v2) and the query API over its stores, for
 * running it alone ({@code app.StateApplication}) or inside the one-JVM launcher. Bean names start
 * with {@code state}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        after = WebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dharma.state.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StateProperties.class)
public class StateAutoConfiguration {

    @Bean
    StreamsSerdes stateSerdes(@Value("${dharma.schema-registry.url}") String registryUrl, KafkaProperties kafka) {
        // The registry credentials every other client of this application has (basic.auth.*, bearer.auth.*).
        Map<String, Object> config = new HashMap<>(kafka.getProperties());
        config.put("schema.registry.url", registryUrl);
        return StreamsSerdes.avro(config);
    }

    @Bean
    Topology stateTopology(StreamsSerdes stateSerdes) {
        return DharmaTopology.build(stateSerdes);
    }

    @Bean
    StateStreams stateStreams(Topology stateTopology, KafkaProperties kafka, StateProperties properties) {
        return new StateStreams(stateTopology, kafka.buildStreamsProperties(), properties);
    }

    @Bean(destroyMethod = "close")
    StateQueries stateQueries(StateStreams stateStreams, Topology stateTopology, KafkaProperties kafka) {
        return new StateQueries(stateStreams, stateTopology, Admin.create(kafka.buildAdminProperties()));
    }

    @Bean
    InstanceForwarding stateForwarding(StateProperties properties) {
        return new InstanceForwarding(properties.forwardTimeout());
    }

    @Bean
    TrackingChangeFeed stateTrackingChangeFeed(StateProperties properties, KafkaProperties kafka,
            StreamsSerdes stateSerdes) {
        return new TrackingChangeFeed(properties.applicationId() + "-" + DharmaTopology.TRACKING_STORE + "-changelog",
                kafka.buildConsumerProperties(), stateSerdes.trackingView().deserializer());
    }

    /** Without an intake in the same JVM, a submission is visible once its event is in the state. */
    @Bean
    @ConditionalOnMissingBean
    AcceptedSubmission.Lookup stateAcceptedSubmissions() {
        return trackingId -> Optional.empty();
    }

    @Bean
    StateQueryController stateQueryController(StateQueries stateQueries, InstanceForwarding stateForwarding,
            JsonMapper json, AcceptedSubmission.Lookup accepted) {
        return new StateQueryController(new KeyLookups(stateQueries, stateForwarding),
                new ScatterGather(stateQueries, stateForwarding, json), accepted);
    }

    @Bean
    TrackingEventsController stateTrackingEventsController(StateQueries stateQueries, InstanceForwarding stateForwarding,
            TrackingChangeFeed stateTrackingChangeFeed, AcceptedSubmission.Lookup accepted,
            JsonMapper json, StateProperties properties, OpenStreams stateOpenStreams) {
        return new TrackingEventsController(stateQueries, stateForwarding, stateTrackingChangeFeed, accepted,
                json, properties.sseTimeout().toMillis(), stateOpenStreams);
    }

    @Bean
    OpenStreams stateOpenStreams(Quotas quotas, StateProperties properties) {
        return new OpenStreams(quotas, properties.maxOpenStreams());
    }

    @Bean
    StateUnavailableResponses stateUnavailableResponses(StateProperties properties) {
        return new StateUnavailableResponses(properties.retryAfter());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class StateHealthConfiguration {

        @Bean
        HealthIndicator stateHealthIndicator(StateStreams stateStreams) {
            return new StateHealthIndicator(stateStreams);
        }
    }
}
