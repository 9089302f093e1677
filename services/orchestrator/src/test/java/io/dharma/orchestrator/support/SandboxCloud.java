package io.dharma.orchestrator.support;

import io.dharma.sandbox.fault.Faults;
import io.dharma.sandbox.inventory.Inventory;
import io.dharma.sandbox.inventory.Operation;
import io.dharma.sandbox.inventory.OperationKind;
import io.dharma.sandbox.inventory.StoredResource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;

/**
 * The real sandbox cloud of a running orchestrator, seen from a test: its inventory, its audit log
 * (which proves how often a resource was created or applied) and its fault injection ({@link HeldApplies}).
 */
public final class SandboxCloud {

    private static final Set<OperationKind> APPLIES = EnumSet.of(
            OperationKind.CREATE, OperationKind.UPDATE, OperationKind.DELETE, OperationKind.FAILED);

    private final Inventory inventory;
    private final HeldApplies faults;

    public SandboxCloud(ApplicationContext context) {
        this.inventory = context.getBean(Inventory.class);
        this.faults = context.getBean(HeldApplies.class);
    }

    public List<StoredResource> inventory(String tenant, String blueprintId) {
        return inventory.listBlueprint(tenant, blueprintId);
    }

    public List<String> names(String tenant, String blueprintId) {
        return inventory(tenant, blueprintId).stream().map(StoredResource::name).toList();
    }

    /** How many times each resource the blueprint ever had was created, from the audit log. */
    public Map<String, Long> creations(String tenant, String blueprintId, List<String> names) {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : names) {
            counts.put(name, operations(tenant, blueprintId, name).stream()
                    .filter(operation -> operation.kind() == OperationKind.CREATE).count());
        }
        return counts;
    }

    /** How many applies of the resource reached the sandbox (successful or failed). */
    public long applies(String tenant, String blueprintId, String name) {
        return operations(tenant, blueprintId, name).stream().filter(operation -> APPLIES.contains(operation.kind())).count();
    }

    /** Every apply of {@code blueprintName/resource} fails permanently. */
    public void failPermanently(String blueprintName, String resource) {
        faults.set(new Faults(0, List.of(blueprintName + "/" + resource), Map.of()));
    }

    /** The next applies of the named resources fail transiently, as many times as given. */
    public void failTransiently(String blueprintName, Map<String, Integer> times) {
        Map<String, Integer> qualified = new TreeMap<>();
        times.forEach((resource, count) -> qualified.put(blueprintName + "/" + resource, count));
        faults.set(new Faults(0, List.of(), qualified));
    }

    /** Holds every apply of {@code blueprintName/resource} until {@link #clearFaults()}: its deployment keeps running. */
    public void hold(String blueprintName, String resource) {
        faults.hold(blueprintName, resource);
    }

    /** The logging context (MDC) on the worker's thread during the last apply of {@code blueprintName/resource}. */
    public Map<String, String> loggingContextOfApply(String blueprintName, String resource) {
        return faults.loggingContextOf(blueprintName, resource);
    }

    /** No faults, nothing held. */
    public void clearFaults() {
        faults.set(Faults.NONE);
        faults.release();
    }

    private List<Operation> operations(String tenant, String blueprintId, String name) {
        return inventory.operations(tenant, Inventory.resourceId(tenant, blueprintId, name));
    }
}
