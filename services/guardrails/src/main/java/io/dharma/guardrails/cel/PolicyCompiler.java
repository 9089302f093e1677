package io.dharma.guardrails.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelRuntimeLibrary;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.guardrails.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles policies: parses each expression once, then type-checks it against every resource
 * type the policy applies to (so {@code resource.properties.<field>} must exist in each type's
 * schema) or against the blueprint variables only. Thread-safe; build one and share it.
 *
 * <p>The CEL environment: the standard library and macros ({@code all}, {@code exists},
 * {@code map}, {@code filter}, {@code has}), optional syntax ({@code resource.properties.?lifecycle}),
 * and the strings, lists, sets and math extensions. Evaluation is bounded: at most
 * {@value #MAX_COMPREHENSION_ITERATIONS} comprehension iterations per evaluation and
 * {@value #MAX_EXPRESSION_LENGTH} code points per expression, since tenants write expressions too.
 */
public final class PolicyCompiler {

    public static final int MAX_EXPRESSION_LENGTH = 4096;
    public static final int MAX_COMPREHENSION_ITERATIONS = 10_000;
    /**
     * Most steps one evaluation of a tenant's policy may be estimated at ({@link #estimatedCost}): a
     * comprehension over a blueprint's lists with a few hundred nodes inside passes, a second one
     * nested in it does not.
     */
    public static final long MAX_ESTIMATED_COST = 100_000;
    public static final String EXPRESSION = "expression";
    public static final String MESSAGE_EXPRESSION = "messageExpression";

    static final CelOptions OPTIONS = CelOptions.current()
            .evaluateCanonicalTypesToNativeValues(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
            .build();

    private final PolicyVariables variables;
    private final CelCompiler blueprintCompiler;
    private final Map<String, CelCompiler> resourceCompilers = new LinkedHashMap<>();
    private final CelRuntime runtime;

    public PolicyCompiler(PolicyVariables variables) {
        this.variables = variables;
        this.blueprintCompiler = compilerBuilder().build();
        for (String type : variables.catalogue().typeNames()) {
            resourceCompilers.put(type, compilerBuilder().addVar(PolicyVariables.RESOURCE, variables.resourceType(type)).build());
        }
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(runtimeLibraries())
                .build();
    }

    public ResourceCatalogue catalogue() {
        return variables.catalogue();
    }

    /**
     * The compiled policy; every resource type it names must be a catalogue type (or {@code *}).
     *
     * @throws PolicyCompilationException when an expression does not parse, names something
     *     unknown (a variable, a function, a property of one of the resource types), or returns
     *     the wrong type ({@code bool} for the expression, {@code string} for the message)
     */
    public CompiledPolicy compile(Policy policy) throws PolicyCompilationException {
        List<CompilationError> errors = new ArrayList<>();
        Set<String> reports = new LinkedHashSet<>();
        Optional<CelAbstractSyntaxTree> condition = parse(policy.expression(), EXPRESSION, errors, reports);
        Optional<CelAbstractSyntaxTree> message = policy.messageExpression().isEmpty() ? Optional.empty()
                : parse(policy.messageExpression().get(), MESSAGE_EXPRESSION, errors, reports);

        Map<String, CompiledPolicy.Programs> byType = new LinkedHashMap<>();
        CompiledPolicy.Programs forBlueprint = null;
        if (errors.isEmpty()) {
            if (policy.blueprintLevel()) {
                forBlueprint = check(blueprintCompiler, Optional.empty(), condition.orElseThrow(), message, errors, reports);
            } else {
                for (String type : resourceTypes(policy)) {
                    CompiledPolicy.Programs programs = check(compilerFor(type), Optional.of(type),
                            condition.orElseThrow(), message, errors, reports);
                    byType.put(type, programs);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyCompilationException(String.join("\n", reports), errors);
        }
        return new CompiledPolicy(policy, byType, forBlueprint);
    }

    /**
     * An upper estimate of what one evaluation of the policy's expression and message costs, in
     * expression nodes evaluated ({@link ExpressionCost}); 0 for an expression that does not parse.
     */
    public long estimatedCost(Policy policy) {
        long cost = 0;
        for (String expression : policy.messageExpression().isEmpty() ? List.of(policy.expression())
                : List.of(policy.expression(), policy.messageExpression().get())) {
            CelValidationResult parsed = blueprintCompiler.parse(expression);
            if (!parsed.hasError()) {
                cost += ExpressionCost.of(ast(parsed).getExpr());
            }
        }
        return cost;
    }

    /** The catalogue types a policy applies to, with {@code *} expanded. */
    public List<String> resourceTypes(Policy policy) {
        return policy.resourceTypes().contains(Policy.EVERY_RESOURCE_TYPE)
                ? variables.catalogue().typeNames()
                : policy.resourceTypes();
    }

    private CelCompiler compilerFor(String type) {
        CelCompiler compiler = resourceCompilers.get(type);
        if (compiler == null) {
            throw new IllegalArgumentException("unknown resource type '" + type + "'");
        }
        return compiler;
    }

    private Optional<CelAbstractSyntaxTree> parse(String expression, String field,
            List<CompilationError> errors, Set<String> reports) {
        CelValidationResult parsed = blueprintCompiler.parse(expression);
        if (parsed.hasError()) {
            collect(parsed, field, Optional.empty(), errors, reports);
            return Optional.empty();
        }
        return Optional.of(ast(parsed));
    }

    private CompiledPolicy.Programs check(CelCompiler compiler, Optional<String> resourceType,
            CelAbstractSyntaxTree condition, Optional<CelAbstractSyntaxTree> message,
            List<CompilationError> errors, Set<String> reports) {
        Optional<CelRuntime.Program> conditionProgram =
                checkOne(compiler, condition, SimpleType.BOOL, EXPRESSION, resourceType, errors, reports);
        Optional<CelRuntime.Program> messageProgram = message.flatMap(ast ->
                checkOne(compiler, ast, SimpleType.STRING, MESSAGE_EXPRESSION, resourceType, errors, reports));
        return conditionProgram.map(program -> new CompiledPolicy.Programs(program, messageProgram)).orElse(null);
    }

    private Optional<CelRuntime.Program> checkOne(CelCompiler compiler, CelAbstractSyntaxTree parsed, CelType resultType,
            String field, Optional<String> resourceType, List<CompilationError> errors, Set<String> reports) {
        CelValidationResult checked = compiler.check(parsed);
        if (checked.hasError()) {
            collect(checked, field, resourceType, errors, reports);
            return Optional.empty();
        }
        CelAbstractSyntaxTree ast = ast(checked);
        CelType actual = ast.getResultType();
        if (!actual.equals(resultType) && !actual.equals(SimpleType.DYN)) {
            String text = field + " must return " + resultType.name() + " but returns " + actual.name();
            errors.add(new CompilationError(field, resourceType, 0, 0, text));
            reports.add(prefix(field, resourceType) + text);
            return Optional.empty();
        }
        try {
            return Optional.of(runtime.createProgram(ast));
        } catch (CelEvaluationException e) {
            errors.add(new CompilationError(field, resourceType, 0, 0, e.getMessage()));
            reports.add(prefix(field, resourceType) + e.getMessage());
            return Optional.empty();
        }
    }

    private static void collect(CelValidationResult result, String field, Optional<String> resourceType,
            List<CompilationError> errors, Set<String> reports) {
        for (CelIssue issue : result.getErrors()) {
            // CEL's source locations are 1-based lines and 0-based columns
            errors.add(new CompilationError(field, resourceType,
                    issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn() + 1, issue.getMessage()));
        }
        reports.add(prefix(field, resourceType) + result.getErrorString());
    }

    private static String prefix(String field, Optional<String> resourceType) {
        return field + resourceType.map(type -> " (resource type " + type + ")").orElse("") + ": ";
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("a result without errors has an AST", e);
        }
    }

    private CelCompilerBuilder compilerBuilder() {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(variables)
                .addVar(PolicyVariables.BLUEPRINT, PolicyVariables.BLUEPRINT_TYPE)
                .addVar(PolicyVariables.PARAMS, PolicyVariables.PARAMS_TYPE)
                .addVar(PolicyVariables.NOW, SimpleType.TIMESTAMP)
                .addLibraries(compilerLibraries());
    }

    private static List<CelCompilerLibrary> compilerLibraries() {
        return List.of(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS),
                CelExtensions.math(OPTIONS), CelExtensions.optional());
    }

    private static List<CelRuntimeLibrary> runtimeLibraries() {
        return List.of(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS),
                CelExtensions.math(OPTIONS), CelExtensions.optional());
    }
}
