package io.dharma.generator.mapping;

import java.util.Map;

/** compute.instance and kubernetes.cluster on one cloud. */
public interface Compute {
    void instance(ResourceView instance, GenerationContext context);

    void kubernetes(ResourceView cluster, GenerationContext context);

    /**
     * The instance's disk size in GB, once it is known to fit its image: an Azure or GCP image names
     * the smallest disk it fits on, and a smaller one is refused here with the size to ask for,
     * rather than by the provider at apply time.
     */
    static long diskGbFitting(ResourceView instance, long minimumDiskGb, String cloud) {
        Map<String, Object> disk = instance.object("disk");
        long diskGb = ((Number) disk.get("sizeGb")).longValue();
        if (diskGb < minimumDiskGb) {
            throw new MappingException("the " + instance.string("image") + " image on " + cloud + " needs a disk of at least "
                    + minimumDiskGb + " GB; set disk.sizeGb to " + minimumDiskGb + " or more");
        }
        return diskGb;
    }
}
