package io.dharma.generator.mapping;

/** loadbalancer and dns.record on one cloud. */
public interface Traffic {
    void loadBalancer(ResourceView lb, GenerationContext context);

    void dnsRecord(ResourceView record, GenerationContext context);
}
