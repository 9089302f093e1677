package io.dharma.guardrails.evaluation;

import static io.dharma.guardrails.GuardrailsFixture.COMPILER;
import static io.dharma.guardrails.GuardrailsFixture.EVALUATOR;
import static io.dharma.guardrails.GuardrailsFixture.NOW;
import static io.dharma.guardrails.TestBlueprints.NETWORK;
import static io.dharma.guardrails.TestPolicies.blueprintPolicy;
import static io.dharma.guardrails.TestPolicies.resourcePolicy;
import static io.dharma.guardrails.TestPolicies.withMessageExpression;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.guardrails.TestBlueprints;
import io.dharma.guardrails.cel.CompiledPolicy;
import io.dharma.guardrails.cel.PolicyCompilationException;
import io.dharma.guardrails.policy.Enforcement;
import io.dharma.guardrails.policy.Policy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final Blueprint TWO_BUCKETS = TestBlueprints.dev().resources(NETWORK + """
            - {name: open, type: storage.bucket, properties: {publicAccess: true}}
            - {name: closed, type: storage.bucket}
            """).build();

    @Test
    void aResourcePolicyIsEvaluatedForEachResourceOfItsTypes() {
        Verdict verdict = evaluate(resourcePolicy("!resource.properties.publicAccess", "storage.bucket"), TWO_BUCKETS);

        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.resourceName()).contains("open");
            assertThat(violation.message()).isEqualTo("open breaks the test policy");
            assertThat(violation.remediation()).contains("fix it");
        });
    }

    @Test
    void catalogueDefaultsAreFilledInBeforeEvaluation() {
        // "closed" does not mention encrypted or versioning: the schema defaults (true, false) apply
        Verdict verdict = evaluate(resourcePolicy("resource.properties.encrypted && !resource.properties.versioning",
                "storage.bucket"), TWO_BUCKETS);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void onlyWarningsPassWithWarnings() {
        Verdict verdict = evaluate(blueprintPolicy("blueprint.environment == 'prod'"), TWO_BUCKETS);

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED_WITH_WARNINGS);
        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.resourceName()).isEmpty();
            assertThat(violation.enforcement()).isEqualTo(Enforcement.WARN);
            assertThat(violation.message()).isEqualTo("test-blueprint breaks the test policy");
        });
    }

    @Test
    void aRuntimeErrorIsAViolationOfThatPolicyWithTheReason() {
        Verdict verdict = evaluate(blueprintPolicy("blueprint.tags['team'] == 'payments'"), TWO_BUCKETS);

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.policyId()).isEqualTo("test.blueprint-policy");
            assertThat(violation.message())
                    .startsWith("policy test.blueprint-policy could not be evaluated for blueprint test-blueprint: ")
                    .contains("team");
        });
    }

    @Test
    void aMissingOptionalPropertyIsAnErrorUnlessTheExpressionTestsForIt() {
        Blueprint bucket = TestBlueprints.dev().resources("- {name: files, type: storage.bucket}").build();

        Verdict unguarded = evaluate(resourcePolicy("resource.properties.lifecycle.expireAfterDays < 400", "storage.bucket"), bucket);
        Verdict guarded = evaluate(resourcePolicy(
                "!has(resource.properties.lifecycle) || resource.properties.lifecycle.expireAfterDays < 400", "storage.bucket"), bucket);

        assertThat(unguarded.violations()).singleElement().extracting(Violation::message).asString()
                .contains("could not be evaluated for resource files").contains("lifecycle");
        assertThat(guarded.violations()).isEmpty();
    }

    @Test
    void runawayComprehensionsAreStopped() {
        Verdict verdict = evaluate(blueprintPolicy("[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, "
                + "[1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, true)))))"), TWO_BUCKETS);

        assertThat(verdict.violations()).singleElement().extracting(Violation::message).asString()
                .contains("could not be evaluated").containsIgnoringCase("iteration");
    }

    @Test
    void theMessageExpressionWinsAndTheTemplateStandsInWhenItFails() {
        Policy computed = withMessageExpression(resourcePolicy("false", "storage.bucket"),
                "'bucket ' + resource.name + ' in ' + blueprint.region");
        Policy failing = withMessageExpression(resourcePolicy("false", "storage.bucket"), "blueprint.tags['nope']");

        assertThat(evaluate(computed, TWO_BUCKETS).violations()).extracting(Violation::message)
                .containsExactly("bucket open in us-east-1", "bucket closed in us-east-1");
        assertThat(evaluate(failing, TWO_BUCKETS).violations()).extracting(Violation::message)
                .containsExactly("open breaks the test policy", "closed breaks the test policy");
    }

    @Test
    void aComputedMessageIsCutAtItsLimit() {
        Policy verbose = withMessageExpression(resourcePolicy("false", "storage.bucket"), "'" + "x".repeat(3_000) + "'");

        assertThat(evaluate(verbose, TWO_BUCKETS).violations()).extracting(Violation::message)
                .allSatisfy(message -> assertThat(message).hasSize(PolicyEvaluator.MAX_MESSAGE_LENGTH + 1).endsWith("x…"));
    }

    @Test
    void nowIsTheEvaluationTimeGiven() throws Exception {
        CompiledPolicy policy = COMPILER.compile(blueprintPolicy("now < timestamp('2026-01-01T00:00:00Z')"));

        assertThat(EVALUATOR.evaluate(TWO_BUCKETS, List.of(policy), Instant.parse("2025-12-31T23:59:59Z")).violations()).isEmpty();
        assertThat(EVALUATOR.evaluate(TWO_BUCKETS, List.of(policy), Instant.parse("2026-01-01T00:00:00Z")).violations()).hasSize(1);
    }

    @Test
    void aBudgetIsVisibleOnlyWhenSet() throws Exception {
        CompiledPolicy policy = COMPILER.compile(blueprintPolicy("!has(blueprint.budget) || blueprint.budget.monthlyUsd <= 1000.0"));
        Blueprint withBudget = TestBlueprints.dev().budget("1500.50").build();

        assertThat(EVALUATOR.evaluate(TWO_BUCKETS, List.of(policy), NOW).violations()).isEmpty();
        assertThat(EVALUATOR.evaluate(withBudget, List.of(policy), NOW).violations()).hasSize(1);
    }

    @Test
    void aStoredPolicyThatNoLongerCompilesFailsClosed() {
        Policy policy = resourcePolicy("resource.properties.renamedLater", "storage.bucket");
        CompiledPolicy broken = CompiledPolicy.uncompilable(policy, "undefined field 'renamedLater'");

        Verdict verdict = EVALUATOR.evaluate(TWO_BUCKETS, List.of(broken), NOW);

        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.resourceName()).isEmpty();
            assertThat(violation.message()).contains("no longer compiles").contains("renamedLater");
        });
    }

    private static Verdict evaluate(Policy policy, Blueprint blueprint) {
        try {
            return EVALUATOR.evaluate(blueprint, List.of(COMPILER.compile(policy)), NOW);
        } catch (PolicyCompilationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
