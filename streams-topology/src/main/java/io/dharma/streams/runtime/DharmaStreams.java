package io.dharma.streams.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the streams topology: one {@link KafkaStreams} per instance, exactly-once v2, started once the
 * HTTP server knows its port (that port is advertised as {@code application.server}, so other
 * instances can forward queries here) and stopped before the HTTP server.
 *
 * <p>Records on an input topic that cannot be deserialized are logged and skipped: the services
 * that own those topics dead-letter them, and the views cannot be built from unreadable bytes.
 */
public final class DharmaStreams implements SmartLifecycle, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DharmaStreams.class);

    private final Topology topology;
    private final Map<String, Object> kafkaConfig;
    private final StreamsProperties properties;
    private final MeterRegistry meters;
    private volatile int httpPort = -1;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics clientMetrics;
    private volatile HostInfo self;

    /**
     * @param kafkaConfig client settings (bootstrap servers, security); the streams settings are added here
     * @param meters      where the Kafka Streams client metrics go (consumer lag, process rates, ...), as
     *                    Spring's listener factories bind the other consumers'
     */
    public DharmaStreams(Topology topology, Map<String, Object> kafkaConfig, StreamsProperties properties,
            MeterRegistry meters) {
        this.topology = topology;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            httpPort = event.getWebServer().getPort();
        }
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        Properties config = new Properties();
        config.putAll(kafkaConfig);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toAbsolutePath().toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        if (properties.groupInstanceId() != null && !properties.groupInstanceId().isBlank()) {
            // Kafka Streams appends -<thread index>; only the main consumer is a group member.
            config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), properties.groupInstanceId());
        }
        if (httpPort > 0) {
            self = new HostInfo(properties.advertisedHost(), httpPort);
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        }
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setStateListener((now, before) -> log.info("streams application {} -> {}", before, now));
        created.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        clientMetrics = new KafkaStreamsMetrics(created);
        clientMetrics.bindTo(meters);
        created.start();
        streams = created;
        log.info("streams application '{}' started; queries served at {}", properties.applicationId(), self);
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        streams = null;
        if (running != null) {
            running.close(Duration.ofSeconds(30));
        }
        KafkaStreamsMetrics bound = clientMetrics;
        clientMetrics = null;
        if (bound != null) {
            bound.close();
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The Kafka Streams instance, only when it is RUNNING: every task restored and assigned. */
    public KafkaStreams running() {
        KafkaStreams current = streams;
        if (current == null) {
            throw new StateUnavailableException("the streams application is not started");
        }
        KafkaStreams.State state = current.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StateUnavailableException("the streams application is " + state);
        }
        return current;
    }

    /**
     * Waits until the streams application is RUNNING (every store restored), for callers that
     * should not return before queries can be answered, such as the launcher's start-up.
     *
     * @return whether it got there in time
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > giveUpAt) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** This instance as the other instances see it; null when it has no HTTP server. */
    public HostInfo self() {
        return self;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    public String applicationId() {
        return properties.applicationId();
    }

}
