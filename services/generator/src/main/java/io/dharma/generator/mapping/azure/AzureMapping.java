package io.dharma.generator.mapping.azure;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CatalogueMapping;
import io.dharma.generator.ResourceAddress;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.terraform.Blocks;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue on Azure (hashicorp/azurerm). Everything lives in one resource group per
 * blueprint and carries the blueprint's tags (Azure has no provider-wide default tags).
 */
public final class AzureMapping extends CatalogueMapping {

    public AzureMapping() {
        super(Cloud.AZURE, ProviderVersions.AZURERM, new AzureNetworking(), new AzureCompute(), new AzureData(), new AzureTraffic());
    }

    /**
     * The provider (subscription from {@code ARM_SUBSCRIPTION_ID}, like the credentials), the
     * tags, and the blueprint's resource group.
     */
    @Override
    public void providers(GenerationContext context) {
        context.module().providerBlock(Blocks.provider("azurerm", body -> body.block("features", features -> { })));
        context.module().providerBlock(Blocks.locals(body -> body.attr("tags", Exprs.stringMap(tags(context)))));
        context.module().resource(ResourceAddress.BLUEPRINT_WIDE, Blocks.resource("azurerm_resource_group", "main", body -> body
                .attr("name", Names.fit("rg-" + context.blueprintName(), 90))
                .attr("location", context.region())
                .ref("tags", AzureSupport.TAGS)));
    }

    /** Azure tag names may not contain {@code < > % & \ ? /}; those become '_'. */
    static Map<String, String> tags(GenerationContext context) {
        Map<String, String> tags = new TreeMap<>();
        context.tags().forEach((key, value) -> {
            String safe = key.replaceAll("[<>%&\\\\?/]", "_");
            String previous = tags.put(safe, value);
            if (previous != null) {
                throw new MappingException("tags '" + key + "' and another tag both become '" + safe
                        + "' on azure, which forbids < > % & \\ ? / in tag names; rename one of them");
            }
        });
        return tags;
    }
}
