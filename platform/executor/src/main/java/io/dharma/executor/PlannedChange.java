package io.dharma.executor;

import java.util.List;
import java.util.Objects;

/**
 * One change of a plan.
 *
 * @param address what the change is about, unique in the plan: the Terraform address
 *        ({@code aws_instance.web[0]}) for a Terraform stack, {@code <type>.<name>} otherwise
 * @param resourceName the blueprint resource the change belongs to (one may have several addresses)
 * @param type the blueprint resource's catalogue type
 * @param desired the blueprint resource as wanted (null for a delete, and where the executor plans
 *        from generated code rather than from the desired state)
 * @param changedAttributes for an update, the attribute names that differ; empty otherwise
 */
public record PlannedChange(ChangeAction action, String address, String resourceName, String type,
        DesiredResource desired, List<String> changedAttributes) {

    public PlannedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceName, "resourceName");
        changedAttributes = List.copyOf(changedAttributes);
    }

    /** A change of a resource that has no address of its own: its address is {@code <type>.<name>}. */
    public PlannedChange(ChangeAction action, String resourceName, String type, DesiredResource desired,
            List<String> changedAttributes) {
        this(action, ResourceAddress.of(type, resourceName), resourceName, type, desired, changedAttributes);
        if (action != ChangeAction.DELETE) {
            Objects.requireNonNull(desired, "desired resource of a " + action);
        }
    }
}
