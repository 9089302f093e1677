package io.dharma.generator.mapping.gcp;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CloudMapping;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.BodyItem.Block;
import java.util.Set;

public final class GcpMapping implements CloudMapping {
    public Cloud cloud() { return Cloud.GCP; }
    public Set<String> supportedTypes() { return Set.of(); }
    public Block versions(GenerationContext context) { return ProviderVersions.versionsBlock(ProviderVersions.AWS, Set.of()); }
    public void providers(GenerationContext context) { }
    public void map(ResourceView resource, GenerationContext context) { throw new MappingException("todo"); }
}
