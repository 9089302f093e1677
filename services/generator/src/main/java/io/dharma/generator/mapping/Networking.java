package io.dharma.generator.mapping;

/** network, subnet and firewall on one cloud. */
public interface Networking {
    void network(ResourceView network, GenerationContext context);

    void subnet(ResourceView subnet, GenerationContext context);

    void firewall(ResourceView firewall, GenerationContext context);
}
