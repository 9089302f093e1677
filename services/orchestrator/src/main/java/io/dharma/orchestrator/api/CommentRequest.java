package io.dharma.orchestrator.api;

/** Body of approve and reject: the approver's comment, optional. */
public record CommentRequest(String comment) {

    public static final int MAX_LENGTH = 2000;
}
