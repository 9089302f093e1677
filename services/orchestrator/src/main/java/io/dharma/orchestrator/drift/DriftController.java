package io.dharma.orchestrator.drift;

import io.dharma.orchestrator.api.OrchestratorApiError;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Observes the caller tenant's deployed stacks now instead of at the next scheduled round (for
 * users who just changed something at the provider, and for tests). The observations are on
 * {@code dharma.observations.v1} when it answers; drift itself appears once the streams topology
 * has compared them ({@code GET /api/v1/drift}).
 */
@RestController
public class DriftController {

    private final DriftObserver observer;
    private final BlueprintJoinStore blueprints;

    DriftController(DriftObserver observer, BlueprintJoinStore blueprints) {
        this.observer = observer;
        this.blueprints = blueprints;
    }

    /** 202 with what was observed, stack by stack; {@code blueprintId} narrows it to one stack. */
    @PostMapping("/api/v1/drift/observe")
    ResponseEntity<ObservationView> observe(Caller caller,
            @RequestParam(name = "blueprintId", required = false) String blueprintId) {
        String tenantId = caller.tenant();
        if (blueprintId != null && blueprints.find(blueprintId).filter(row -> row.tenantId().equals(tenantId)).isEmpty()) {
            throw new ApiException(OrchestratorApiError.BLUEPRINT_NOT_FOUND, "no blueprint " + blueprintId + " for this tenant");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ObservationView.of(observer.observeTenant(tenantId, blueprintId)));
    }
}
