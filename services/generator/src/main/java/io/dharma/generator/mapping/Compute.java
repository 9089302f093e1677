package io.dharma.generator.mapping;

/** compute.instance and kubernetes.cluster on one cloud. */
public interface Compute {
    void instance(ResourceView instance, GenerationContext context);

    void kubernetes(ResourceView cluster, GenerationContext context);
}
