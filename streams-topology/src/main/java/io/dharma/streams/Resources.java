package io.dharma.streams;

import io.dharma.events.ResourceChanged;
import io.dharma.events.ResourceObserved;

/** How the views name a resource of a deployment. */
final class Resources {

    private Resources() {
    }

    /** The Terraform address when the executor gave one, else {@code <resourceType>.<resourceName>}. */
    static String addressOf(ResourceChanged changed) {
        return changed.getAddress() != null ? changed.getAddress()
                : changed.getResourceType() + "." + changed.getResourceName();
    }

    /** The observed resource's address, as {@link #addressOf(ResourceChanged)}. */
    static String addressOf(ResourceObserved observed) {
        return observed.getAddress() != null ? observed.getAddress()
                : observed.getResourceType() + "." + observed.getResourceName();
    }
}
