package io.dharma.notifier.delivery;

import io.dharma.notifier.NotifierProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * What keeps one endpoint (scheme, host, port) from costing anyone else: a Resilience4j circuit
 * breaker per endpoint (calls stop while it fails, then a few probe it), and a limit on the calls
 * in flight to it. A delivery that finds either closed waits for a later round without using an
 * attempt, and the other endpoints' deliveries go on meanwhile.
 */
public final class EndpointGuards {

    private final CircuitBreakerRegistry breakers;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final int maxConcurrentPerEndpoint;

    public EndpointGuards(NotifierProperties.Delivery settings) {
        NotifierProperties.CircuitBreaker breaker = settings.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.windowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        this.maxConcurrentPerEndpoint = settings.maxConcurrentPerEndpoint();
    }

    public CircuitBreaker breaker(String endpoint) {
        return breakers.circuitBreaker(endpoint);
    }

    /** Takes a call slot of the endpoint, if one is free; give it back with {@link #release}. */
    public boolean tryAcquire(String endpoint) {
        return inFlight.computeIfAbsent(endpoint, any -> new Semaphore(maxConcurrentPerEndpoint)).tryAcquire();
    }

    public void release(String endpoint) {
        inFlight.get(endpoint).release();
    }
}
