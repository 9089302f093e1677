package io.dharma.kafka.housekeeping;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.kafka.outbox.DharmaOutboxAutoConfiguration;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Housekeeping wherever the processing machinery is configured: purges of the platform's own
 * tables, and of every {@link PurgeTarget} a service registers as a bean.
 */
@AutoConfiguration(after = {DharmaProcessingAutoConfiguration.class, DharmaOutboxAutoConfiguration.class})
@ConditionalOnBean(name = DharmaProcessingAutoConfiguration.PLATFORM_FLYWAY)
@EnableConfigurationProperties(HousekeepingProperties.class)
public class DharmaHousekeepingAutoConfiguration {

    /**
     * Dedupe rows (ADR 0005). A duplicate of an event can arrive as long as its input record can be
     * delivered again: a consumer group rewound or restarted from an old offset, the outbox relay
     * re-sending a batch, an operator redriving a dead letter. The entry must outlive that window,
     * or the duplicate is processed a second time: 7 days is Kafka's default
     * {@code offsets.retention.minutes} (a group idle longer restarts from its reset policy anyway)
     * and far beyond the relay's few seconds. Replaying an event topic from its beginning (they keep
     * their history) is a deliberate rebuild, not a redelivery, and is not covered by any retention.
     */
    @Bean
    PurgeTarget dharmaProcessedEventsPurge() {
        return new PurgeTarget("processed-events", "platform.processed_event", "processed_at", Duration.ofDays(7));
    }

    /**
     * Published outbox rows: kept a day for operators and the "was my event published" question
     * ({@code Outbox}). Unpublished and set-aside rows have no {@code published_at} and stay.
     */
    @Bean
    PurgeTarget dharmaPublishedOutboxPurge() {
        return new PurgeTarget("published-outbox", "platform.outbox", "published_at", Duration.ofDays(1));
    }

    @Bean
    @DependsOn(DharmaProcessingAutoConfiguration.PLATFORM_MIGRATION)
    RetentionPurge dharmaRetentionPurge(DataSource dataSource, HousekeepingProperties settings,
            ObjectProvider<MeterRegistry> meters) {
        // Without a registry (no actuator) counting goes nowhere: an empty composite is a no-op.
        return new RetentionPurge(JdbcClient.create(dataSource), new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                settings, meters.getIfUnique(CompositeMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.housekeeping.enabled", matchIfMissing = true)
    HousekeepingSchedule dharmaHousekeepingSchedule(RetentionPurge purge, ObjectProvider<PurgeTarget> targets,
            HousekeepingProperties settings) {
        return new HousekeepingSchedule(purge, targets.orderedStream().toList(), settings);
    }
}
