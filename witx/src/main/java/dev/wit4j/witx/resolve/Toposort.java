package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Stable topological sort used for packages, interfaces, worlds and types. The order is a
 * depth-first post-order (dependencies right before their first dependent, otherwise declaration
 * order). On a cycle the error names the edge wasm-tools names: the first node (in declaration
 * order) that cannot be ordered and its first dependency that cannot be ordered either.
 */
final class Toposort {
    private Toposort() {
    }

    /** A dependency edge to {@code target}, carrying whatever is needed to report it. */
    record Edge<K, E>(K target, E info) {
    }

    static <K, E> List<K> sort(List<K> nodes, Map<K, List<Edge<K, E>>> deps,
            BiFunction<K, Edge<K, E>, WitException> cycleError) {
        // Kahn's algorithm only to find the nodes that are on (or behind) a cycle.
        Map<K, Integer> pending = new HashMap<>();
        Map<K, List<K>> dependents = new HashMap<>();
        for (K n : nodes) {
            int count = 0;
            for (Edge<K, E> e : deps.getOrDefault(n, List.of())) {
                if (deps.containsKey(e.target()) || nodes.contains(e.target())) {
                    count++;
                    dependents.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(n);
                }
            }
            pending.put(n, count);
        }
        List<K> ready = new ArrayList<>();
        for (K n : nodes) {
            if (pending.get(n) == 0) {
                ready.add(n);
            }
        }
        Set<K> done = new HashSet<>();
        while (!ready.isEmpty()) {
            K n = ready.remove(ready.size() - 1);
            done.add(n);
            for (K d : dependents.getOrDefault(n, List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (done.size() != nodes.size()) {
            for (K n : nodes) {
                if (!done.contains(n)) {
                    for (Edge<K, E> e : deps.getOrDefault(n, List.of())) {
                        if (pending.containsKey(e.target()) && !done.contains(e.target())) {
                            throw cycleError.apply(n, e);
                        }
                    }
                }
            }
            throw new IllegalStateException("cycle without an edge");
        }
        List<K> order = new ArrayList<>();
        Set<K> visited = new HashSet<>();
        for (K n : nodes) {
            visit(n, deps, visited, order);
        }
        return order;
    }

    private static <K, E> void visit(K n, Map<K, List<Edge<K, E>>> deps, Set<K> visited, List<K> order) {
        if (!visited.add(n)) {
            return;
        }
        for (Edge<K, E> e : deps.getOrDefault(n, List.of())) {
            if (deps.containsKey(e.target())) {
                visit(e.target(), deps, visited, order);
            }
        }
        order.add(n);
    }
}
