package io.dharma.streams.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the streams application ({@code dharma.streams.*}).
 *
 * @param applicationId Kafka Streams application id: consumer group, prefix of internal topics
 * @param stateDir where RocksDB keeps the stores; one directory per instance
 * @param advertisedHost host other instances use to reach this one's query API
 *        ({@code application.server}); the port is the HTTP server's
 * @param streamThreads stream threads of this instance
 * @param commitInterval how often state is committed (under exactly-once also how soon a change is visible)
 * @param retryAfter what a 503 during restore or rebalance tells the client to wait
 * @param forwardTimeout how long a request forwarded to the instance hosting a key may take
 * @param sseTimeout how long a tracking event stream stays open at most (the client reconnects with {@code Last-Event-ID})
 * @param maxOpenStreams tracking event streams this instance holds open at once, all tenants together
 * @param intakeUrl base URL of the intake's API ({@code http://intake:8081}), asked for the receipt of a
 *        submission the state has not folded yet, so the tracking URL answers ACCEPTED from the 202 on;
 *        unset, such a tracking id answers 404 until its event is folded (ADR 0025)
 * @param groupInstanceId static group membership: the main consumer of each stream thread joins as
 *        {@code <this>-<thread index>}, so the same instance started again after a crash gets its tasks
 *        back at once instead of rebalancing after the dead member's session timeout. Stable for an
 *        instance and unique among the running ones; unset (the default) for instances that come and go (ADR 0030)
 */
@ConfigurationProperties("dharma.streams")
public record StreamsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dharma-streams") String applicationId,
        @DefaultValue("${java.io.tmpdir}/dharma-streams") Path stateDir,
        @DefaultValue("localhost") String advertisedHost,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("5s") Duration forwardTimeout,
        @DefaultValue("30m") Duration sseTimeout,
        @DefaultValue("1000") int maxOpenStreams,
        URI intakeUrl,
        String groupInstanceId) {
}
