package io.dharma.blueprint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cloud a blueprint deploys to.
 * Its {@link #id()} is the spelling used in documents and events.
 */
public enum Cloud {
    AWS("aws"),
    AZURE("azure"),
    GCP("gcp");

    private final String id;

    Cloud(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Cloud> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
