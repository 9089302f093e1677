package io.dharma.generator.mapping;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.Set;

/**
 * Turns the blueprint's resources into one cloud's Terraform resources. One implementation per
 * cloud; each maps every catalogue type (a test checks the catalogue against
 * {@link #supportedTypes()}).
 */
public interface CloudMapping {

    Cloud cloud();

    Set<String> supportedTypes();

    /** The required_providers entries and provider configuration (providers.tf). */
    Block versions(GenerationContext context);

    void providers(GenerationContext context);

    /**
     * Adds the Terraform for one resource to {@code context.module()}; throws
     * {@link MappingException} when the resource cannot be expressed on this cloud.
     */
    void map(ResourceView resource, GenerationContext context);
}
