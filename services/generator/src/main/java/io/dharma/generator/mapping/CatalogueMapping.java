package io.dharma.generator.mapping;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What every cloud's mapping does alike: it maps each catalogue type with the mapper its cloud gives
 * for it, grouped as the catalogue groups them ({@link Networking}, {@link Compute}, {@link Data},
 * {@link Traffic}), and pins its own provider. A cloud adds its provider configuration
 * ({@link #providers}).
 */
public abstract class CatalogueMapping implements CloudMapping {

    private final Cloud cloud;
    private final ProviderVersions.Provider provider;
    private final Map<String, BiConsumer<ResourceView, GenerationContext>> mappersByType;

    protected CatalogueMapping(Cloud cloud, ProviderVersions.Provider provider, Networking networking, Compute compute,
            Data data, Traffic traffic) {
        this.cloud = cloud;
        this.provider = provider;
        this.mappersByType = Map.ofEntries(
                Map.entry("network", networking::network),
                Map.entry("subnet", networking::subnet),
                Map.entry("firewall", networking::firewall),
                Map.entry("compute.instance", compute::instance),
                Map.entry("kubernetes.cluster", compute::kubernetes),
                Map.entry("database.postgres", data::database),
                Map.entry("database.mysql", data::database),
                Map.entry("storage.bucket", data::bucket),
                Map.entry("cache.redis", data::cache),
                Map.entry("loadbalancer", traffic::loadBalancer),
                Map.entry("dns.record", traffic::dnsRecord));
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
