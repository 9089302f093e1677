package io.dharma.guardrails.api;

import io.dharma.guardrails.policy.PolicyDocument;
import io.dharma.guardrails.policyset.PolicySets;
import io.dharma.web.Caller;
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
 * {@code /api/v1/policies}: the guardrail policies in force for the authenticated caller's tenant
 * (the {@link Caller} of the credential; which roles may call what is the platform's permission
 * matrix). Errors are problem+json with the codes of {@link GuardrailsApiError}.
 */
@RestController
@RequestMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
public class PoliciesController {

    private final PolicyService policies;
    private final PolicySets policySets;

    public PoliciesController(PolicyService policies, PolicySets policySets) {
        this.policies = policies;
        this.policySets = policySets;
    }

    @GetMapping
    PolicyListView list(Caller caller) {
        String tenant = caller.tenant();
        var items = policies.list(tenant).stream().map(PolicyView::of).toList();
        return new PolicyListView(items, items.size(), policySets.forTenant(tenant).version());
    }

    @GetMapping("/{id}")
    PolicyView get(@PathVariable String id, Caller caller) {
        return PolicyView.of(policies.get(caller.tenant(), id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyView> create(@RequestBody PolicyDocument document, Caller caller) {
        PolicyEntry created = policies.create(caller, document);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + created.policy().id())).body(PolicyView.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PolicyView update(@PathVariable String id, @RequestBody PolicyDocument document, Caller caller) {
        return PolicyView.of(policies.update(caller, id, document));
    }

    @PostMapping("/{id}/disable")
    PolicyView disable(@PathVariable String id, Caller caller) {
        return PolicyView.of(policies.setEnabled(caller, id, false));
    }

    @PostMapping("/{id}/enable")
    PolicyView enable(@PathVariable String id, Caller caller) {
        return PolicyView.of(policies.setEnabled(caller, id, true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        policies.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
