package io.dharma.notifier.events;

import io.dharma.events.Envelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudEvents 1.0 in structured JSON mode, as the notifier sends them: {@code id} is the Dharma
 * event's eventId (receivers dedupe on it), {@code subject} the blueprintId, {@code type}
 * {@code io.dharma.<what>.<how>} and {@code data} what a person needs to act.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String TEST_TYPE = "io.dharma.notification.test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEvents() {
    }

    public static String of(Envelope envelope, String type, Map<String, Object> data) {
        return of(envelope.getEventId(), "/dharma/" + envelope.getProducer(), type, envelope.getBlueprintId(),
                envelope.getOccurredAt(), data);
    }

    public static String of(UUID id, String source, String type, String subject, Instant time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", SPEC_VERSION);
        event.put("id", id.toString());
        event.put("source", source);
        event.put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    public static JsonNode parse(String cloudEvent) {
        return JSON.readTree(cloudEvent);
    }
}
