package io.dharma.guardrails.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy message with placeholders for the subject: {@code ${resource.name}},
 * {@code ${resource.type}}, {@code ${blueprint.name}}, {@code ${blueprint.environment}},
 * {@code ${blueprint.cloud}} and {@code ${blueprint.region}}. Resource placeholders are only
 * meaningful in resource-level policies.
 */
public final class MessageTemplate {

    public static final Set<String> BLUEPRINT_PLACEHOLDERS =
            Set.of("blueprint.name", "blueprint.environment", "blueprint.cloud", "blueprint.region");
    public static final Set<String> RESOURCE_PLACEHOLDERS = Set.of("resource.name", "resource.type");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private MessageTemplate() {
    }

    /** Problems with the placeholders of {@code message}; empty when every placeholder is known. */
    public static List<String> problems(String message, boolean blueprintLevel) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (RESOURCE_PLACEHOLDERS.contains(name) && blueprintLevel) {
                problems.add("${" + name + "} cannot be used in a blueprint-level policy (it has no resourceTypes)");
            } else if (!RESOURCE_PLACEHOLDERS.contains(name) && !BLUEPRINT_PLACEHOLDERS.contains(name)) {
                problems.add("unknown placeholder ${" + name + "}; known: " + known(blueprintLevel));
            }
        }
        return problems;
    }

    /** {@code message} with every known placeholder replaced by its value from {@code values}. */
    public static String render(String message, Map<String, String> values) {
        return PLACEHOLDER.matcher(message).replaceAll(match ->
                Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
    }

    private static String known(boolean blueprintLevel) {
        List<String> names = new ArrayList<>(BLUEPRINT_PLACEHOLDERS);
        if (!blueprintLevel) {
            names.addAll(RESOURCE_PLACEHOLDERS);
        }
        return String.join(", ", names.stream().sorted().map(name -> "${" + name + "}").toList());
    }
}
