package io.dharma.notifier.target;

import io.dharma.notifier.events.CloudEvents;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.TargetKind;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Slack incoming webhook: a Block Kit message saying what happened, to which blueprint in which
 * environment, why, with a link to the API and, for approvals, the command that approves.
 */
public final class SlackTarget implements NotificationTarget {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TargetCalls calls;

    public SlackTarget(TargetCalls calls) {
        this.calls = calls;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.SLACK;
    }

    @Override
    public SendResult send(ClaimedDelivery delivery, String secret) {
        return calls.send(calls.request(delivery.subscription().target().url())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message(delivery.cloudEvent())))
                .build());
    }

    /** The Block Kit message of a CloudEvent. */
    static String message(String cloudEvent) {
        JsonNode event = CloudEvents.parse(cloudEvent);
        JsonNode data = event.path("data");
        String summary = data.path("summary").asString(event.path("type").asString());
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", summary)));
        List<Object> fields = new ArrayList<>();
        fields.add(markdown("*Blueprint*\n" + data.path("blueprintName").asString(data.path("blueprintId").asString())
                + " (`" + data.path("blueprintId").asString() + "`)"));
        fields.add(markdown("*Environment*\n" + data.path("environment").asString("unknown")));
        blocks.add(Map.of("type", "section", "fields", fields));
        if (data.hasNonNull("reason")) {
            blocks.add(Map.of("type", "section", "text", markdown("*Why*\n" + data.path("reason").asString())));
        }
        if (data.hasNonNull("approveCommand")) {
            blocks.add(Map.of("type", "section", "text", markdown("*To approve*\n`" + data.path("approveCommand").asString()
                    + "`\nor reject: `" + data.path("rejectCommand").asString() + "`")));
        }
        List<Object> links = new ArrayList<>();
        data.path("links").properties().forEach(link -> links.add(markdown("<" + link.getValue().asString() + "|"
                + link.getKey() + ">")));
        links.add(markdown("event `" + event.path("id").asString() + "`"));
        blocks.add(Map.of("type", "context", "elements", links));
        return JSON.writeValueAsString(Map.of("text", summary, "blocks", blocks));
    }

    private static Map<String, Object> markdown(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }
}
