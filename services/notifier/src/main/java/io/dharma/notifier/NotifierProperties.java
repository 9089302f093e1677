package io.dharma.notifier;

import io.dharma.kafka.lifecycle.ExponentialBackoff;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifier ({@code dharma.notifier.*}).
 *
 * @param enabled whether the service runs in this context at all
 * @param consumerGroup consumer group of the listener on the public topics
 * @param encryptionKey base64 of the 32-byte AES key that encrypts subscription secrets; no default:
 *     the service does not start without one (the one-JVM launcher generates one in its home)
 * @param publicUrl the platform's API as users reach it, for links in messages
 * @param delivery how notifications are sent and retried
 * @param targets which target addresses subscriptions may use
 * @param orchestratorUrl the orchestrator's API, where ServiceNow decisions are relayed
 *     ({@code POST /api/v1/deployments/{id}/approve|reject})
 * @param servicenow the ServiceNow approval round trip
 */
@ConfigurationProperties("dharma.notifier")
public record NotifierProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(NotifierProperties.DEFAULT_CONSUMER_GROUP) String consumerGroup,
        String encryptionKey,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue Delivery delivery,
        @DefaultValue Targets targets,
        @DefaultValue("http://localhost:8085") String orchestratorUrl,
        @DefaultValue ServiceNow servicenow) {

    public static final String DEFAULT_CONSUMER_GROUP = "dharma-notifier";

    /**
     * @param workers threads that claim due deliveries (sending itself runs on a virtual thread per call)
     * @param batchSize most deliveries one worker claims at once
     * @param pollInterval how often workers look for due deliveries committed by other processes
     * @param timeout connect and response timeout of one call to a target
     * @param maxAttempts attempts before a delivery becomes a dead letter
     * @param initialInterval wait before the second attempt
     * @param multiplier factor between successive waits
     * @param maxInterval longest wait between attempts
     * @param maxConcurrentPerEndpoint calls in flight to one endpoint (scheme, host, port) at once;
     *     more wait for a later round, so a slow endpoint holds at most this many calls
     * @param circuitBreaker when calls to an endpoint stop for a while
     */
    public record Delivery(
            @DefaultValue("2") int workers,
            @DefaultValue("50") int batchSize,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("5s") Duration initialInterval,
            @DefaultValue("3") double multiplier,
            @DefaultValue("1h") Duration maxInterval,
            @DefaultValue("4") int maxConcurrentPerEndpoint,
            @DefaultValue CircuitBreaker circuitBreaker) implements ExponentialBackoff {

        public Delivery {
            ExponentialBackoff.requireValid("dharma.notifier.delivery", initialInterval, multiplier, maxInterval);
            ExponentialBackoff.requireAttempts("dharma.notifier.delivery", maxAttempts);
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls (in the last {@code windowSize}) that opens it
     * @param windowSize calls the failure rate is computed over
     * @param minimumCalls calls before the rate counts
     * @param openFor how long an open circuit refuses calls before letting a few through
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int windowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {
    }

    /** @param pollInterval how often open change requests are read back from ServiceNow */
    public record ServiceNow(@DefaultValue("30s") Duration pollInterval) {
    }

    /**
     * Target addresses: link-local (with the cloud metadata address 169.254.169.254), loopback,
     * any-local and multicast addresses are refused unless allowed here; so are private ranges.
     *
     * @param allowLoopback allow 127.0.0.0/8 and ::1 (the one-JVM launcher does: receivers on the same machine)
     * @param allowPrivate allow private ranges (10/8, 172.16/12, 192.168/16, fc00::/7)
     * @param allowedHosts host names allowed whatever their address
     * @param deniedHosts host names refused whatever their address
     */
    public record Targets(
            @DefaultValue("false") boolean allowLoopback,
            @DefaultValue("false") boolean allowPrivate,
            @DefaultValue List<String> allowedHosts,
            @DefaultValue List<String> deniedHosts) {
    }
}
