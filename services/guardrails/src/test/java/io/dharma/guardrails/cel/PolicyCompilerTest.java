package io.dharma.guardrails.cel;

import static io.dharma.guardrails.GuardrailsFixture.COMPILER;
import static io.dharma.guardrails.TestPolicies.blueprintPolicy;
import static io.dharma.guardrails.TestPolicies.resourcePolicy;
import static io.dharma.guardrails.TestPolicies.withMessageExpression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.dharma.blueprint.catalogue.ResourceCatalogue;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyCompilerTest {

    @Test
    void anUnknownPropertyIsRejectedWithTheCompilersMessageAndPosition() {
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.properties.encryptd", "storage.bucket")))
                .isInstanceOf(PolicyCompilationException.class)
                .hasMessageContaining("undefined field 'encryptd'")
                .extracting(e -> ((PolicyCompilationException) e).errors(), list(CompilationError.class))
                .containsExactly(new CompilationError("expression", Optional.of("storage.bucket"), 1, 20,
                        "undefined field 'encryptd'"));
    }

    @Test
    void aPropertyMustExistInEveryResourceTypeThePolicyAppliesTo() {
        // encrypted exists on buckets and databases, not on caches
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.properties.encrypted",
                "storage.bucket", "database.postgres", "cache.redis")))
                .isInstanceOf(PolicyCompilationException.class)
                .extracting(e -> ((PolicyCompilationException) e).errors(), list(CompilationError.class))
                .extracting(CompilationError::resourceType)
                .containsExactly(Optional.of("cache.redis"));
    }

    @Test
    void nestedObjectsAndListItemsAreTypedToo() throws Exception {
        COMPILER.compile(resourcePolicy("resource.properties.disk.sizeGb <= 100", "compute.instance"));
        COMPILER.compile(resourcePolicy("resource.properties.ingress.all(r, !has(r.portRange) || r.portRange.to < 1024)", "firewall"));
        COMPILER.compile(resourcePolicy("resource.properties.?lifecycle.expireAfterDays.orValue(0) <= 365", "storage.bucket"));

        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.properties.disk.sizeGB <= 100", "compute.instance")))
                .hasMessageContaining("undefined field 'sizeGB'");
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.properties.ingress.all(r, r.port == 22)", "firewall")))
                .hasMessageContaining("undefined field 'port'");
    }

    @Test
    void typesAreCheckedNotJustNames() {
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.properties.count > 'two'", "compute.instance")))
                .isInstanceOf(PolicyCompilationException.class)
                .hasMessageContaining("found no matching overload for '_>_'");
    }

    @Test
    void theExpressionMustReturnABoolAndTheMessageExpressionAString() {
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.name", "network")))
                .hasMessageContaining("expression must return bool but returns string");
        assertThatThrownBy(() -> COMPILER.compile(withMessageExpression(resourcePolicy("true", "network"), "resource.properties")))
                .isInstanceOf(PolicyCompilationException.class)
                .extracting(e -> ((PolicyCompilationException) e).errors(), list(CompilationError.class))
                .extracting(CompilationError::field)
                .containsExactly("messageExpression");
    }

    @Test
    void aSyntaxErrorIsReportedOnceWhateverTheNumberOfTypes() {
        assertThatThrownBy(() -> COMPILER.compile(resourcePolicy("resource.name ==", "*")))
                .isInstanceOf(PolicyCompilationException.class)
                .extracting(e -> ((PolicyCompilationException) e).errors(), list(CompilationError.class))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.resourceType()).isEmpty();
                    assertThat(error.line()).isEqualTo(1);
                    assertThat(error.column()).isEqualTo(17);
                });
    }

    @Test
    void everyTypeMeansEveryCatalogueType() throws Exception {
        CompiledPolicy compiled = COMPILER.compile(resourcePolicy("resource.name.startsWith('team-')", "*"));

        for (String type : ResourceCatalogue.v1().typeNames()) {
            assertThat(compiled.forResourceType(type)).as(type).isPresent();
        }
        assertThat(compiled.forBlueprint()).isEmpty();
    }

    @Test
    void aBlueprintLevelPolicyCannotSeeAResource() {
        assertThatThrownBy(() -> COMPILER.compile(blueprintPolicy("resource.name == 'x'")))
                .hasMessageContaining("undeclared reference to 'resource'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blueprint.owner == 'x'", "params.allowedRegion.size() > 0", "blueprint.budget.monthly > 1.0"})
    void unknownBlueprintAndParameterFieldsAreRejected(String expression) {
        assertThatThrownBy(() -> COMPILER.compile(blueprintPolicy(expression)))
                .isInstanceOf(PolicyCompilationException.class)
                .hasMessageContaining("undefined field");
    }

    @Test
    void unknownFunctionsAreRejected() {
        assertThatThrownBy(() -> COMPILER.compile(blueprintPolicy("blueprint.name.shout() == 'X'")))
                .hasMessageContaining("undeclared reference to 'shout'");
    }

    @Test
    void everyPropertyOfEverySchemaIsAKnownField() {
        for (var type : ResourceCatalogue.v1().types()) {
            for (String property : type.schema().path("properties").propertyNames()) {
                String expression = "has(resource.properties." + property + ")";
                org.assertj.core.api.Assertions.assertThatCode(() -> COMPILER.compile(resourcePolicy(expression, type.name())))
                        .as(type.name() + "." + property)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theEstimatedCostCountsAComprehensionOncePerItemSoNestingMultiplies() {
        long plain = COMPILER.estimatedCost(resourcePolicy("resource.properties.encrypted", "storage.bucket"));
        long literal = COMPILER.estimatedCost(blueprintPolicy("[1, 2, 3].all(x, x > 0)"));
        long single = COMPILER.estimatedCost(blueprintPolicy("blueprint.tags.all(k, k != '')"));
        long nested = COMPILER.estimatedCost(blueprintPolicy("blueprint.tags.all(k, blueprint.tags.exists(j, k != j))"));

        assertThat(plain).isBetween(1L, 10L);
        assertThat(literal).isGreaterThan(plain).isLessThan(ExpressionCost.UNKNOWN_RANGE);
        assertThat(single).isGreaterThan(ExpressionCost.UNKNOWN_RANGE).isLessThan(PolicyCompiler.MAX_ESTIMATED_COST);
        assertThat(nested).isGreaterThan(PolicyCompiler.MAX_ESTIMATED_COST);
    }
}
