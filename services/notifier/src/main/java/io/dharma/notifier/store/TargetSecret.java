package io.dharma.notifier.store;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Jira or ServiceNow subscription keeps secret, before encryption: the target's basic
 * credentials and, for ServiceNow, the Dharma API key that relays its decisions.
 */
public record TargetSecret(String basicCredentials, String approvalKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("basic", basicCredentials);
        if (approvalKey != null) {
            fields.put("approvalKey", approvalKey);
        }
        return JSON.writeValueAsString(fields);
    }

    public static TargetSecret decode(String decrypted) {
        var node = JSON.readTree(decrypted);
        return new TargetSecret(node.path("basic").asString(null), node.path("approvalKey").asString(null));
    }

    /** The Authorization header value of the basic credentials. */
    public String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                basicCredentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
