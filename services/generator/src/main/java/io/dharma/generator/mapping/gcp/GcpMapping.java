package io.dharma.generator.mapping.gcp;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CatalogueMapping;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.terraform.Blocks;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue on GCP (hashicorp/google). The project comes from the environment
 * ({@code GOOGLE_PROJECT}), like the credentials; labels reach every resource through the
 * provider's default_labels.
 */
public final class GcpMapping extends CatalogueMapping {

    private static final int LABEL_LENGTH = 63;

    public GcpMapping() {
        super(Cloud.GCP, ProviderVersions.GOOGLE, new GcpNetworking(), new GcpCompute(), new GcpData(), new GcpTraffic());
    }

    @Override
    public void providers(GenerationContext context) {
        context.module().providerBlock(Blocks.provider("google", body -> body
                .attr("region", context.region())
                .ref("default_labels", GcpSupport.LABELS)));
        context.module().providerBlock(Blocks.locals(body -> body.attr("labels", Exprs.stringMap(labels(context)))));
    }

    /**
     * Tags as GCP labels: lower-case letters, digits, '_' and '-', at most 63 characters, keys
     * starting with a letter. Other characters become '_'; two tags that end up equal fail.
     */
    static Map<String, String> labels(GenerationContext context) {
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        context.tags().forEach((key, value) -> {
            String label = label(key);
            if (!Character.isLetter(label.charAt(0))) {
                label = "t" + label;
            }
            label = truncate(label);
            String previous = sources.put(label, key);
            if (previous != null) {
                throw new MappingException("tags '" + previous + "' and '" + key + "' both become label '" + label
                        + "' on gcp, which allows only lower-case letters, digits, '_' and '-'; rename one of them");
            }
            labels.put(label, truncate(label(value)));
        });
        return labels;
    }

    private static String label(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    private static String truncate(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH);
    }
}
