package io.dharma.notifier.api;

import io.dharma.notifier.events.CloudEvents;
import io.dharma.notifier.events.NotificationKind;
import io.dharma.notifier.security.SecretCipher;
import io.dharma.notifier.security.WebhookSignature;
import io.dharma.notifier.store.Delivery;
import io.dharma.notifier.store.DeliveryStatus;
import io.dharma.notifier.store.DeliveryStore;
import io.dharma.notifier.store.Subscription;
import io.dharma.notifier.store.SubscriptionStore;
import io.dharma.notifier.store.TargetKind;
import io.dharma.notifier.store.TargetSecret;
import io.dharma.notifier.target.TargetPolicy;
import io.dharma.web.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** What the subscriptions API does, for the caller's tenant only (another tenant's ids answer 404). */
public class SubscriptionService {

    /** Most subscriptions of one tenant: each event costs one delivery per matching subscription. */
    public static final int MAX_SUBSCRIPTIONS = 100;
    private static final Set<String> ENVIRONMENTS = Set.of("dev", "staging", "prod");
    private static final int MAX_OPTIONS = 10;

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final TargetPolicy policy;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionService(SubscriptionStore subscriptions, DeliveryStore deliveries, TargetPolicy policy,
            SecretCipher cipher, TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.policy = policy;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SubscriptionView create(String tenantId, String user, SubscriptionRequest request) {
        if (request == null) {
            throw invalid("a subscription needs a body with target and url");
        }
        TargetKind kind = Optional.ofNullable(request.target()).flatMap(TargetKind::of)
                .orElseThrow(() -> invalid("target must be one of webhook, slack, jira, servicenow"));
        URI url = url(request.url());
        policy.refusal(url).ifPresent(refusal -> {
            throw new ApiException(NotifierApiError.TARGET_NOT_ALLOWED, refusal);
        });
        List<String> events = request.events() == null || request.events().isEmpty() ? NotificationKind.ids()
                : request.events().stream().distinct().toList();
        events.stream().filter(event -> NotificationKind.of(event).isEmpty()).findFirst().ifPresent(unknown -> {
            throw invalid("unknown event " + unknown + "; one of " + String.join(", ", NotificationKind.ids()));
        });
        List<String> blueprints = nonEmptyOrNull(request.blueprints(), "blueprints");
        List<String> environments = nonEmptyOrNull(request.environments(), "environments");
        if (kind == TargetKind.SERVICENOW && environments == null) {
            environments = List.of("prod"); // change requests are for production unless asked otherwise
        }
        if (environments != null && !ENVIRONMENTS.containsAll(environments)) {
            throw invalid("environments must be among dev, staging, prod");
        }
        Map<String, String> options = request.options() == null ? Map.of() : Map.copyOf(request.options());
        if (options.size() > MAX_OPTIONS) {
            throw invalid("at most " + MAX_OPTIONS + " options");
        }
        if (kind == TargetKind.JIRA && (options.get("project") == null || options.get("project").isBlank())) {
            throw invalid("jira needs the option project (the Jira project key issues are created in)");
        }
        String secret = switch (kind) {
            case WEBHOOK -> WebhookSignature.newSecret();
            case SLACK -> null;
            case JIRA -> new TargetSecret(credentials(kind, request.credentials()), null).encode();
            case SERVICENOW -> new TargetSecret(credentials(kind, request.credentials()), approvalKey(request.approvalKey()))
                    .encode();
        };
        UUID id = UUID.randomUUID();
        Subscription subscription = new Subscription(id, tenantId, new Subscription.Target(kind, url, options),
                new Subscription.Filter(events, blueprints, environments),
                secret == null ? null : cipher.encrypt(id, secret), user, clock.instant());
        transactions.executeWithoutResult(status -> {
            if (subscriptions.count(tenantId) >= MAX_SUBSCRIPTIONS) {
                throw new ApiException(NotifierApiError.TOO_MANY_SUBSCRIPTIONS,
                        "a tenant has at most " + MAX_SUBSCRIPTIONS + " subscriptions; delete one first");
            }
            subscriptions.insert(subscription);
        });
        // The webhook secret is shown once; a Jira or ServiceNow credential was the caller's own.
        return SubscriptionView.of(subscription, kind == TargetKind.WEBHOOK ? secret : null);
    }

    public List<SubscriptionView> list(String tenantId) {
        return subscriptions.list(tenantId).stream().map(subscription -> SubscriptionView.of(subscription, null)).toList();
    }

    public SubscriptionView get(String tenantId, String id) {
        return SubscriptionView.of(find(tenantId, id), null);
    }

    public void delete(String tenantId, String id) {
        if (!subscriptions.delete(tenantId, parse(id))) {
            throw notFound(id);
        }
    }

    /** Sends a test notification through the subscription's target: its delivery log shows how it went. */
    public UUID test(String tenantId, String id, String user) {
        Subscription subscription = find(tenantId, id);
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        String cloudEvent = CloudEvents.of(eventId, "/dharma/notifier", CloudEvents.TEST_TYPE, null, now,
                Map.of("tenantId", tenantId, "summary", "Test notification from Dharma",
                        "reason", "sent by " + user + " with dharma subscriptions test"));
        deliveries.insertPending(subscription.id(), tenantId, eventId, CloudEvents.TEST_TYPE, cloudEvent, now);
        return eventId;
    }

    public List<DeliveryView> deliveries(String tenantId, String id, String status, int limit) {
        Subscription subscription = find(tenantId, id);
        DeliveryStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = DeliveryStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("status must be PENDING, DELIVERED or DEAD");
            }
        }
        if (limit < 1 || limit > 500) {
            throw invalid("limit must be between 1 and 500");
        }
        return deliveries.log(subscription.id(), filter, limit).stream().map(DeliveryView::of).toList();
    }

    /** Dead letters pending again with a fresh retry budget: one event's, or all of the subscription's. */
    public int redeliver(String tenantId, String id, String eventId) {
        Subscription subscription = find(tenantId, id);
        UUID event = eventId == null || eventId.isBlank() ? null : parseEvent(eventId);
        return deliveries.redeliver(subscription.id(), event, clock.instant());
    }

    private Subscription find(String tenantId, String id) {
        return subscriptions.find(tenantId, parse(id)).orElseThrow(() -> notFound(id));
    }

    private static URI url(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("url is required");
        }
        try {
            URI url = new URI(text);
            if (!url.isAbsolute()) {
                throw invalid("url must be absolute (https://...)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("url is not a URL: " + e.getReason());
        }
    }

    private static String credentials(TargetKind kind, String credentials) {
        if (credentials == null || !credentials.contains(":") || credentials.startsWith(":") || credentials.endsWith(":")) {
            throw invalid(kind.id() + " needs credentials as " + (kind == TargetKind.JIRA ? "email:api-token" : "user:password"));
        }
        return credentials;
    }

    private static String approvalKey(String key) {
        if (key == null || key.isBlank()) {
            throw invalid("servicenow needs approvalKey: an API key of this tenant with the approver role"
                    + " (dharma keys create --role approver --name servicenow), to relay ServiceNow's decisions");
        }
        return key.trim();
    }

    private static List<String> nonEmptyOrNull(List<String> values, String name) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw invalid(name + " must not contain blank values");
        }
        return values.stream().distinct().toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static UUID parseEvent(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw invalid("eventId is not a UUID");
        }
    }

    private static ApiException notFound(String id) {
        return new ApiException(NotifierApiError.SUBSCRIPTION_NOT_FOUND, "no subscription " + id + " for this tenant");
    }

    private static ApiException invalid(String detail) {
        return new ApiException(NotifierApiError.INVALID_SUBSCRIPTION, detail);
    }
}
