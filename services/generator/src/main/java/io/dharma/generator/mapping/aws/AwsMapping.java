package io.dharma.generator.mapping.aws;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CatalogueMapping;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.terraform.Blocks;

/** The catalogue on AWS (hashicorp/aws). Tags reach every resource through the provider's default_tags. */
public final class AwsMapping extends CatalogueMapping {

    public AwsMapping() {
        super(Cloud.AWS, ProviderVersions.AWS, new AwsNetworking(), new AwsCompute(), new AwsData(), new AwsTraffic());
    }

    @Override
    public void providers(GenerationContext context) {
        context.module().providerBlock(Blocks.provider("aws", body -> body
                .attr("region", context.region())
                .block("default_tags", tags -> tags.ref("tags", "local.tags"))));
        context.module().providerBlock(Blocks.locals(body -> body.attr("tags", Exprs.stringMap(context.tags()))));
    }
}
