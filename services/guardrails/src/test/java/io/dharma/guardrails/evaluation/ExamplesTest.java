package io.dharma.guardrails.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.policy.Enforcement;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The shipped examples under the built-in policies and default parameters, as of {@link GuardrailsFixture#NOW}. */
class ExamplesTest {

    @Test
    void insecureDemoIsBlockedWithExactlyTheExpectedViolations() {
        Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example("insecure-demo.yaml"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.policiesEvaluated()).isEqualTo(GuardrailsFixture.BUILTINS.all().size());
        assertThat(verdict.violations())
                .extracting(v -> v.policyId(), v -> v.resourceName().orElse(null), v -> v.enforcement())
                .containsExactly(INSECURE_DEMO_VIOLATIONS);
        assertThat(verdict.violations()).extracting(Violation::message).contains(
                "blueprint insecure-demo lacks the required tags: owner, cost-center",
                "firewall wide-open allows port(s) 22, 3389, 5432 from the whole internet",
                "compute.instance jumpbox is xlarge, above the dev ceiling of medium");
        assertThat(verdict.violations()).allSatisfy(v -> assertThat(v.remediation()).isPresent());
    }

    /** Policy, resource (null: the blueprint), enforcement; in library order, then resource order. */
    static final Tuple[] INSECURE_DEMO_VIOLATIONS = {
        tuple("blueprint.required-tags", null, Enforcement.BLOCK),
        tuple("network.no-admin-ports-from-internet", "wide-open", Enforcement.BLOCK),
        tuple("data.encryption-at-rest", "legacy-db", Enforcement.BLOCK),
        tuple("data.encryption-at-rest", "public-files", Enforcement.BLOCK),
        tuple("storage.no-public-buckets", "public-files", Enforcement.BLOCK),
        tuple("storage.versioning", "public-files", Enforcement.WARN),
        tuple("database.backups-enabled", "legacy-db", Enforcement.WARN),
        tuple("compute.size-ceiling", "jumpbox", Enforcement.BLOCK),
        tuple("compute.no-public-ip", "jumpbox", Enforcement.WARN),
    };

    @Test
    void productionApiPasses() {
        Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example("aws-prod-api.yaml"));

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void webAppPassesWithAWarningForItsPlainHttpListener() {
        Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example("aws-web-app.yaml"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED_WITH_WARNINGS);
        assertThat(verdict.violations()).extracting(v -> v.policyId(), v -> v.resourceName().orElse(null))
                .containsExactly(tuple("loadbalancer.public-https-only", "web-lb"));
    }

    @Test
    void dataPlatformPassesWithAWarningForItsUnversionedBucket() {
        Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example("azure-data-platform.yaml"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED_WITH_WARNINGS);
        assertThat(verdict.violations()).extracting(v -> v.policyId(), v -> v.resourceName().orElse(null))
                .containsExactly(tuple("storage.versioning", "landing"));
    }

    /** The example pins Kubernetes 1.35, supported until 2027-02-28: nothing blocks it. */
    @Test
    void kubernetesServicePassesOnASupportedVersion() {
        Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(GuardrailsFixture.example("gcp-kubernetes-service.yaml"));

        assertThat(verdict.outcome()).isNotEqualTo(Outcome.BLOCKED);
        assertThat(verdict.violations()).extracting(Violation::policyId).doesNotContain("kubernetes.version-supported");
    }
}
