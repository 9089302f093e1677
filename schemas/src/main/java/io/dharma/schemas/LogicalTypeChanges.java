package io.dharma.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Finds places where two versions of a schema give the same value a different logical type.
 *
 * <p>Both schemas are flattened into "path -> logical type" maps, where a path names the route to a
 * value by field names, {@code []} for array items, {@code {}} for map values and {@code <Type>} for
 * a union branch (for example {@code .lineItems[].unitPrice<bytes>}). A path present in both versions
 * with a different logical type (or with one added or dropped) is a change. Fields that were added or
 * removed are not this class's concern; Avro's own compatibility check covers them.
 */
final class LogicalTypeChanges {

    private LogicalTypeChanges() {
    }

    static List<String> between(Schema released, Schema current) {
        Map<String, String> before = logicalTypesByPath(released);
        Map<String, String> after = logicalTypesByPath(current);
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> entry : before.entrySet()) {
            String path = entry.getKey();
            if (after.containsKey(path) && !Objects.equals(entry.getValue(), after.get(path))) {
                changes.add("logical type of " + path + " changed from " + entry.getValue() + " to " + after.get(path)
                        + "; old data would be misread, add a new field instead");
            }
        }
        return changes;
    }

    private static Map<String, String> logicalTypesByPath(Schema schema) {
        Map<String, String> result = new LinkedHashMap<>();
        collect(schema, "", result, new HashSet<>());
        return result;
    }

    private static void collect(Schema schema, String path, Map<String, String> out, Set<String> recordsOnPath) {
        out.put(path, describe(schema.getLogicalType()));
        switch (schema.getType()) {
            case RECORD -> {
                // A recursive type would otherwise recurse forever.
                if (!recordsOnPath.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    collect(field.schema(), path + "." + field.name(), out, recordsOnPath);
                }
                recordsOnPath.remove(schema.getFullName());
            }
            case ARRAY -> collect(schema.getElementType(), path + "[]", out, recordsOnPath);
            case MAP -> collect(schema.getValueType(), path + "{}", out, recordsOnPath);
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    collect(branch, path + "<" + branchName(branch) + ">", out, recordsOnPath);
                }
            }
            default -> {
                // primitives, enums and fixed have no children
            }
        }
    }

    private static String branchName(Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getFullName();
            default -> branch.getType().getName();
        };
    }

    private static String describe(LogicalType logicalType) {
        if (logicalType == null) {
            return "none";
        }
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        return logicalType.getName();
    }
}
