package io.dharma.guardrails.policy;

import io.dharma.blueprint.catalogue.ResourceCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of a policy (everything but whether its CEL compiles, which
 * {@code PolicyCompiler} decides). Reports every broken rule at once.
 */
public final class PolicyValidator {

    public static final Pattern ID = Pattern.compile("^[a-z0-9]([a-z0-9.-]{0,98}[a-z0-9])?$");
    public static final int MAX_TITLE = 200;
    public static final int MAX_EXPRESSION = 4096;
    public static final int MAX_MESSAGE = 1000;
    public static final int MAX_REMEDIATION = 2000;

    private final ResourceCatalogue catalogue;

    public PolicyValidator(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The policy {@code document} describes; throws {@link InvalidPolicyException} listing every problem. */
    public Policy validate(PolicyDocument document) {
        List<FieldError> errors = new ArrayList<>();
        if (document.id() == null || !ID.matcher(document.id()).matches()) {
            errors.add(new FieldError("id", "must be 1-100 lowercase letters, digits, '.' or '-', "
                    + "starting and ending with a letter or digit"));
        }
        requireText(document.title(), "title", MAX_TITLE, errors);
        Optional<Severity> severity = Optional.ofNullable(document.severity()).flatMap(Severity::fromId);
        if (severity.isEmpty()) {
            errors.add(new FieldError("severity", "must be one of critical, high, medium, low"));
        }
        Optional<Enforcement> enforcement = Optional.ofNullable(document.enforcement()).flatMap(Enforcement::fromId);
        if (enforcement.isEmpty()) {
            errors.add(new FieldError("enforcement", "must be one of block, warn"));
        }
        List<String> resourceTypes = document.resourceTypes() == null ? List.of() : document.resourceTypes();
        checkResourceTypes(resourceTypes, errors);
        requireText(document.expression(), "expression", MAX_EXPRESSION, errors);
        optionalText(document.messageExpression(), "messageExpression", MAX_EXPRESSION, errors);
        requireText(document.message(), "message", MAX_MESSAGE, errors);
        if (document.message() != null) {
            MessageTemplate.problems(document.message(), resourceTypes.isEmpty())
                    .forEach(problem -> errors.add(new FieldError("message", problem)));
        }
        optionalText(document.remediation(), "remediation", MAX_REMEDIATION, errors);
        if (!errors.isEmpty()) {
            throw new InvalidPolicyException(errors);
        }
        return new Policy(document.id(), document.title().strip(), severity.get(), enforcement.get(), resourceTypes,
                document.expression(), blankToEmpty(document.messageExpression()), document.message().strip(),
                blankToEmpty(document.remediation()).map(String::strip));
    }

    private void checkResourceTypes(List<String> types, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (String type : types) {
            if (type == null || (!type.equals(Policy.EVERY_RESOURCE_TYPE) && catalogue.find(type).isEmpty())) {
                errors.add(new FieldError("resourceTypes", "'" + type + "' is not a resource type; known: "
                        + String.join(", ", catalogue.typeNames()) + ", or * for all"));
            } else if (!seen.add(type)) {
                errors.add(new FieldError("resourceTypes", "'" + type + "' is listed twice"));
            }
        }
        if (types.contains(Policy.EVERY_RESOURCE_TYPE) && types.size() > 1) {
            errors.add(new FieldError("resourceTypes", "* already covers every type; list nothing else with it"));
        }
    }

    private static void requireText(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void optionalText(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
