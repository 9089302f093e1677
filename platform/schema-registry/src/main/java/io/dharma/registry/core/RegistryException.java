package io.dharma.registry.core;

import io.dharma.serde.SchemaRegistryException;

/**
 * A failure the REST API reports with Confluent's error body {@code {"error_code":..,"message":..}}:
 * the client's {@link SchemaRegistryException}, with Confluent's codes, raised by the registry
 * itself. The factory methods carry Confluent's messages so existing clients recognise them.
 */
public final class RegistryException extends SchemaRegistryException {

    public RegistryException(int httpStatus, int errorCode, String message) {
        super(httpStatus, errorCode, message);
    }

    public RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(httpStatus, errorCode, message, cause);
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '%s' not found.".formatted(subject));
    }

    public static RegistryException versionNotFound(int version) {
        return new RegistryException(404, VERSION_NOT_FOUND, "Version %d not found.".formatted(version));
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema not found");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema %d not found".formatted(id));
    }

    public static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, SUBJECT_SOFT_DELETED,
                "Subject '%s' was soft deleted. Set permanent=true to delete permanently".formatted(subject));
    }

    public static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, SUBJECT_NOT_SOFT_DELETED,
                "Subject '%s' was not deleted first before being permanently deleted".formatted(subject));
    }

    public static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, VERSION_SOFT_DELETED,
                "Subject '%s' Version %d was soft deleted. Set permanent=true to delete permanently"
                        .formatted(subject, version));
    }

    public static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, VERSION_NOT_SOFT_DELETED,
                "Subject '%s' Version %d was not deleted first before being permanently deleted"
                        .formatted(subject, version));
    }

    public static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '%s' does not have subject-level compatibility configured".formatted(subject));
    }

    public static RegistryException incompatibleSchema(String subject, java.util.List<String> details) {
        return new RegistryException(409, INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"
                        .formatted(subject, details));
    }

    public static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(422, INVALID_VERSION,
                ("The specified version '%s' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"").formatted(version));
    }

    public static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(422, INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, "
                        + "backward_transitive, forward_transitive, and full_transitive");
    }

    public static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(500, STORE_ERROR, message, cause);
    }

    public static RegistryException operationTimeout(String message) {
        return new RegistryException(500, OPERATION_TIMEOUT, message);
    }
}
