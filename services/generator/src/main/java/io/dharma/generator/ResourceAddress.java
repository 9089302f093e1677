package io.dharma.generator;

import java.util.Objects;

/**
 * A Terraform resource address (for example {@code aws_instance.web}) and the blueprint resource
 * it realises. Resources every blueprint resource shares (the Azure resource group) carry
 * {@link #BLUEPRINT_WIDE} instead of a resource name; it can never clash with one, because
 * resource names are DNS labels.
 */
public record ResourceAddress(String address, String resourceName) {

    public static final String BLUEPRINT_WIDE = "_blueprint";

    public ResourceAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceName, "resourceName");
    }
}
