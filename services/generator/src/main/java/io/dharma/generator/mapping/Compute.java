package io.dharma.generator.mapping;

import java.util.Map;

/** compute.instance and kubernetes.cluster on one cloud. */
public interface Compute {
    void instance(ResourceView instance, GenerationContext context);

    void kubernetes(ResourceView cluster, GenerationContext context);

    /**
     * The instance's disk size in GB, once it is known to fit its image: AWS takes the size of the
     * AMI's snapshot, but Azure and GCP images name a smallest disk that the catalogue cannot know.
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
