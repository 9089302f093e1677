package io.dharma.notifier;

import io.dharma.database.MigratesSchema;
import io.dharma.kafka.housekeeping.PurgeTarget;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.notifier.api.SubscriptionService;
import io.dharma.notifier.api.SubscriptionsController;
import io.dharma.notifier.delivery.DeliverySignal;
import io.dharma.notifier.delivery.DeliveryWorker;
import io.dharma.notifier.delivery.EndpointGuards;
import io.dharma.notifier.events.NotificationListener;
import io.dharma.notifier.events.Notifications;
import io.dharma.notifier.security.SecretCipher;
import io.dharma.notifier.store.BlueprintDirectory;
import io.dharma.notifier.store.DeliveryStore;
import io.dharma.notifier.store.ServiceNowChangeStore;
import io.dharma.notifier.store.SubscriptionStore;
import io.dharma.notifier.target.JiraTarget;
import io.dharma.notifier.target.NotificationTarget;
import io.dharma.notifier.target.ServiceNowApprovals;
import io.dharma.notifier.target.ServiceNowTarget;
import io.dharma.notifier.target.SlackTarget;
import io.dharma.notifier.target.TargetCalls;
import io.dharma.notifier.target.TargetPolicy;
import io.dharma.notifier.target.WebhookTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifier's beans, for running it alone ({@code app.NotifierApplication}) or inside the
 * one-JVM launcher. Bean names start with {@code notifier}. It consumes the public topics like
 * any downstream team and depends on no other service's code (ADR 0028).
 *
 * <p>The notifier owns the PostgreSQL schema {@value #SCHEMA} (subscriptions, deliveries, what it
 * knows of blueprints) with its own Flyway ({@code classpath:db/notifier}). It does not start
 * without {@code dharma.notifier.encryption-key}. {@code dharma.notifier.enabled=false} leaves it
 * out of a context.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JooqAutoConfiguration.class,
    KafkaAutoConfiguration.class, DharmaProcessingAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "dharma.notifier.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NotifierProperties.class)
@MigratesSchema(NotifierAutoConfiguration.SCHEMA)
public class NotifierAutoConfiguration {

    public static final String SCHEMA = "notifier";

    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    SecretCipher notifierSecretCipher(NotifierProperties properties) {
        return SecretCipher.fromConfiguredKey(properties.encryptionKey());
    }

    @Bean
    TargetPolicy notifierTargetPolicy(NotifierProperties properties) {
        return new TargetPolicy(properties.targets());
    }

    @Bean
    SubscriptionStore notifierSubscriptionStore(DSLContext dsl) {
        return new SubscriptionStore(dsl);
    }

    @Bean
    DeliveryStore notifierDeliveryStore(DSLContext dsl, DeliverySignal notifierDeliverySignal) {
        return new DeliveryStore(dsl, notifierDeliverySignal);
    }

    @Bean
    BlueprintDirectory notifierBlueprintDirectory(DSLContext dsl) {
        return new BlueprintDirectory(dsl);
    }

    @Bean
    DeliverySignal notifierDeliverySignal() {
        return new DeliverySignal();
    }

    @Bean
    NotificationListener notifierNotificationListener(NotifierProperties properties, SubscriptionStore notifierSubscriptionStore,
            DeliveryStore notifierDeliveryStore, BlueprintDirectory notifierBlueprintDirectory, TransactionTemplate transactions) {
        return new NotificationListener(new Notifications(properties.publicUrl()), notifierSubscriptionStore,
                notifierDeliveryStore, notifierBlueprintDirectory, transactions, CLOCK);
    }

    @Bean
    TargetCalls notifierTargetCalls(TargetPolicy notifierTargetPolicy, NotifierProperties properties) {
        return new TargetCalls(notifierTargetPolicy, properties.delivery().timeout());
    }

    @Bean
    DeliveryWorker notifierDeliveryWorker(DeliveryStore notifierDeliveryStore, TransactionTemplate transactions,
            TargetCalls notifierTargetCalls, SecretCipher notifierSecretCipher, NotifierProperties properties,
            DeliverySignal notifierDeliverySignal, ServiceNowChangeStore notifierServiceNowChangeStore) {
        List<NotificationTarget> targets = List.of(new WebhookTarget(notifierTargetCalls, CLOCK),
                new SlackTarget(notifierTargetCalls),
                new JiraTarget(notifierTargetCalls),
                new ServiceNowTarget(notifierTargetCalls, notifierServiceNowChangeStore, CLOCK));
        return new DeliveryWorker(notifierDeliveryStore, transactions, targets, new EndpointGuards(properties.delivery()),
                notifierSecretCipher, properties.delivery(), notifierDeliverySignal, CLOCK);
    }

    @Bean
    ServiceNowChangeStore notifierServiceNowChangeStore(DSLContext dsl) {
        return new ServiceNowChangeStore(dsl);
    }

    @Bean
    ServiceNowApprovals notifierServiceNowApprovals(ServiceNowChangeStore notifierServiceNowChangeStore,
            TargetCalls notifierTargetCalls, SecretCipher notifierSecretCipher, NotifierProperties properties) {
        return new ServiceNowApprovals(notifierServiceNowChangeStore, notifierTargetCalls, notifierSecretCipher,
                properties.orchestratorUrl(), properties.servicenow().pollInterval(), properties.delivery().timeout(), CLOCK);
    }

    /** Delivered notifications leave the log after 30 days; pending ones and dead letters stay. */
    @Bean
    PurgeTarget notifierDeliveredPurge() {
        return new PurgeTarget("notifier-deliveries", SCHEMA + ".delivery", "delivered_at", Duration.ofDays(30));
    }

    /** The subscriptions API, when running in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(SubscriptionsController.class)
    static class NotifierApiConfiguration {

        @Bean
        SubscriptionService notifierSubscriptionService(SubscriptionStore notifierSubscriptionStore,
                DeliveryStore notifierDeliveryStore, TargetPolicy notifierTargetPolicy, SecretCipher notifierSecretCipher,
                TransactionTemplate transactions) {
            return new SubscriptionService(notifierSubscriptionStore, notifierDeliveryStore, notifierTargetPolicy,
                    notifierSecretCipher, transactions, CLOCK);
        }
    }
}
