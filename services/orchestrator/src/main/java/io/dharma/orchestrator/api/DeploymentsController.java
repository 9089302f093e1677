package io.dharma.orchestrator.api;

import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals, retries and destroys. Every read of deployments (one, a tenant's, a blueprint's) is the
 * streams application's query API (streams-topology, ADR 0031). The
 * tenant and the acting user are the authenticated {@link Caller}'s (platform/security, which also
 * checks the caller's roles against the permission matrix before a handler runs); the user recorded
 * as requester or approver is always {@code caller.user()}, never something the request body says.
 */
@RestController
public class DeploymentsController {

    /** The principal platform/security gives an API key's caller: {@code key:<name>}. */
    private static final String API_KEY_PRINCIPAL_PREFIX = "key:";
    private static final java.util.regex.Pattern ON_BEHALF_OF = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,30}:[^\\s]{1,168}");

    private final DeploymentCommands commands;

    DeploymentsController(DeploymentCommands commands) {
        this.commands = commands;
    }

    /** 202: the deployment is approved and queued for the worker. */
    @PostMapping("/api/v1/deployments/{deploymentId}/approve")
    ResponseEntity<DeploymentView> approve(Caller caller, @PathVariable String deploymentId,
            @RequestBody(required = false) CommentRequest body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeploymentView.of(
                commands.approve(caller.tenant(), id(deploymentId), decider(caller, body), comment(body))));
    }

    @PostMapping("/api/v1/deployments/{deploymentId}/reject")
    DeploymentView reject(Caller caller, @PathVariable String deploymentId,
            @RequestBody(required = false) CommentRequest body) {
        return DeploymentView.of(commands.reject(caller.tenant(), id(deploymentId), decider(caller, body), comment(body)));
    }

    /** 202: the failed deployment is queued for its next attempt. */
    @PostMapping("/api/v1/deployments/{deploymentId}/retry")
    ResponseEntity<DeploymentView> retry(Caller caller, @PathVariable String deploymentId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(DeploymentView.of(commands.retry(caller.tenant(), id(deploymentId), caller.user())));
    }

    /** 202 with the destroy deployment (the one already under way, if any). */
    @PostMapping("/api/v1/blueprints/{blueprintId}/destroy")
    ResponseEntity<DeploymentView> destroy(Caller caller, @PathVariable String blueprintId) {
        DeploymentCommands.DestroyRequest destroy = commands.destroy(caller.tenant(), blueprintId, caller.user());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeploymentView.of(destroy.deployment()));
    }

    /**
     * Who is recorded as deciding: the caller, or, when an API key relays an external approval
     * ({@code onBehalfOf}, e.g. {@code servicenow:jane.doe}), that approver and the key together.
     */
    private static String decider(Caller caller, CommentRequest body) {
        if (body == null || body.onBehalfOf() == null || body.onBehalfOf().isBlank()) {
            return caller.user();
        }
        if (!caller.user().startsWith(API_KEY_PRINCIPAL_PREFIX)) {
            throw new ApiException(OrchestratorApiError.ON_BEHALF_NOT_ALLOWED,
                    "onBehalfOf is for approval bridges holding an API key; decide as yourself instead");
        }
        if (!ON_BEHALF_OF.matcher(body.onBehalfOf()).matches()) {
            throw new ApiException(OrchestratorApiError.INVALID_COMMENT,
                    "onBehalfOf must be <system>:<user>, e.g. servicenow:jane.doe (at most 200 characters)");
        }
        return body.onBehalfOf() + " via " + caller.user();
    }

    private static String comment(CommentRequest body) {
        return body == null || body.comment() == null || body.comment().isBlank() ? null : body.comment();
    }

    private static UUID id(String deploymentId) {
        try {
            return UUID.fromString(deploymentId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(OrchestratorApiError.DEPLOYMENT_NOT_FOUND, "no deployment " + deploymentId);
        }
    }
}
