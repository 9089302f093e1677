package io.dharma.guardrails.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.dharma.guardrails.GuardrailsFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private static final PolicyDocument VALID = new PolicyDocument("acme.bucket-names", "Bucket names", "high", "block",
            List.of("storage.bucket"), "resource.name.startsWith('acme-')", null,
            "Bucket ${resource.name} in ${blueprint.name} is not named acme-*", "Rename it.");

    @Test
    void aValidDocumentBecomesAPolicy() {
        Policy policy = GuardrailsFixture.VALIDATOR.validate(VALID);

        assertThat(policy.severity()).isEqualTo(Severity.HIGH);
        assertThat(policy.enforcement()).isEqualTo(Enforcement.BLOCK);
        assertThat(policy.blueprintLevel()).isFalse();
        assertThat(policy.messageExpression()).isEmpty();
        assertThat(policy.remediation()).contains("Rename it.");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        PolicyDocument broken = new PolicyDocument("Not An Id", " ", "urgent", "deny", List.of("storage.bucket", "compute.vm"),
                "", null, null, null);

        assertThatThrownBy(() -> GuardrailsFixture.VALIDATOR.validate(broken))
                .isInstanceOf(InvalidPolicyException.class)
                .extracting(e -> ((InvalidPolicyException) e).errors(), list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactly("id", "title", "severity", "enforcement", "resourceTypes", "expression", "message");
    }

    @Test
    void resourceTypesMustBeCatalogueTypesOrAStarAlone() {
        assertThat(errors(withTypes("*", "network")))
                .containsExactly("* already covers every type; list nothing else with it");
        assertThat(errors(withTypes("network", "network")))
                .containsExactly("'network' is listed twice");
        assertThat(errors(withTypes("compute.vm")).getFirst())
                .startsWith("'compute.vm' is not a resource type; known: network, subnet, ");
    }

    @Test
    void messagePlaceholdersMustBeKnownAndFitThePolicysLevel() {
        PolicyDocument blueprintLevel = new PolicyDocument("acme.x", "X", "low", "warn", List.of(), "true", null,
                "${resource.name} and ${blueprint.owner}", null);

        assertThat(errors(blueprintLevel)).containsExactly(
                "${resource.name} cannot be used in a blueprint-level policy (it has no resourceTypes)",
                "unknown placeholder ${blueprint.owner}; known: ${blueprint.cloud}, ${blueprint.environment}, "
                        + "${blueprint.name}, ${blueprint.region}");
    }

    @Test
    void lengthsAreBounded() {
        PolicyDocument huge = new PolicyDocument("acme.x", "X", "low", "warn", List.of(), "true || ".repeat(600) + "true",
                null, "m", null);

        assertThat(errors(huge)).containsExactly("must be at most 4096 characters");
    }

    private static PolicyDocument withTypes(String... types) {
        return new PolicyDocument(VALID.id(), VALID.title(), VALID.severity(), VALID.enforcement(), List.of(types),
                "true", null, "m", null);
    }

    private static List<String> errors(PolicyDocument document) {
        try {
            GuardrailsFixture.VALIDATOR.validate(document);
            return List.of();
        } catch (InvalidPolicyException e) {
            return e.errors().stream().map(FieldError::message).toList();
        }
    }
}
