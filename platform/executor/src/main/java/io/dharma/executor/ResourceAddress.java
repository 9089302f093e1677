package io.dharma.executor;

/** How a resource without a Terraform address is addressed in plans, events and views. */
public final class ResourceAddress {

    private ResourceAddress() {
    }

    /** {@code <catalogue type>.<blueprint resource name>}, for example {@code storage.bucket.uploads}. */
    public static String of(String type, String resourceName) {
        return type + "." + resourceName;
    }
}
