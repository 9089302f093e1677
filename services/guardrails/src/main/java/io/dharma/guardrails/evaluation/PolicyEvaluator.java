package io.dharma.guardrails.evaluation;

import dev.cel.runtime.CelEvaluationException;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.guardrails.cel.CompiledPolicy;
import io.dharma.guardrails.cel.PolicyVariables;
import io.dharma.guardrails.policy.MessageTemplate;
import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.policy.PolicyParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates compiled policies against a blueprint. A resource-level policy is evaluated for each
 * resource of the types it applies to, a blueprint-level policy once. A policy whose expression
 * fails at run time (a missing map key, too many iterations) is reported as a violation of that
 * policy with the reason, never as a crash: with its own enforcement, so a blocking policy fails
 * closed. Thread-safe.
 */
public final class PolicyEvaluator {

    static final int MAX_MESSAGE_LENGTH = 1_000;

    private final PolicyVariables variables;
    private final Map<String, Object> params;

    public PolicyEvaluator(PolicyVariables variables, PolicyParameters parameters) {
        this.variables = variables;
        this.params = PolicyVariables.params(parameters);
    }

    /**
     * @param now the time the expressions see as {@code now}: the submission time of the version
     *     evaluated, so a later replay reaches the same verdict
     */
    public Verdict evaluate(Blueprint blueprint, List<CompiledPolicy> policies, Instant now) {
        Map<String, Object> blueprintValue = PolicyVariables.blueprint(blueprint);
        Map<String, Map<String, Object>> resourceValues = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (CompiledPolicy compiled : policies) {
            if (compiled.compilationFailure().isPresent()) {
                violations.add(violation(compiled.policy(), Map.of(), "policy " + compiled.policy().id()
                        + " could not be evaluated: it no longer compiles: " + compiled.compilationFailure().get()));
                continue;
            }
            Optional<CompiledPolicy.Programs> blueprintPrograms = compiled.forBlueprint();
            if (blueprintPrograms.isPresent()) {
                Map<String, Object> inputs = inputs(blueprintValue, now);
                check(compiled.policy(), blueprintPrograms.get(), inputs, placeholders(blueprint, Optional.empty()))
                        .ifPresent(violations::add);
                continue;
            }
            for (ResourceSpec resource : blueprint.spec().resources()) {
                Optional<CompiledPolicy.Programs> programs = compiled.forResourceType(resource.type());
                if (programs.isEmpty()) {
                    continue;
                }
                Map<String, Object> inputs = inputs(blueprintValue, now);
                inputs.put(PolicyVariables.RESOURCE,
                        resourceValues.computeIfAbsent(resource.name(), name -> variables.resource(resource)));
                check(compiled.policy(), programs.get(), inputs, placeholders(blueprint, Optional.of(resource)))
                        .ifPresent(violations::add);
            }
        }
        return Verdict.of(violations, policies.size());
    }

    private Map<String, Object> inputs(Map<String, Object> blueprintValue, Instant now) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(PolicyVariables.BLUEPRINT, blueprintValue);
        inputs.put(PolicyVariables.PARAMS, params);
        inputs.put(PolicyVariables.NOW, now);
        return inputs;
    }

    private static Optional<Violation> check(Policy policy, CompiledPolicy.Programs programs,
            Map<String, Object> inputs, Map<String, String> placeholders) {
        String failure;
        try {
            Object result = programs.condition().eval(inputs);
            if (Boolean.TRUE.equals(result)) {
                return Optional.empty();
            }
            if (Boolean.FALSE.equals(result)) {
                return Optional.of(violation(policy, placeholders, message(policy, programs, inputs, placeholders)));
            }
            failure = "expression returned " + result + " instead of true or false";
        } catch (CelEvaluationException e) {
            failure = e.getMessage();
        }
        String subject = placeholders.containsKey("resource.name")
                ? "resource " + placeholders.get("resource.name") : "blueprint " + placeholders.get("blueprint.name");
        return Optional.of(violation(policy, placeholders,
                "policy " + policy.id() + " could not be evaluated for " + subject + ": " + failure));
    }

    /**
     * The message expression's result when it evaluates to a non-blank string (cut at
     * {@value #MAX_MESSAGE_LENGTH} code points: a tenant's expression writes it), else the message template.
     */
    private static String message(Policy policy, CompiledPolicy.Programs programs,
            Map<String, Object> inputs, Map<String, String> placeholders) {
        if (programs.message().isPresent()) {
            try {
                if (programs.message().get().eval(inputs) instanceof String text && !text.isBlank()) {
                    return text.codePointCount(0, text.length()) <= MAX_MESSAGE_LENGTH ? text
                            : text.substring(0, text.offsetByCodePoints(0, MAX_MESSAGE_LENGTH)) + "…";
                }
            } catch (CelEvaluationException e) {
                // the static message below still says what is wrong
            }
        }
        return MessageTemplate.render(policy.message(), placeholders);
    }

    private static Violation violation(Policy policy, Map<String, String> placeholders, String message) {
        return new Violation(policy.id(), policy.title(), policy.severity(), policy.enforcement(),
                Optional.ofNullable(placeholders.get("resource.name")), message, policy.remediation());
    }

    private static Map<String, String> placeholders(Blueprint blueprint, Optional<ResourceSpec> resource) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("blueprint.name", blueprint.name());
        values.put("blueprint.environment", blueprint.metadata().environment().id());
        values.put("blueprint.cloud", blueprint.spec().cloud().id());
        values.put("blueprint.region", blueprint.spec().region());
        resource.ifPresent(r -> {
            values.put("resource.name", r.name());
            values.put("resource.type", r.type());
        });
        return values;
    }
}
