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
    DOCUMENT_UNPARSEABLE("document.unparseable", Kind.UNREADABLE),
    DOCUMENT_UNSUPPORTED_MEDIA_TYPE("document.unsupported-media-type", Kind.UNREADABLE),
    DOCUMENT_TOO_LARGE("document.too-large", Kind.UNREADABLE),
    DOCUMENT_TOO_DEEP("document.too-deep", Kind.UNREADABLE),
    DOCUMENT_TOO_MANY_ALIASES("document.too-many-aliases", Kind.UNREADABLE),

    // The document was read but does not describe a valid blueprint (HTTP 422).
    DOCUMENT_UNSUPPORTED_API_VERSION("document.unsupported-api-version", Kind.INVALID),
    DOCUMENT_UNSUPPORTED_KIND("document.unsupported-kind", Kind.INVALID),
    DOCUMENT_MISSING_FIELD("document.missing-field", Kind.INVALID),
    DOCUMENT_UNKNOWN_FIELD("document.unknown-field", Kind.INVALID),
    DOCUMENT_WRONG_TYPE("document.wrong-type", Kind.INVALID),
    DOCUMENT_TOO_MANY_RESOURCES("document.too-many-resources", Kind.INVALID),
    METADATA_INVALID_NAME("metadata.invalid-name", Kind.INVALID),
    METADATA_INVALID_ENVIRONMENT("metadata.invalid-environment", Kind.INVALID),
    METADATA_INVALID_TAGS("metadata.invalid-tags", Kind.INVALID),
    SPEC_INVALID_CLOUD("spec.invalid-cloud", Kind.INVALID),
    SPEC_UNKNOWN_REGION("spec.unknown-region", Kind.INVALID),
    SPEC_INVALID_BUDGET("spec.invalid-budget", Kind.INVALID),
    SPEC_INVALID_APPROVAL("spec.invalid-approval", Kind.INVALID),
    RESOURCE_INVALID_NAME("resource.invalid-name", Kind.INVALID),
    RESOURCE_UNKNOWN_TYPE("resource.unknown-type", Kind.INVALID),
    RESOURCE_INVALID_PROPERTIES("resource.invalid-properties", Kind.INVALID),
    RESOURCE_DUPLICATE_NAME("resource.duplicate-name", Kind.INVALID),
    RESOURCE_TOO_MANY_DEPENDENCIES("resource.too-many-dependencies", Kind.INVALID),
    RESOURCE_DUPLICATE_DEPENDENCY("resource.duplicate-dependency", Kind.INVALID),
    RESOURCE_UNKNOWN_DEPENDENCY("resource.unknown-dependency", Kind.INVALID),
    RESOURCE_WRONG_REFERENCE_TYPE("resource.wrong-reference-type", Kind.INVALID),
    RESOURCE_DEPENDENCY_CYCLE("resource.dependency-cycle", Kind.INVALID);

    /** Whether a problem stops reading the document or is one of possibly many validation problems. */
    public enum Kind {
        /** The document could not be read; at most one such problem is reported. */
        UNREADABLE,
        /** The document was read; all such problems are reported together. */
        INVALID
    }

    private final String id;
    private final Kind kind;

    ProblemCode(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The stable code, for example {@code resource.unknown-type}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<ProblemCode> fromId(String id) {
        return Arrays.stream(values()).filter(code -> code.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
