package io.dharma.notifier.events;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EnvelopeAccess;
import io.dharma.notifier.NotifierProperties;
import io.dharma.notifier.store.BlueprintDirectory;
import io.dharma.notifier.store.DeliveryStore;
import io.dharma.notifier.store.Subscription;
import io.dharma.notifier.store.SubscriptionStore;
import io.dharma.topics.DharmaTopicNames;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifier's one consumer (group {@code dharma.notifier.consumer-group}, default
 * {@value NotifierProperties#DEFAULT_CONSUMER_GROUP}) of the public topics, like any downstream
 * team's. It never calls a target: it writes one pending delivery per matching subscription in one
 * database transaction, and the delivery workers send them. So a slow target never holds the
 * listener, and a redelivered record finds its deliveries already written (keyed by subscription
 * and event id).
 */
public class NotificationListener {

    private final Notifications notifications;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final BlueprintDirectory blueprints;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public NotificationListener(Notifications notifications, SubscriptionStore subscriptions, DeliveryStore deliveries,
            BlueprintDirectory blueprints, TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.blueprints = blueprints;
        this.transactions = transactions;
        this.clock = clock;
    }

    @KafkaListener(id = "${dharma.notifier.consumer-group:" + NotifierProperties.DEFAULT_CONSUMER_GROUP + "}",
            topics = {DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.COSTS, DharmaTopicNames.DEPLOYMENTS, DharmaTopicNames.DRIFT},
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, Object> record) {
        String blueprintId = EnvelopeAccess.requireEnvelope(record.value()).getBlueprintId();
        switch (record.value()) {
            case BlueprintSubmitted submitted -> blueprints.remember(blueprintId, submitted.getEnvelope().getTenantId(),
                    submitted.getName(), submitted.getEnvironment().name().toLowerCase(Locale.ROOT));
            case DeploymentEvent deployment -> fanOut(notifications.of(deployment, blueprints.find(blueprintId)));
            case DriftEvent drift -> fanOut(notifications.of(drift, blueprints.find(blueprintId)));
            case CostEstimated cost -> fanOut(notifications.of(cost, blueprints.find(blueprintId)));
            default -> {
                // another topic's event: nothing to tell anyone
            }
        }
    }

    private void fanOut(Optional<Notification> notification) {
        notification.ifPresent(this::fanOut);
    }

    private void fanOut(Notification notification) {
        transactions.executeWithoutResult(status -> {
            for (Subscription subscription : subscriptions.matching(notification.tenantId(), notification.kind().id(),
                    notification.blueprintId(), notification.environment())) {
                deliveries.insertPending(subscription.id(), notification.tenantId(), notification.eventId(),
                        CloudEvents.parse(notification.cloudEvent()).path("type").asString(), notification.cloudEvent(),
                        clock.instant());
            }
        });
    }
}
