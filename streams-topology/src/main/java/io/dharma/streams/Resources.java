package io.dharma.streams;

import io.dharma.events.ResourceChanged;

/** How the views name a resource of a deployment. */
final class Resources {

    private Resources() {
    }

    /** The Terraform address when the executor gave one, else {@code <resourceType>.<resourceName>}. */
    static String addressOf(ResourceChanged changed) {
        return changed.getAddress() != null ? changed.getAddress()
                : changed.getResourceType() + "." + changed.getResourceName();
    }
}
