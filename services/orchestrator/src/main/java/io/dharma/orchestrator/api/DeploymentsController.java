package io.dharma.orchestrator.api;

import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.CallerResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals, retries and destroys, and a blueprint's deployments. A single deployment's status is
 * read from the state query API ({@code GET /api/v1/deployments/{id}}, streams-topology). The
 * acting user and the tenant come from {@link CallerResolver}, the one place real authentication
 * will replace.
 */
@RestController
public class DeploymentsController {

    private final DeploymentCommands commands;
    private final CallerResolver callers;

    DeploymentsController(DeploymentCommands commands, CallerResolver callers) {
        this.commands = commands;
        this.callers = callers;
    }

    /** A blueprint's deployments, newest first: how a user finds the deployment of a submission. */
    @GetMapping("/api/v1/blueprints/{blueprintId}/deployments")
    List<DeploymentView> ofBlueprint(HttpServletRequest request, @PathVariable String blueprintId) {
        return commands.ofBlueprint(callers.tenantOf(request), blueprintId).stream().map(DeploymentView::of).toList();
    }

    /** 202: the deployment is approved and queued for the worker. */
    @PostMapping("/api/v1/deployments/{deploymentId}/approve")
    ResponseEntity<DeploymentView> approve(HttpServletRequest request, @PathVariable String deploymentId,
            @RequestBody(required = false) CommentRequest body) {
        Caller caller = callers.callerOf(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeploymentView.of(
                commands.approve(caller.tenant(), id(deploymentId), caller.user(), comment(body))));
    }

    @PostMapping("/api/v1/deployments/{deploymentId}/reject")
    DeploymentView reject(HttpServletRequest request, @PathVariable String deploymentId,
            @RequestBody(required = false) CommentRequest body) {
        Caller caller = callers.callerOf(request);
        return DeploymentView.of(commands.reject(caller.tenant(), id(deploymentId), caller.user(), comment(body)));
    }

    /** 202: the failed deployment is queued for its next attempt. */
    @PostMapping("/api/v1/deployments/{deploymentId}/retry")
    ResponseEntity<DeploymentView> retry(HttpServletRequest request, @PathVariable String deploymentId) {
        Caller caller = callers.callerOf(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(DeploymentView.of(commands.retry(caller.tenant(), id(deploymentId), caller.user())));
    }

    /** 202 with the destroy deployment (the one already under way, if any). */
    @PostMapping("/api/v1/blueprints/{blueprintId}/destroy")
    ResponseEntity<DeploymentView> destroy(HttpServletRequest request, @PathVariable String blueprintId) {
        Caller caller = callers.callerOf(request);
        DeploymentCommands.DestroyRequest destroy = commands.destroy(caller.tenant(), blueprintId, caller.user());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeploymentView.of(destroy.deployment()));
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
