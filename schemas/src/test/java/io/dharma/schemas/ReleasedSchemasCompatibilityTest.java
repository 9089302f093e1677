package io.dharma.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The build's compatibility gate: fails {@code ./mvnw verify} when a schema under src/main/avro
 * cannot read data written with its released copy under src/released (see schemas/README.md).
 */
class ReleasedSchemasCompatibilityTest {

    static final Path CURRENT = Path.of("src/main/avro");
    static final Path RELEASED = Path.of("src/released");

    @Test
    void everyCurrentSchemaCanReadDataWrittenWithItsReleasedVersion() {
        SchemaTree released = SchemaTree.load(RELEASED);
        SchemaTree current = SchemaTree.load(CURRENT);

        assertThat(released.topLevelSchemas()).as("released topic schemas").isNotEmpty();
        List<BackwardCompatibilityGate.Problem> problems = BackwardCompatibilityGate.check(released, current);

        assertThat(problems)
                .as("Incompatible schema changes. Make the change BACKWARD compatible (see schemas/README.md)"
                        + " or, for a breaking change, publish a new topic version.")
                .isEmpty();
    }

    @Test
    void everyTopicSchemaHasAGeneratedClass() {
        SchemaTree current = SchemaTree.load(CURRENT);

        assertThat(current.topLevelSchemas()).containsOnlyKeys(
                "io.dharma.events.BlueprintSubmitted",
                "io.dharma.events.IacEvent",
                "io.dharma.events.GuardrailsEvaluated",
                "io.dharma.events.CostEstimated",
                "io.dharma.events.DeploymentEvent",
                "io.dharma.events.ResourceObserved",
                "io.dharma.events.DriftEvent",
                "io.dharma.events.SecurityEvent");
        current.topLevelSchemas().forEach((name, schema) ->
                assertThat(generatedSchemaOf(name).getFields()).as(name).hasSameSizeAs(schema.getFields()));
    }

    private static org.apache.avro.Schema generatedSchemaOf(String className) {
        try {
            return (org.apache.avro.Schema) Class.forName(className).getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("No generated class " + className, e);
        }
    }
}
