package io.dharma.notifier.target;

import io.dharma.notifier.events.CloudEvents;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.TargetKind;
import io.dharma.notifier.store.TargetSecret;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jira Cloud REST v3: one issue per failing deployment or drifted resource, a comment when it
 * changes again, and a comment and a transition to done when it is resolved (the blueprint deploys
 * again, the drift is resolved). The issue is found by its label ({@code dharma-failed-<blueprint>},
 * {@code dharma-drift-<blueprint>-<resource>}) among the not-done ones, so the notifier keeps no
 * mapping of its own and an issue closed by hand is simply opened anew next time.
 * Options: {@code project} (required), {@code issueType} (default Task), {@code doneTransition}
 * (a transition id; default: the first transition to a done status).
 */
public final class JiraTarget implements NotificationTarget {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TargetCalls calls;

    public JiraTarget(TargetCalls calls) {
        this.calls = calls;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.JIRA;
    }

    @Override
    public SendResult send(ClaimedDelivery delivery, String secret) {
        JsonNode event = CloudEvents.parse(delivery.cloudEvent());
        JsonNode data = event.path("data");
        String blueprintId = data.path("blueprintId").asString();
        Jira jira = new Jira(delivery.subscription().target().url(), TargetSecret.decode(secret).basicAuthorization());
        Map<String, String> options = delivery.subscription().target().options();
        String text = data.path("summary").asString() + "\n" + data.path("reason").asString("") + "\n"
                + "Dharma event " + event.path("id").asString() + " (" + event.path("type").asString() + ")";
        return switch (delivery.eventType()) {
            case "io.dharma.deployment.failed" -> open(jira, options, "dharma-failed-" + blueprintId, data, text);
            case "io.dharma.drift.detected" -> open(jira, options, driftLabel(blueprintId, data), data, text);
            case "io.dharma.deployment.succeeded" -> resolve(jira, options, "dharma-failed-" + blueprintId, text);
            case "io.dharma.drift.resolved" -> resolve(jira, options, driftLabel(blueprintId, data), text);
            default -> SendResult.skipped();
        };
    }

    private SendResult open(Jira jira, Map<String, String> options, String label, JsonNode data, String text) {
        Lookup found = jira.openIssue(label);
        if (found.failure() != null) {
            return found.failure();
        }
        if (found.key().isPresent()) {
            return jira.comment(found.key().get(), text);
        }
        Map<String, Object> fields = Map.of(
                "project", Map.of("key", options.getOrDefault("project", "")),
                "summary", data.path("summary").asString(),
                "issuetype", Map.of("name", options.getOrDefault("issueType", "Task")),
                "labels", List.of("dharma", label),
                "description", document(text));
        return jira.post("/rest/api/3/issue", Map.of("fields", fields)).result();
    }

    private SendResult resolve(Jira jira, Map<String, String> options, String label, String text) {
        Lookup found = jira.openIssue(label);
        if (found.failure() != null || found.key().isEmpty()) {
            return found.failure() != null ? found.failure() : SendResult.skipped();
        }
        String key = found.key().get();
        SendResult commented = jira.comment(key, text);
        if (!commented.delivered()) {
            return commented;
        }
        String transition = options.get("doneTransition");
        if (transition == null) {
            TargetCalls.Answer transitions = jira.get("/rest/api/3/issue/" + key + "/transitions");
            if (!transitions.result().delivered()) {
                return transitions.result();
            }
            for (JsonNode candidate : JSON.readTree(transitions.body()).path("transitions")) {
                if (candidate.path("to").path("statusCategory").path("key").asString("").equals("done")) {
                    transition = candidate.path("id").asString();
                    break;
                }
            }
            if (transition == null) {
                return SendResult.failed("issue " + key + " has no transition to a done status; set the option doneTransition");
            }
        }
        return jira.post("/rest/api/3/issue/" + key + "/transitions", Map.of("transition", Map.of("id", transition))).result();
    }

    private static String driftLabel(String blueprintId, JsonNode data) {
        return "dharma-drift-" + blueprintId + "-" + data.path("resource").asString().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A paragraph per line, in the Atlassian Document Format that v3 requires. */
    private static Map<String, Object> document(String text) {
        List<Object> paragraphs = text.lines().filter(line -> !line.isBlank())
                .map(line -> (Object) Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", line))))
                .toList();
        return Map.of("type", "doc", "version", 1, "content", paragraphs);
    }

    private record Lookup(Optional<String> key, SendResult failure) {
    }

    /** Calls to one Jira site with one credential. */
    private final class Jira {

        private final URI site;
        private final String authorization;

        Jira(URI site, String authorization) {
            this.site = site;
            this.authorization = authorization;
        }

        Lookup openIssue(String label) {
            String jql = "labels = \"" + label + "\" AND statusCategory != Done ORDER BY created DESC";
            TargetCalls.Answer answer = get("/rest/api/3/search/jql?maxResults=1&fields=key&jql="
                    + URLEncoder.encode(jql, StandardCharsets.UTF_8));
            if (!answer.result().delivered()) {
                return new Lookup(Optional.empty(), answer.result());
            }
            JsonNode issues = JSON.readTree(answer.body()).path("issues");
            return new Lookup(issues.isEmpty() ? Optional.empty() : Optional.of(issues.get(0).path("key").asString()), null);
        }

        SendResult comment(String key, String text) {
            return post("/rest/api/3/issue/" + key + "/comment", Map.of("body", document(text))).result();
        }

        TargetCalls.Answer get(String path) {
            return calls.exchange(calls.request(uri(path)).header("Accept", "application/json")
                    .header("Authorization", authorization).GET().build());
        }

        TargetCalls.Answer post(String path, Object body) {
            return calls.exchange(calls.request(uri(path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        }

        private URI uri(String path) {
            String base = site.toString().endsWith("/") ? site.toString().substring(0, site.toString().length() - 1)
                    : site.toString();
            return URI.create(base + path);
        }
    }
}
