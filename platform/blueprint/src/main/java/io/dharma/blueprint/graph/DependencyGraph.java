package io.dharma.blueprint.graph;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.ResourceReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which resource of a blueprint depends on which: an edge {@code a -> b} means {@code a} needs
 * {@code b} first, either through {@code dependsOn} or through a reference property. Every answer
 * is deterministic: ties are broken by the resources' order in the document. Immutable.
 */
public final class DependencyGraph {

    private final List<String> nodes;
    private final Map<String, Integer> order;
    private final Map<String, Set<String>> dependencies;

    /**
     * A graph over {@code nodes} (in document order). {@code dependencies} maps a node to the
     * nodes it depends on; targets that are not nodes are ignored.
     */
    public DependencyGraph(List<String> nodes, Map<String, ? extends Collection<String>> dependencies) {
        this.nodes = List.copyOf(new LinkedHashSet<>(nodes));
        this.order = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            order.put(this.nodes.get(i), i);
        }
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (String node : this.nodes) {
            Set<String> targets = new LinkedHashSet<>();
            Collection<String> declared = dependencies.get(node);
            (declared == null ? List.<String>of() : declared).stream()
                    .filter(order::containsKey)
                    .sorted((a, b) -> Integer.compare(order.get(a), order.get(b)))
                    .forEach(targets::add);
            edges.put(node, Collections.unmodifiableSet(targets));
        }
        this.dependencies = Collections.unmodifiableMap(edges);
    }

    /** The graph of a valid blueprint: its {@code dependsOn} lists plus its references. */
    public static DependencyGraph of(Blueprint blueprint, ResourceCatalogue catalogue) {
        List<String> names = new ArrayList<>();
        Map<String, Set<String>> edges = new HashMap<>();
        for (ResourceSpec resource : blueprint.spec().resources()) {
            names.add(resource.name());
            Set<String> targets = new LinkedHashSet<>(resource.dependsOn());
            catalogue.references(resource).stream().map(ResourceReference::target).forEach(targets::add);
            edges.put(resource.name(), targets);
        }
        return new DependencyGraph(names, edges);
    }

    public List<String> nodes() {
        return nodes;
    }

    /** The direct dependencies of {@code node}, in document order. */
    public Set<String> dependenciesOf(String node) {
        return dependencies.getOrDefault(node, Set.of());
    }

    /**
     * One cycle per group of mutually dependent resources, each written as the path from its
     * earliest resource (in document order) back to itself, shortest first:
     * {@code [a, b, c, a]}. A resource that depends on itself gives {@code [a, a]}.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnectedComponents()) {
            String start = component.stream().min((a, b) -> Integer.compare(order.get(a), order.get(b))).orElseThrow();
            if (component.size() > 1 || dependenciesOf(start).contains(start)) {
                cycles.add(shortestCycleThrough(start, component));
            }
        }
        cycles.sort((a, b) -> Integer.compare(order.get(a.getFirst()), order.get(b.getFirst())));
        return cycles;
    }

    public boolean hasCycles() {
        return !cycles().isEmpty();
    }

    /**
     * Every node after all of its dependencies (the order to create resources in); among nodes
     * that are ready at the same time, document order. Throws {@link IllegalStateException} if
     * the graph has a cycle.
     */
    public List<String> topologicalOrder() {
        Map<String, Integer> unresolved = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String node : nodes) {
            unresolved.put(node, dependenciesOf(node).size());
            for (String dependency : dependenciesOf(node)) {
                dependents.computeIfAbsent(dependency, key -> new ArrayList<>()).add(node);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(order.get(a), order.get(b)));
        nodes.stream().filter(node -> unresolved.get(node) == 0).forEach(ready::add);
        List<String> sorted = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String node = ready.poll();
            sorted.add(node);
            for (String dependent : dependents.getOrDefault(node, List.of())) {
                if (unresolved.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (sorted.size() != nodes.size()) {
            throw new IllegalStateException("the dependency graph has a cycle: " + cycles().getFirst());
        }
        return List.copyOf(sorted);
    }

    private List<String> shortestCycleThrough(String start, Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : dependenciesOf(node)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = node; !step.equals(start); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return List.copyOf(path);
                }
                if (component.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, node);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException(start + " is on no cycle");
    }

    /** Tarjan's algorithm; recursion depth is bounded by the number of resources (at most a few hundred). */
    private List<Set<String>> stronglyConnectedComponents() {
        var tarjan = new Object() {
            final Map<String, Integer> index = new HashMap<>();
            final Map<String, Integer> lowLink = new HashMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> onStack = new LinkedHashSet<>();
            final List<Set<String>> components = new ArrayList<>();

            void visit(String node) {
                index.put(node, index.size());
                lowLink.put(node, index.get(node));
                stack.push(node);
                onStack.add(node);
                for (String next : dependenciesOf(node)) {
                    if (!index.containsKey(next)) {
                        visit(next);
                        lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
                    } else if (onStack.contains(next)) {
                        lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
                    }
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    Set<String> component = new LinkedHashSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        };
        for (String node : nodes) {
            if (!tarjan.index.containsKey(node)) {
                tarjan.visit(node);
            }
        }
        return tarjan.components;
    }
}
