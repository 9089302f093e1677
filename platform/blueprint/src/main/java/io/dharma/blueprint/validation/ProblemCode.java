package io.dharma.blueprint.validation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem a submitted blueprint can have, with its stable code. Codes are a public
 * contract (clients switch on them): never rename one, only add. The table in
 * {@code platform/blueprint/README.md} documents them.
 */
public enum ProblemCode {

    // The document could not be read at all (HTTP 400; 413 for too-large, 415 for an unsupported media type).
    DOCUMENT_UNPARSEABLE("document.unparseable", Kind.UNREADABLE,
            "Not well-formed YAML or JSON, empty, several documents, duplicate keys, or values JSON cannot represent."),
    DOCUMENT_UNSUPPORTED_MEDIA_TYPE("document.unsupported-media-type", Kind.UNREADABLE,
            "Neither YAML nor JSON was declared as the content type."),
    DOCUMENT_TOO_LARGE("document.too-large", Kind.UNREADABLE,
            "The document, or what its YAML aliases expand to, exceeds the size limit."),
    DOCUMENT_TOO_DEEP("document.too-deep", Kind.UNREADABLE,
            "Mappings and lists are nested deeper than the limit."),
    DOCUMENT_TOO_MANY_ALIASES("document.too-many-aliases", Kind.UNREADABLE,
            "The YAML document uses more aliases (*name) than the limit, as alias bombs do."),

    // The document was read but does not describe a valid blueprint (HTTP 422).
    DOCUMENT_UNSUPPORTED_API_VERSION("document.unsupported-api-version", Kind.INVALID,
            "apiVersion is not dharma/v1."),
    DOCUMENT_UNSUPPORTED_KIND("document.unsupported-kind", Kind.INVALID,
            "kind is not Blueprint."),
    DOCUMENT_MISSING_FIELD("document.missing-field", Kind.INVALID,
            "A required field is absent; the pointer names the missing field."),
    DOCUMENT_UNKNOWN_FIELD("document.unknown-field", Kind.INVALID,
            "A field the format does not define (often a typo); the pointer names it."),
    DOCUMENT_WRONG_TYPE("document.wrong-type", Kind.INVALID,
            "A value has the wrong JSON type, for example a list where a mapping belongs."),
    DOCUMENT_TOO_MANY_RESOURCES("document.too-many-resources", Kind.INVALID,
            "spec.resources has more entries than the limit."),
    METADATA_INVALID_NAME("metadata.invalid-name", Kind.INVALID,
            "metadata.name is not a DNS label of 3-63 characters."),
    METADATA_INVALID_ENVIRONMENT("metadata.invalid-environment", Kind.INVALID,
            "metadata.environment is not dev, staging or prod."),
    METADATA_INVALID_TAGS("metadata.invalid-tags", Kind.INVALID,
            "A tag key or value is not allowed, or there are too many tags."),
    SPEC_INVALID_CLOUD("spec.invalid-cloud", Kind.INVALID,
            "spec.cloud is not aws, azure or gcp."),
    SPEC_UNKNOWN_REGION("spec.unknown-region", Kind.INVALID,
            "spec.region is not a region of the chosen cloud; the message lists the valid ones."),
    SPEC_INVALID_BUDGET("spec.invalid-budget", Kind.INVALID,
            "spec.budget.monthlyUsd is not a number greater than 0."),
    SPEC_INVALID_APPROVAL("spec.invalid-approval", Kind.INVALID,
            "spec.approval is not auto or required."),
    RESOURCE_INVALID_NAME("resource.invalid-name", Kind.INVALID,
            "A resource name is not a DNS label (1-63 lowercase letters, digits, '-')."),
    RESOURCE_UNKNOWN_TYPE("resource.unknown-type", Kind.INVALID,
            "A resource type is not in the resource catalogue."),
    RESOURCE_INVALID_PROPERTIES("resource.invalid-properties", Kind.INVALID,
            "A resource's properties break its type's JSON Schema; one problem per schema error."),
    RESOURCE_DUPLICATE_NAME("resource.duplicate-name", Kind.INVALID,
            "Two resources have the same name; the later one is reported."),
    RESOURCE_TOO_MANY_DEPENDENCIES("resource.too-many-dependencies", Kind.INVALID,
            "A resource's dependsOn has more entries than the limit."),
    RESOURCE_DUPLICATE_DEPENDENCY("resource.duplicate-dependency", Kind.INVALID,
            "A resource's dependsOn names the same resource twice; the later entry is reported."),
    RESOURCE_UNKNOWN_DEPENDENCY("resource.unknown-dependency", Kind.INVALID,
            "dependsOn or a reference property names a resource the blueprint does not have."),
    RESOURCE_WRONG_REFERENCE_TYPE("resource.wrong-reference-type", Kind.INVALID,
            "A reference property names a resource of a type it cannot refer to (a subnet's network that is a bucket)."),
    RESOURCE_DEPENDENCY_CYCLE("resource.dependency-cycle", Kind.INVALID,
            "Resources depend on each other in a cycle; the message names it (a -> b -> a).");

    /** Whether a problem stops reading the document or is one of possibly many validation problems. */
    public enum Kind {
        /** The document could not be read; at most one such problem is reported. */
        UNREADABLE,
        /** The document was read; all such problems are reported together. */
        INVALID
    }

    private final String id;
    private final Kind kind;
    private final String description;

    ProblemCode(String id, Kind kind, String description) {
        this.id = id;
        this.kind = kind;
        this.description = description;
    }

    /** The stable code, for example {@code resource.unknown-type}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static Optional<ProblemCode> fromId(String id) {
        return Arrays.stream(values()).filter(code -> code.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
