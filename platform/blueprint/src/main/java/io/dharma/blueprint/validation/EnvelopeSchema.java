package io.dharma.blueprint.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import io.dharma.blueprint.catalogue.CatalogueResources;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The blueprint document's own structure (everything but resource properties), checked against
 * {@code blueprint/v1/blueprint.schema.json}; each schema error becomes a {@link Problem} with the
 * code for the place it occurred at.
 */
final class EnvelopeSchema {

    static final String PATH = "blueprint/v1/blueprint.schema.json";

    private static final Pattern RESOURCE_NAME = Pattern.compile("^/spec/resources/\\d+/name$");

    private final Schema schema;

    EnvelopeSchema() {
        String text = CatalogueResources.text(PATH);
        String id = CatalogueResources.json(text).path("$id").asString();
        this.schema = CatalogueResources.registry(Map.of(id, text)).getSchema(SchemaLocation.of(id));
        this.schema.initializeValidators();
    }

    List<Problem> validate(JsonNode document) {
        return schema.validate(document).stream().map(EnvelopeSchema::problem).toList();
    }

    private static Problem problem(Error error) {
        String at = error.getInstanceLocation().toString();
        String keyword = error.getKeyword();
        return switch (keyword) {
            case "required" -> {
                String pointer = JsonPointer.compile(at).appendProperty(error.getProperty()).toString();
                yield new Problem(ProblemCode.DOCUMENT_MISSING_FIELD, pointer,
                        Pointers.readable(pointer) + " is required");
            }
            case "additionalProperties" -> {
                String pointer = JsonPointer.compile(at).appendProperty(error.getProperty()).toString();
                yield new Problem(ProblemCode.DOCUMENT_UNKNOWN_FIELD, pointer,
                        Pointers.readable(pointer) + " is not a field of a blueprint");
            }
            case "propertyNames" -> {
                String pointer = JsonPointer.compile(at).appendProperty(error.getProperty()).toString();
                yield new Problem(ProblemCode.METADATA_INVALID_TAGS, pointer, "tag key '" + error.getProperty()
                        + "' must be 1-128 letters, digits or _ . : / = + @ -, starting with a letter or digit");
            }
            default -> placed(at, keyword, error.getMessage());
        };
    }

    private static Problem placed(String at, String keyword, String detail) {
        String readable = Pointers.readable(at);
        if (at.equals("/apiVersion")) {
            return new Problem(ProblemCode.DOCUMENT_UNSUPPORTED_API_VERSION, at, "apiVersion must be dharma/v1");
        } else if (at.equals("/kind")) {
            return new Problem(ProblemCode.DOCUMENT_UNSUPPORTED_KIND, at, "kind must be Blueprint");
        } else if (at.equals("/metadata/name")) {
            return new Problem(ProblemCode.METADATA_INVALID_NAME, at,
                    "metadata.name must be 3-63 lowercase letters, digits or '-', starting with a letter and"
                            + " ending with a letter or digit");
        } else if (at.equals("/metadata/environment")) {
            return new Problem(ProblemCode.METADATA_INVALID_ENVIRONMENT, at,
                    "metadata.environment must be one of dev, staging, prod");
        } else if (at.startsWith("/metadata/tags")) {
            return new Problem(ProblemCode.METADATA_INVALID_TAGS, at, tagMessage(readable, keyword, detail));
        } else if (at.equals("/spec/cloud")) {
            return new Problem(ProblemCode.SPEC_INVALID_CLOUD, at, "spec.cloud must be one of aws, azure, gcp");
        } else if (at.startsWith("/spec/budget")) {
            return new Problem(ProblemCode.SPEC_INVALID_BUDGET, at,
                    "spec.budget.monthlyUsd must be a number of US dollars greater than 0 (" + detail + ")");
        } else if (at.equals("/spec/approval")) {
            return new Problem(ProblemCode.SPEC_INVALID_APPROVAL, at, "spec.approval must be auto or required");
        } else if (RESOURCE_NAME.matcher(at).matches()) {
            return new Problem(ProblemCode.RESOURCE_INVALID_NAME, at,
                    readable + " must be 1-63 lowercase letters, digits or '-', starting with a letter and"
                            + " not ending with '-'");
        }
        return new Problem(ProblemCode.DOCUMENT_WRONG_TYPE, at, readable + ": " + detail);
    }

    private static String tagMessage(String readable, String keyword, String detail) {
        return switch (keyword) {
            case "maxProperties" -> "a blueprint can have at most 50 tags";
            case "type" -> readable + " must be a string (" + detail + ")";
            default -> readable + ": " + detail;
        };
    }
}
