package io.dharma.generator.mapping;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What every cloud's mapping does alike: it supports the catalogue types it has a mapper for, pins
 * its own provider, and maps a resource with the mapper of its type. A cloud adds its provider
 * configuration ({@link #providers}).
 */
public abstract class CatalogueMapping implements CloudMapping {

    private final Cloud cloud;
    private final ProviderVersions.Provider provider;
    private final Map<String, BiConsumer<ResourceView, GenerationContext>> mappersByType;

    protected CatalogueMapping(Cloud cloud, ProviderVersions.Provider provider,
            Map<String, BiConsumer<ResourceView, GenerationContext>> mappersByType) {
        this.cloud = cloud;
        this.provider = provider;
        this.mappersByType = Map.copyOf(mappersByType);
    }

    @Override
    public final Cloud cloud() {
        return cloud;
    }

    @Override
    public final Set<String> supportedTypes() {
        return mappersByType.keySet();
    }

    @Override
    public final Block versions(GenerationContext context) {
        return ProviderVersions.versionsBlock(provider, context.module().extraProviders());
    }

    @Override
    public final void map(ResourceView resource, GenerationContext context) {
        mappersByType.get(resource.type()).accept(resource, context);
    }
}
