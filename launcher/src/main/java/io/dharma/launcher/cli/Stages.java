package io.dharma.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** How tracking stages (BRIEF's query API: {kind, status, occurredAt, eventId, detail}) print. */
final class Stages {

    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "BLOCKED", "REJECTED", "IAC_FAILED", "DESTROYED");
    static final Set<String> UNSUCCESSFUL = Set.of("FAILED", "BLOCKED", "REJECTED", "IAC_FAILED", "GUARDRAILS_BLOCKED");

    private Stages() {
    }

    /** {@code 10:00:01Z  GUARDRAILS  GUARDRAILS_BLOCKED  reasons=storage.encryption-at-rest}. */
    static String line(JsonNode stage) {
        String time = stage.path("occurredAt").asString("");
        StringBuilder line = new StringBuilder("%-24s  %-10s  %-18s".formatted(time, stage.path("kind").asString(""),
                stage.path("status").asString("")));
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : stage.path("detail").properties()) {
            if (entry.getKey().equals("messages")) {
                continue; // one per line, below the stage (see messages)
            }
            details.add(entry.getKey() + "=" + text(entry.getValue()));
        }
        if (!details.isEmpty()) {
            line.append("  ").append(String.join(" ", details));
        }
        return line.toString().stripTrailing();
    }

    /** The human-readable reasons of a blocked stage, one per entry; empty when it has none. */
    static List<String> messages(JsonNode stage) {
        String messages = stage.path("detail").path("messages").asString("");
        return messages.isBlank() ? List.of() : List.of(messages.split("; "));
    }

    /** The block reasons of a stage: the violated policy ids when known, else the reason kinds; empty when none. */
    static String reasons(JsonNode stage) {
        JsonNode policies = stage.path("detail").path("policies");
        if (!policies.isMissingNode() && !policies.isNull()) {
            return text(policies);
        }
        JsonNode reasons = stage.path("detail").path("reasons");
        return reasons.isMissingNode() || reasons.isNull() ? "" : text(reasons);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString(v.toString())));
            return String.join(",", items);
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
