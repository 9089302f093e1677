package io.dharma.blueprint;

import java.util.Objects;

/**
 * A validated blueprint document, version {@value #API_VERSION}: the provider-neutral description
 * of the infrastructure a team wants. Instances come from
 * {@code io.dharma.blueprint.validation.BlueprintValidator}; a {@code Blueprint} is immutable.
 *
 * <p>{@link #canonicalJson()} and {@link #contentHash()} depend only on the content, never on key
 * order, formatting or whether the document was written in YAML or JSON, so everything derived
 * from a blueprint can be reproduced byte for byte.
 */
public record Blueprint(BlueprintMetadata metadata, BlueprintSpec spec) {

    public static final String API_VERSION = "dharma/v1";
    public static final String KIND = "Blueprint";

    public Blueprint {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    public String apiVersion() {
        return API_VERSION;
    }

    public String kind() {
        return KIND;
    }

    public String name() {
        return metadata.name();
    }

    /**
     * The blueprint as canonical JSON: object keys sorted, no insignificant whitespace, numbers
     * in plain decimal notation, absent optional collections written as empty ones.
     */
    public String canonicalJson() {
        return CanonicalJson.write(this);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #canonicalJson()}. */
    public String contentHash() {
        return CanonicalJson.sha256Hex(canonicalJson());
    }
}
