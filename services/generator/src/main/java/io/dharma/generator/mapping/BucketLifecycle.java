package io.dharma.generator.mapping;

import java.util.Map;
import java.util.Optional;

/** A bucket's age-based lifecycle: days until objects move to the archive tier, and until they are deleted. */
public record BucketLifecycle(Optional<Long> archiveAfterDays, Optional<Long> expireAfterDays) {

    public static BucketLifecycle of(ResourceView bucket) {
        Map<String, Object> lifecycle = bucket.object("lifecycle");
        BucketLifecycle result = new BucketLifecycle(days(lifecycle, "archiveAfterDays"), days(lifecycle, "expireAfterDays"));
        if (result.archiveAfterDays.isPresent() && result.expireAfterDays.isPresent()
                && result.archiveAfterDays.get() >= result.expireAfterDays.get()) {
            throw new MappingException("lifecycle.archiveAfterDays (" + result.archiveAfterDays.get()
                    + ") must be less than expireAfterDays (" + result.expireAfterDays.get()
                    + "): objects cannot be archived after they are deleted");
        }
        return result;
    }

    public boolean isEmpty() {
        return archiveAfterDays.isEmpty() && expireAfterDays.isEmpty();
    }

    private static Optional<Long> days(Map<String, Object> lifecycle, String key) {
        return Optional.ofNullable((Number) lifecycle.get(key)).map(Number::longValue);
    }
}
