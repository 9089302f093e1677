package io.dharma.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the gate on edited copies of the real schemas: each test changes one thing in a copy of
 * src/main/avro and checks whether the copy may replace the original as "current".
 */
class BackwardCompatibilityGateTest {

    @TempDir
    Path tmp;

    Path released;
    Path current;

    @BeforeEach
    void copyRealSchemas() throws IOException {
        released = copyTree(ReleasedSchemasCompatibilityTest.CURRENT, tmp.resolve("released"));
        current = copyTree(ReleasedSchemasCompatibilityTest.CURRENT, tmp.resolve("current"));
    }

    @Test
    void unchangedSchemasPass() {
        assertThat(check()).isEmpty();
    }

    @Test
    void acceptsANewOptionalFieldWithDefault() throws IOException {
        addEnvelopeField("""
                {"name": "traceParent", "type": ["null", "string"], "default": null}""");

        assertThat(check()).isEmpty();
    }

    @Test
    void rejectsANewRequiredFieldWithoutDefault() throws IOException {
        addEnvelopeField("""
                {"name": "region", "type": "string"}""");

        // Envelope is shared, so every lifecycle topic schema is affected (the security topic has its own).
        assertThat(check())
                .hasSize(SchemaTree.load(released).topLevelSchemas().size() - 1)
                .allSatisfy(problem -> assertThat(problem.message())
                        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                        .contains("region"));
    }

    @Test
    void rejectsANewRequiredFieldInOneUnionBranch() throws IOException {
        replaceIn("topics/DeploymentEvent.avsc",
                "{\"name\": \"approver\", \"type\": \"string\", \"doc\": \"Principal that approved.\"},",
                "{\"name\": \"approver\", \"type\": \"string\", \"doc\": \"Principal that approved.\"},"
                        + " {\"name\": \"ticket\", \"type\": \"string\"},");

        assertThat(check()).singleElement().satisfies(problem -> {
            assertThat(problem.schemaName()).isEqualTo("io.dharma.events.DeploymentEvent");
            // The changed branch no longer matches the written one, so old DeploymentApproved data has no branch to go to.
            assertThat(problem.message()).contains("MISSING_UNION_BRANCH", "io.dharma.events.DeploymentApproved");
        });
    }

    @Test
    void acceptsANewEnumSymbolButRejectsARemovedOne() throws IOException {
        replaceIn("topics/GuardrailsEvaluated.avsc", "[\"CRITICAL\", \"HIGH\", \"MEDIUM\", \"LOW\"]",
                "[\"CRITICAL\", \"HIGH\", \"MEDIUM\", \"LOW\", \"INFO\"]");
        assertThat(check()).isEmpty();

        replaceIn("topics/GuardrailsEvaluated.avsc", "[\"CRITICAL\", \"HIGH\", \"MEDIUM\", \"LOW\", \"INFO\"]",
                "[\"CRITICAL\", \"HIGH\", \"MEDIUM\"]");
        assertThat(check()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("MISSING_ENUM_SYMBOLS"));
    }

    @Test
    void rejectsAChangedFieldType() throws IOException {
        replaceIn("topics/GuardrailsEvaluated.avsc",
                "{\"name\": \"policiesEvaluated\", \"type\": \"int\"",
                "{\"name\": \"policiesEvaluated\", \"type\": \"string\"");

        assertThat(check()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("TYPE_MISMATCH", "reader string", "writer int"));
    }

    @Test
    void rejectsARemovedTopicSchema() throws IOException {
        Files.delete(current.resolve("topics/DriftEvent.avsc"));

        assertThat(check()).singleElement().satisfies(problem -> {
            assertThat(problem.schemaName()).isEqualTo("io.dharma.events.DriftEvent");
            assertThat(problem.message()).contains("no current counterpart");
        });
    }

    @Test
    void acceptsANewTopicSchema() throws IOException {
        Files.delete(released.resolve("topics/DriftEvent.avsc"));

        assertThat(check()).isEmpty();
    }

    @Test
    void rejectsAChangedDecimalScaleThatAvroAloneWouldAccept() throws IOException {
        replaceIn("topics/CostEstimated.avsc",
                "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 24, \"scale\": 10}",
                "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 24, \"scale\": 8}");

        assertThat(check()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains(".lineItems[].pricing<io.dharma.events.LinePricing>.unitPrice", "decimal(24,10)", "decimal(24,8)"));
    }

    @Test
    void rejectsAChangedTimestampUnit() throws IOException {
        replaceIn("topics/ResourceObserved.avsc", "\"timestamp-millis\"", "\"timestamp-micros\"");

        assertThat(check()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains(".observedAt", "timestamp-millis", "timestamp-micros"));
    }

    @Test
    void namesTheFileOfAnInvalidSchema() throws IOException {
        replaceIn("topics/DriftEvent.avsc", "\"type\": \"record\"", "\"type\": \"recrod\"");

        assertThatThrownBy(() -> SchemaTree.load(current))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DriftEvent.avsc");
    }

    private List<BackwardCompatibilityGate.Problem> check() {
        return BackwardCompatibilityGate.check(SchemaTree.load(released), SchemaTree.load(current));
    }

    /** Appends a field to the shared Envelope record, which every topic schema contains. */
    private void addEnvelopeField(String fieldJson) throws IOException {
        replaceIn("common/Envelope.avsc", "    }\n  ]\n}", "    },\n    " + fieldJson + "\n  ]\n}");
    }

    private void replaceIn(String relativePath, String original, String replacement) throws IOException {
        Path file = current.resolve(relativePath);
        String text = Files.readString(file);
        assertThat(text).as("test setup: %s must contain the text to replace", relativePath).contains(original);
        Files.writeString(file, text.replace(original, replacement));
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
