package io.dharma.generator;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.blueprint.graph.DependencyGraph;
import io.dharma.generator.mapping.CloudMapping;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.TerraformModule;
import io.dharma.generator.mapping.aws.AwsMapping;
import io.dharma.generator.mapping.azure.AzureMapping;
import io.dharma.generator.mapping.gcp.GcpMapping;
import io.dharma.generator.terraform.BodyItem.Block;
import io.dharma.generator.terraform.HclRenderer;
import io.dharma.generator.terraform.JsonRenderer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid blueprint into Terraform for its cloud. The configuration is written twice from
 * one model: native syntax under {@code hcl/} and JSON syntax under {@code json/}; each folder is
 * a complete root module (versions, providers, main, variables, outputs). The result depends only
 * on the blueprint's content, so the same blueprint always gives the same bytes and hash.
 * Thread-safe; reuse one instance.
 */
public final class TerraformGenerator {

    public static final String HCL_FOLDER = "hcl/";
    public static final String JSON_FOLDER = "json/";
    static final List<String> FILES = List.of("versions", "providers", "main", "variables", "outputs");

    private final ResourceCatalogue catalogue;
    private final SizeCatalogue sizes;
    private final Map<Cloud, CloudMapping> mappings = new EnumMap<>(Cloud.class);
    private final HclRenderer hcl = new HclRenderer();
    private final JsonRenderer json = new JsonRenderer();

    public TerraformGenerator() {
        this(ResourceCatalogue.v1(), SizeCatalogue.v1(), List.of(new AwsMapping(), new AzureMapping(), new GcpMapping()));
    }

    public TerraformGenerator(ResourceCatalogue catalogue, SizeCatalogue sizes, List<CloudMapping> mappings) {
        this.catalogue = catalogue;
        this.sizes = sizes;
        mappings.forEach(mapping -> this.mappings.put(mapping.cloud(), mapping));
    }

    /** The mapping for {@code cloud}; tests check it covers the whole catalogue. */
    public CloudMapping mapping(Cloud cloud) {
        return mappings.get(cloud);
    }

    /**
     * The Terraform for {@code blueprint}, or the problems that prevent it: resources a cloud
     * cannot express as written, and (for blueprints that bypassed validation, e.g. written with
     * a newer catalogue) unknown types and dependency cycles.
     */
    public GenerationResult generate(Blueprint blueprint) {
        CloudMapping mapping = mappings.get(blueprint.spec().cloud());
        List<GenerationProblem> problems = new ArrayList<>(unsupported(blueprint, mapping));
        if (!problems.isEmpty()) {
            return failed(blueprint, problems);
        }
        GenerationContext context = new GenerationContext(blueprint, catalogue, sizes);
        try {
            mapping.providers(context);
        } catch (MappingException e) {
            problems.add(GenerationProblem.general(e.getMessage()));
        }
        for (String name : DependencyGraph.of(blueprint, catalogue).topologicalOrder()) {
            try {
                mapping.map(context.resource(name), context);
            } catch (MappingException e) {
                problems.add(GenerationProblem.of(name, e.getMessage()));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(duplicateAddresses(context.module()));
        }
        if (!problems.isEmpty()) {
            return failed(blueprint, problems);
        }
        return new GenerationResult.Generated(assemble(blueprint, mapping, context));
    }

    private static GenerationResult failed(Blueprint blueprint, List<GenerationProblem> problems) {
        return new GenerationResult.Failed("Terraform for " + blueprint.spec().cloud().id() + " cannot be generated: "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems"), problems);
    }

    private List<GenerationProblem> unsupported(Blueprint blueprint, CloudMapping mapping) {
        List<GenerationProblem> problems = new ArrayList<>();
        for (ResourceSpec resource : blueprint.spec().resources()) {
            if (catalogue.find(resource.type()).isEmpty() || !mapping.supportedTypes().contains(resource.type())) {
                problems.add(GenerationProblem.of(resource.name(), "resource type '" + resource.type()
                        + "' is not in catalogue " + catalogue.version() + "; known: " + String.join(", ", catalogue.typeNames())));
            }
        }
        if (problems.isEmpty()) {
            DependencyGraph.of(blueprint, catalogue).cycles().forEach(cycle -> problems.add(GenerationProblem.of(
                    cycle.getFirst(), "resources depend on each other in a cycle: " + String.join(" -> ", cycle))));
        }
        return problems;
    }

    private TerraformConfiguration assemble(Blueprint blueprint, CloudMapping mapping, GenerationContext context) {
        TerraformModule module = context.module();
        Map<String, List<String>> dependsOn = new LinkedHashMap<>();
        for (ResourceSpec resource : blueprint.spec().resources()) {
            dependsOn.put(resource.name(), resource.dependsOn());
        }
        Map<String, List<Block>> resources = new DependsOn(module.resourcesByOwner()).apply(dependsOn);

        List<Block> main = new ArrayList<>(module.dataBlocks());
        List<ResourceAddress> addresses = new ArrayList<>();
        resources.forEach((owner, blocks) -> blocks.forEach(block -> {
            main.add(block);
            addresses.add(new ResourceAddress(DependsOn.address(block), owner));
        }));

        Map<String, List<Block>> files = new LinkedHashMap<>();
        files.put("versions", List.of(mapping.versions(context)));
        files.put("providers", module.providerBlocks());
        files.put("main", main);
        files.put("variables", module.variableBlocks());
        files.put("outputs", module.outputBlocks());

        List<GeneratedFile> generated = new ArrayList<>();
        files.forEach((name, blocks) -> {
            generated.add(new GeneratedFile(HCL_FOLDER + name + ".tf", hcl.render(blocks)));
            generated.add(new GeneratedFile(JSON_FOLDER + name + ".tf.json", json.render(blocks)));
        });
        return new TerraformConfiguration(blueprint.spec().cloud(), generated, addresses);
    }

    private static List<GenerationProblem> duplicateAddresses(TerraformModule module) {
        Set<String> seen = new HashSet<>();
        List<GenerationProblem> problems = new ArrayList<>();
        module.resourcesByOwner().forEach((owner, blocks) -> blocks.forEach(block -> {
            String address = DependsOn.address(block);
            if (!seen.add(address)) {
                problems.add(GenerationProblem.of(owner, "its Terraform resource " + address
                        + " has the same address as another resource's; rename one of the resources"));
            }
        }));
        return problems;
    }
}
