package io.dharma.notifier.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dharma.notifier.store.Subscription;
import io.dharma.notifier.store.TargetKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscription as the API shows it: never its stored secret. {@code secret} is only in the answer
 * to its creation (a webhook's signing secret, shown once). A Slack URL is itself a credential, so
 * only its host is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String target, String url, List<String> events, List<String> blueprints,
        List<String> environments, Map<String, String> options, String createdBy, Instant createdAt, String secret) {

    static SubscriptionView of(Subscription subscription, String secret) {
        Subscription.Target target = subscription.target();
        String url = target.kind() == TargetKind.SLACK
                ? target.url().getScheme() + "://" + target.url().getHost() + "/..." : target.url().toString();
        return new SubscriptionView(subscription.id().toString(), target.kind().id(), url, subscription.filter().events(),
                subscription.filter().blueprintIds(), subscription.filter().environments(), target.options(),
                subscription.createdBy(), subscription.createdAt(), secret);
    }
}
