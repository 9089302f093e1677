package io.dharma.sandbox.provider;

import io.dharma.sandbox.inventory.StoredResource;
import java.util.Optional;

/** The other resources of the same stack, by name: a subnet's CIDR places an instance's IPs, a load balancer's DNS name is a record's target. */
@FunctionalInterface
public interface Neighbours {

    Neighbours NONE = name -> Optional.empty();

    Optional<StoredResource> find(String name);
}
