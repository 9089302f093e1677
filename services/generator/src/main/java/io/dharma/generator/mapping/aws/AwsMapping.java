package io.dharma.generator.mapping.aws;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CloudMapping;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** The catalogue on AWS (hashicorp/aws). Tags reach every resource through the provider's default_tags. */
public final class AwsMapping implements CloudMapping {

    private static final Map<String, BiConsumer<ResourceView, GenerationContext>> MAPPERS = Map.ofEntries(
            Map.entry("network", AwsNetworking::network),
            Map.entry("subnet", AwsNetworking::subnet),
            Map.entry("firewall", AwsNetworking::firewall),
            Map.entry("compute.instance", AwsCompute::instance),
            Map.entry("kubernetes.cluster", AwsCompute::kubernetes),
            Map.entry("database.postgres", AwsData::database),
            Map.entry("database.mysql", AwsData::database),
            Map.entry("storage.bucket", AwsData::bucket),
            Map.entry("cache.redis", AwsData::cache),
            Map.entry("loadbalancer", AwsTraffic::loadBalancer),
            Map.entry("dns.record", AwsTraffic::dnsRecord));

    @Override
    public Cloud cloud() {
        return Cloud.AWS;
    }

    @Override
    public Set<String> supportedTypes() {
        return MAPPERS.keySet();
    }

    @Override
    public Block versions(GenerationContext context) {
        return ProviderVersions.versionsBlock(ProviderVersions.AWS, context.module().extraProviders());
    }

    @Override
    public void providers(GenerationContext context) {
        context.module().providerBlock(Blocks.provider("aws", body -> body
                .attr("region", context.region())
                .block("default_tags", tags -> tags.ref("tags", "local.tags"))));
        context.module().providerBlock(Blocks.locals(body -> body.attr("tags", Exprs.stringMap(context.tags()))));
    }

    @Override
    public void map(ResourceView resource, GenerationContext context) {
        MAPPERS.get(resource.type()).accept(resource, context);
    }
}
