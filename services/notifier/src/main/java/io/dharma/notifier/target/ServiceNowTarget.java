package io.dharma.notifier.target;

import io.dharma.notifier.events.CloudEvents;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.ServiceNowChangeStore;
import io.dharma.notifier.store.TargetKind;
import io.dharma.notifier.store.TargetSecret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServiceNow's Table API: a change request ({@code change_request}) for each deployment awaiting
 * approval, its {@code correlation_id} the deployment id. {@link ServiceNowApprovals} reads it back
 * until ServiceNow approves or rejects it. Other notifications have nothing to do here.
 */
public final class ServiceNowTarget implements NotificationTarget {

    static final String APPROVAL_NEEDED = "io.dharma.deployment.approval-needed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TargetCalls calls;
    private final ServiceNowChangeStore changes;
    private final Clock clock;

    public ServiceNowTarget(TargetCalls calls, ServiceNowChangeStore changes, Clock clock) {
        this.calls = calls;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.SERVICENOW;
    }

    @Override
    public SendResult send(ClaimedDelivery delivery, String secret) {
        if (!APPROVAL_NEEDED.equals(delivery.eventType())) {
            return SendResult.skipped();
        }
        JsonNode data = CloudEvents.parse(delivery.cloudEvent()).path("data");
        String deploymentId = data.path("deploymentId").asString();
        if (changes.exists(delivery.subscription().id(), deploymentId)) {
            return SendResult.skipped();
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("short_description", data.path("summary").asString());
        change.put("description", data.path("reason").asString() + "\n\nDharma deployment " + deploymentId
                + " of blueprint " + data.path("blueprintId").asString() + " version " + data.path("blueprintVersion").asInt()
                + "\n" + data.path("links").path("deployment").asString()
                + "\nApproving or rejecting this change approves or rejects the deployment.");
        change.put("correlation_id", deploymentId);
        change.put("correlation_display", "Dharma");
        change.put("type", "normal");
        TargetSecret credentials = TargetSecret.decode(secret);
        TargetCalls.Answer answer = calls.exchange(calls.request(tableUri(delivery.subscription().target().url(), "change_request"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", credentials.basicAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(change)))
                .build());
        if (!answer.result().delivered()) {
            return answer.result();
        }
        JsonNode created = JSON.readTree(answer.body()).path("result");
        changes.opened(delivery.subscription().id(), delivery.subscription().tenantId(), deploymentId,
                created.path("sys_id").asString(), created.path("number").asString(null), clock.instant());
        return answer.result();
    }

    /** {@code <instance>/api/now/table/<table>}. */
    static URI tableUri(URI instance, String tableAndQuery) {
        String base = instance.toString().endsWith("/") ? instance.toString() : instance + "/";
        return URI.create(base + "api/now/table/" + tableAndQuery);
    }
}
