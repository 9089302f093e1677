package io.dharma.orchestrator.api;

/**
 * Body of approve and reject: the approver's comment, optional; and {@code onBehalfOf}, for an
 * approval bridge (the notifier's ServiceNow integration): the external approver, as
 * {@code <system>:<user>}, that an API key relays. Only API keys may send it (a person decides for
 * themselves); the recorded approver is then {@code "<onBehalfOf> via <key>"} (ADR 0028).
 */
public record CommentRequest(String comment, String onBehalfOf) {

    public static final int MAX_LENGTH = 2000;
}
