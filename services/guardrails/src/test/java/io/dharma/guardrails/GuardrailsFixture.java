package io.dharma.guardrails;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.guardrails.cel.PolicyCompiler;
import io.dharma.guardrails.cel.PolicyVariables;
import io.dharma.guardrails.evaluation.PolicyEvaluator;
import io.dharma.guardrails.evaluation.Verdict;
import io.dharma.guardrails.policy.PolicyLibrary;
import io.dharma.guardrails.policy.PolicyParameters;
import io.dharma.guardrails.policy.PolicyValidator;
import io.dharma.guardrails.policyset.BuiltinPolicies;
import io.dharma.testing.ExampleBlueprints;
import java.time.Instant;

/** The engine with the built-in library and default parameters, built once for all unit tests. */
public final class GuardrailsFixture {

    /** The day these tests evaluate "as of", so end-of-life checks do not change with the calendar. */
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    public static final PolicyVariables VARIABLES = new PolicyVariables(ResourceCatalogue.v1());
    public static final PolicyCompiler COMPILER = new PolicyCompiler(VARIABLES);
    public static final PolicyValidator VALIDATOR = new PolicyValidator(ResourceCatalogue.v1());
    public static final PolicyParameters PARAMETERS = PolicyLibrary.defaultParameters();
    public static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(VARIABLES, PARAMETERS);
    public static final BuiltinPolicies BUILTINS = BuiltinPolicies.load(COMPILER, VALIDATOR);

    private static final BlueprintValidator BLUEPRINTS = new BlueprintValidator();

    private GuardrailsFixture() {
    }

    public static Verdict evaluateWithBuiltins(Blueprint blueprint) {
        return EVALUATOR.evaluate(blueprint, BUILTINS.all(), NOW);
    }

    /** The validated model of {@code examples/<file>}. */
    public static Blueprint example(String file) {
        return ExampleBlueprints.blueprint(file);
    }

    public static Blueprint blueprint(String yaml) {
        ValidationResult result = BLUEPRINTS.validate(yaml, DocumentFormat.YAML);
        if (result instanceof ValidationResult.Valid valid) {
            return valid.blueprint();
        }
        throw new IllegalArgumentException("not a valid blueprint: " + result);
    }
}
