package io.dharma.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks that every current top-level schema can read data written with its released version
 * (Avro BACKWARD compatibility, the registry's default mode), so consumers may upgrade first.
 *
 * <p>Three rules, each reported as a {@link Problem}:
 * <ol>
 *   <li>every released schema still exists (same full name) in the current tree;</li>
 *   <li>{@link SchemaCompatibility#checkReaderWriterCompatibility} with the current schema as reader
 *       and the released one as writer is COMPATIBLE;</li>
 *   <li>no field keeps its place but changes its logical type ({@link LogicalTypeChanges}): Avro's
 *       resolution ignores logical types, so e.g. a decimal scale or timestamp unit change would
 *       pass rule 2 and then silently misread every old record.</li>
 * </ol>
 * A current schema with no released version is new and always accepted.
 */
public final class BackwardCompatibilityGate {

    /** One reason a current schema cannot replace its released version. */
    public record Problem(String schemaName, String message) {
        @Override
        public String toString() {
            return schemaName + ": " + message;
        }
    }

    private BackwardCompatibilityGate() {
    }

    /** Every problem found; empty when the current tree may replace the released one. */
    public static List<Problem> check(SchemaTree released, SchemaTree current) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : released.topLevelSchemas().entrySet()) {
            String name = entry.getKey();
            Schema releasedSchema = entry.getValue();
            Schema currentSchema = current.topLevelSchemas().get(name);
            if (currentSchema == null) {
                problems.add(new Problem(name, "released schema has no current counterpart under "
                        + current.root() + " (a released topic schema may not be removed or renamed)"));
                continue;
            }
            problems.addAll(readerWriterProblems(name, currentSchema, releasedSchema));
            LogicalTypeChanges.between(releasedSchema, currentSchema)
                    .forEach(change -> problems.add(new Problem(name, change)));
        }
        return List.copyOf(problems);
    }

    private static List<Problem> readerWriterProblems(String name, Schema reader, Schema writer) {
        SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(incompatibility -> new Problem(name, describe(incompatibility)))
                .toList();
    }

    private static String describe(Incompatibility incompatibility) {
        String message = Objects.toString(incompatibility.getMessage(), "");
        return "cannot read data written with the released schema: " + incompatibility.getType()
                + " at " + incompatibility.getLocation()
                + " (reader " + typeName(incompatibility.getReaderFragment())
                + ", writer " + writerTypeName(incompatibility) + ")"
                + (message.isBlank() ? "" : ": " + message);
    }

    // For a union, Avro's location ends with the index of the writer branch that found no match.
    private static String writerTypeName(Incompatibility incompatibility) {
        Schema writer = incompatibility.getWriterFragment();
        String location = incompatibility.getLocation();
        String lastToken = location.substring(location.lastIndexOf('/') + 1);
        if (writer.getType() == Schema.Type.UNION && lastToken.matches("\\d+")) {
            int branch = Integer.parseInt(lastToken);
            if (branch < writer.getTypes().size()) {
                return "union branch " + typeName(writer.getTypes().get(branch));
            }
        }
        return typeName(writer);
    }

    private static String typeName(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }
}
