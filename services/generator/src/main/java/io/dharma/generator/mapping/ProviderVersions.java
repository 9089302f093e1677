package io.dharma.generator.mapping;

import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.BodyItem.Block;
import io.dharma.generator.terraform.Expression;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Terraform and provider versions every generated configuration pins (versions.tf). A
 * pessimistic constraint ({@code ~>}) takes minor and patch releases of the major version the
 * mappings were written and checked against, never the next major.
 */
public final class ProviderVersions {

    public static final String TERRAFORM = ">= 1.6.0";

    /** Name, registry source and constraint of each provider a configuration may need. */
    public record Provider(String name, String source, String version) {
    }

    public static final Provider AWS = new Provider("aws", "hashicorp/aws", "~> 5.100");
    public static final Provider AZURERM = new Provider("azurerm", "hashicorp/azurerm", "~> 4.20");
    public static final Provider GOOGLE = new Provider("google", "hashicorp/google", "~> 6.0");
    public static final Provider RANDOM = new Provider("random", "hashicorp/random", "~> 3.6");

    private static final Map<String, Provider> BY_NAME = Map.of(
            AWS.name(), AWS, AZURERM.name(), AZURERM, GOOGLE.name(), GOOGLE, RANDOM.name(), RANDOM);

    private ProviderVersions() {
    }

    /** The {@code terraform} block: required_version and the named providers, cloud provider first, others sorted. */
    public static Block versionsBlock(Provider cloud, Collection<String> others) {
        Map<String, Expression> providers = new LinkedHashMap<>();
        providers.put(cloud.name(), entry(cloud));
        others.stream().sorted().map(BY_NAME::get).forEach(provider -> providers.put(provider.name(), entry(provider)));
        return Blocks.terraform(body -> body
                .attr("required_version", TERRAFORM)
                .block("required_providers", required -> providers.forEach(required::attr)));
    }

    private static Expression entry(Provider provider) {
        Map<String, Expression> entry = new LinkedHashMap<>();
        entry.put("source", Expression.string(provider.source()));
        entry.put("version", Expression.string(provider.version()));
        return Expression.object(entry);
    }

    public static List<Provider> all() {
        return List.of(AWS, AZURERM, GOOGLE, RANDOM);
    }
}
