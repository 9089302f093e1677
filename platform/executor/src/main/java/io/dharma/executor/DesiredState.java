package io.dharma.executor;

import java.util.List;

/** Everything a stack should have, in dependency order (a resource after what it depends on). */
public record DesiredState(List<DesiredResource> resources) {

    public static final DesiredState EMPTY = new DesiredState(List.of());

    public DesiredState {
        resources = List.copyOf(resources);
    }
}
