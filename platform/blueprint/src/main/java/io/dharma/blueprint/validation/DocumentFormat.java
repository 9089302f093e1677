package io.dharma.blueprint.validation;

import java.util.Locale;
import java.util.Optional;

/** The two syntaxes a blueprint may be written in. */
public enum DocumentFormat {
    YAML,
    JSON;

    /**
     * The format a media type (an HTTP {@code Content-Type}, parameters allowed) declares:
     * {@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}, {@code text/x-yaml},
     * {@code application/json} or any {@code application/*+json}.
     */
    public static Optional<DocumentFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> Optional.of(YAML);
            case "application/json" -> Optional.of(JSON);
            default -> type.startsWith("application/") && type.endsWith("+json")
                    ? Optional.of(JSON)
                    : Optional.empty();
        };
    }
}
