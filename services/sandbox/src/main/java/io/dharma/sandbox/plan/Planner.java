package io.dharma.sandbox.plan;

import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.graph.DependencyGraph;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.sandbox.inventory.StoredResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Diffs a desired state against the inventory, by resource name:
 * <ul>
 *   <li>missing → CREATE;</li>
 *   <li>present with other neutral attributes (deep JSON equality) → UPDATE naming the attributes that differ;</li>
 *   <li>present with another type, or in another cloud or region → replaced: a DELETE of the old
 *       resource directly followed by a CREATE of the new one (there is no in-place change of
 *       type or location; the name is free again only once the old resource is gone);</li>
 *   <li>present but no longer desired → DELETE.</li>
 * </ul>
 * Creates and updates follow the dependency order of the desired state; deletes come last, in
 * the reverse of the order the stored resources depend on each other. Pure: no I/O.
 */
public final class Planner {

    public Plan plan(Stack stack, List<StoredResource> actual, DesiredState desired) {
        Map<String, StoredResource> existing = new LinkedHashMap<>();
        actual.forEach(resource -> existing.put(resource.name(), resource));
        Map<String, DesiredResource> wanted = byName(desired);

        List<PlannedChange> changes = new ArrayList<>();
        for (String name : creationOrder(wanted)) {
            DesiredResource resource = wanted.get(name);
            StoredResource current = existing.get(name);
            if (current == null) {
                changes.add(create(resource));
            } else if (needsReplacement(stack, current, resource)) {
                changes.add(delete(current));
                changes.add(create(resource));
            } else {
                List<String> changed = changedAttributes(current.attributes(), resource.attributes());
                if (!changed.isEmpty()) {
                    changes.add(new PlannedChange(ChangeAction.UPDATE, name, resource.type(), resource, changed));
                }
            }
        }
        for (StoredResource resource : deletionOrder(actual)) {
            if (!wanted.containsKey(resource.name())) {
                changes.add(delete(resource));
            }
        }
        return new Plan(changes);
    }

    /** The top-level attribute names whose values differ (deep equality of the JSON values), sorted. */
    public static List<String> changedAttributes(Map<String, Object> actual, Map<String, Object> desired) {
        Map<String, Object> current = PropertyValues.immutableMap(actual);
        Map<String, Object> target = PropertyValues.immutableMap(desired);
        TreeSet<String> names = new TreeSet<>(current.keySet());
        names.addAll(target.keySet());
        return names.stream().filter(name -> !Objects.equals(current.get(name), target.get(name))).toList();
    }

    private static boolean needsReplacement(Stack stack, StoredResource current, DesiredResource desired) {
        return !current.type().equals(desired.type())
                || !current.cloud().equals(stack.cloud())
                || !current.region().equals(stack.region());
    }

    private static Map<String, DesiredResource> byName(DesiredState desired) {
        Map<String, DesiredResource> byName = new LinkedHashMap<>();
        for (DesiredResource resource : desired.resources()) {
            if (byName.putIfAbsent(resource.name(), resource) != null) {
                throw new InvalidDesiredStateException(resource.name(), "the desired state names '" + resource.name() + "' twice");
            }
        }
        return byName;
    }

    /** The desired order, corrected if a resource came before something it depends on. */
    private static List<String> creationOrder(Map<String, DesiredResource> wanted) {
        Map<String, List<String>> dependencies = new HashMap<>();
        wanted.values().forEach(resource -> dependencies.put(resource.name(), resource.dependsOn()));
        try {
            return new DependencyGraph(List.copyOf(wanted.keySet()), dependencies).topologicalOrder();
        } catch (IllegalStateException cycle) {
            throw new InvalidDesiredStateException(null, cycle.getMessage());
        }
    }

    /**
     * Dependents before what they depend on, from the stored {@code dependsOn}. Resources created
     * by different versions can in principle disagree into a cycle; then newest first is the
     * next-best order.
     */
    private static List<StoredResource> deletionOrder(List<StoredResource> actual) {
        Map<String, StoredResource> byName = new LinkedHashMap<>();
        Map<String, List<String>> dependencies = new HashMap<>();
        actual.stream().sorted(Comparator.comparing(StoredResource::createdAt).thenComparing(StoredResource::name))
                .forEach(resource -> {
                    byName.put(resource.name(), resource);
                    dependencies.put(resource.name(), resource.dependsOn());
                });
        List<String> order;
        try {
            order = new ArrayList<>(new DependencyGraph(List.copyOf(byName.keySet()), dependencies).topologicalOrder());
        } catch (IllegalStateException cycle) {
            order = new ArrayList<>(byName.keySet());
        }
        return order.reversed().stream().map(byName::get).toList();
    }

    private static PlannedChange create(DesiredResource resource) {
        return new PlannedChange(ChangeAction.CREATE, resource.name(), resource.type(), resource, List.of());
    }

    private static PlannedChange delete(StoredResource resource) {
        return new PlannedChange(ChangeAction.DELETE, resource.name(), resource.type(), null, List.of());
    }
}
