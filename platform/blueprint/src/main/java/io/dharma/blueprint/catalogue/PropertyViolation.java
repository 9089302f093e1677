package io.dharma.blueprint.catalogue;

/**
 * A JSON Schema error in a resource's properties. {@code pointer} is relative to the properties
 * object ({@code ""} for the object itself); for a missing or unknown property it names that
 * property. {@code keyword} is the schema keyword that failed (for example {@code required}).
 */
public record PropertyViolation(String pointer, String keyword, String message) {
}
