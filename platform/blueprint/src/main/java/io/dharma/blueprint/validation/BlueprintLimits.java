package io.dharma.blueprint.validation;

/**
 * Limits that keep a hostile or runaway document from costing much memory or time.
 *
 * @param maxDocumentBytes size of the submitted document in bytes
 * @param maxDepth nesting of mappings/objects and lists/arrays (the document root is depth 1)
 * @param maxAliases YAML aliases ({@code *name}) in one document
 * @param maxValues values (scalars and collections) after YAML aliases are expanded
 * @param maxResources entries of {@code spec.resources}
 * @param maxDependsOn entries of one resource's {@code dependsOn}: far more than a resource needs,
 *                     small enough that aliases repeating one list cannot make an event Kafka refuses
 */
public record BlueprintLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxValues, int maxResources,
                              int maxDependsOn) {

    public static final BlueprintLimits DEFAULT = new BlueprintLimits(256 * 1024, 32, 50, 100_000, 200, 50);

    public BlueprintLimits {
        if (maxDocumentBytes < 1 || maxDepth < 1 || maxAliases < 0 || maxValues < 1 || maxResources < 1
                || maxDependsOn < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
