package io.dharma.registry.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a candidate schema may follow earlier versions, using Avro's own
 * {@link SchemaCompatibility}. Messages follow the shape Confluent returns, so tooling that
 * shows them keeps working.
 */
public final class CompatibilityChecker {

    /**
     * @param previous live earlier versions, oldest first
     * @return the reasons the candidate is incompatible; empty when it is compatible
     */
    public List<String> check(Schema candidate, List<SchemaVersion> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> toCheck = level.transitive() ? previous : List.of(previous.getLast());
        List<String> messages = new ArrayList<>();
        // Newest first, as Confluent reports the closest version first.
        for (SchemaVersion old : toCheck.reversed()) {
            Schema oldSchema = AvroSchemas.parse(old.schema());
            List<String> problems = new ArrayList<>();
            if (level.newReadsOld()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, oldSchema),
                        "new schema cannot read data written with the old schema"));
            }
            if (level.oldReadsNew()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(oldSchema, candidate),
                        "old schema cannot read data written with the new schema"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                if (old.version() > 0) {
                    messages.add("{oldSchemaVersion: %d}".formatted(old.version()));
                }
                messages.add("{oldSchema: '%s'}".formatted(old.schema()));
                messages.add("{compatibility: '%s'}".formatted(level.name()));
            }
        }
        return messages;
    }

    private static List<String> describe(SchemaCompatibility.SchemaPairCompatibility pair, String direction) {
        List<String> out = new ArrayList<>();
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            out.add("{errorType:'%s', description:'%s at path '%s' (%s)', additionalInfo:'%s'}".formatted(
                    incompatibility.getType(),
                    incompatibility.getMessage(),
                    incompatibility.getLocation(),
                    direction,
                    incompatibility.getMessage()));
        }
        return out;
    }
}
