package io.dharma.guardrails.api;

import io.dharma.guardrails.policy.PolicyDocument;
import io.dharma.guardrails.policyset.PolicySets;
import io.dharma.web.Caller;
import io.dharma.web.CallerResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/policies}: the guardrail policies in force for the calling tenant (from
 * {@link CallerResolver}). Errors are problem+json with the codes of {@link GuardrailsApiError}.
 */
@RestController
@RequestMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
public class PoliciesController {

    private final PolicyService policies;
    private final PolicySets policySets;
    private final CallerResolver callers;

    public PoliciesController(PolicyService policies, PolicySets policySets, CallerResolver callers) {
        this.policies = policies;
        this.policySets = policySets;
        this.callers = callers;
    }

    @GetMapping
    PolicyListView list(HttpServletRequest request) {
        String tenant = callers.tenantOf(request);
        var items = policies.list(tenant).stream().map(PolicyView::of).toList();
        return new PolicyListView(items, items.size(), policySets.forTenant(tenant).version());
    }

    @GetMapping("/{id}")
    PolicyView get(@PathVariable String id, HttpServletRequest request) {
        return PolicyView.of(policies.get(callers.tenantOf(request), id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyView> create(@RequestBody PolicyDocument document, HttpServletRequest request) {
        PolicyEntry created = policies.create(callers.callerOf(request), document);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + created.policy().id())).body(PolicyView.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PolicyView update(@PathVariable String id, @RequestBody PolicyDocument document, HttpServletRequest request) {
        return PolicyView.of(policies.update(callers.callerOf(request), id, document));
    }

    @PostMapping("/{id}/disable")
    PolicyView disable(@PathVariable String id, HttpServletRequest request) {
        return PolicyView.of(policies.setEnabled(callers.callerOf(request), id, false));
    }

    @PostMapping("/{id}/enable")
    PolicyView enable(@PathVariable String id, HttpServletRequest request) {
        return PolicyView.of(policies.setEnabled(callers.callerOf(request), id, true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Caller caller = callers.callerOf(request);
        policies.delete(caller.tenant(), id);
        return ResponseEntity.noContent().build();
    }
}
