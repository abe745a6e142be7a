package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Stable topological sort used for packages, interfaces, worlds and types. The order is a
 * depth-first post-order (dependencies right before their first dependent, otherwise declaration
 * order). On a cycle the error names the edge wasm-tools names: the first node (in declaration
 * order) that cannot be ordered and its first dependency that cannot be ordered either. The error
 * is reported and the nodes that can be ordered are returned, so that the rest of the package is
 * still checked; the nodes on a cycle, and those depending on one, are left out.
 */
final class Toposort {
    private Toposort() {}

    /** A dependency edge to {@code target}, carrying whatever is needed to report it. */
    record Edge<K, E>(K target, E info) {}

    static <K, E> List<K> sort(
            List<K> nodes,
            Map<K, List<Edge<K, E>>> deps,
            BiFunction<K, Edge<K, E>, WitException> cycleError,
            Consumer<WitException> report) {
        // Nodes by position. The keys are syntax trees whose hashes walk the whole tree: look each
        // node up once, by identity where the edges name the very instances (they usually do).
        int n = nodes.size();
        Map<K, Integer> byIdentity = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) byIdentity.putIfAbsent(nodes.get(i), i);
        Map<K, Integer> byValue = null;
        List<List<Edge<K, E>>> edgesOf = new ArrayList<>(n);
        int[][] targets = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Edge<K, E>> edges = deps.getOrDefault(nodes.get(i), List.of());
            edgesOf.add(edges);
            int[] t = new int[edges.size()];
            for (int j = 0; j < t.length; j++) {
                K target = edges.get(j).target();
                Integer at = byIdentity.get(target);
                if (at == null) {
                    if (byValue == null) {
                        byValue = new HashMap<>();
                        for (int k = 0; k < n; k++) byValue.putIfAbsent(nodes.get(k), k);
                    }
                    at = byValue.get(target);
                }
                t[j] = at == null ? -1 : at; // a target outside the nodes is not ordered here
            }
            targets[i] = t;
        }
        // Kahn's algorithm only to find the nodes that are on (or behind) a cycle.
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) dependents.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            for (int t : targets[i]) {
                if (t >= 0) {
                    pending[i]++;
                    dependents.get(t).add(i);
                }
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) ready.push(i);
        }
        boolean[] done = new boolean[n];
        int doneCount = 0;
        while (!ready.isEmpty()) {
            int i = ready.pop();
            done[i] = true;
            doneCount++;
            for (int d : dependents.get(i)) {
                if (--pending[d] == 0) ready.push(d);
            }
        }
        if (doneCount != n) {
            report.accept(cycle(nodes, targets, edgesOf, done, cycleError));
        }
        // depth-first post-order, iteratively (use chains can be thousands long)
        List<K> order = new ArrayList<>(n);
        boolean[] visited = new boolean[n];
        int[] next = new int[n];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int root = 0; root < n; root++) {
            if (visited[root] || !done[root]) continue;
            visited[root] = true;
            stack.push(root);
            while (!stack.isEmpty()) {
                int i = stack.peek();
                if (next[i] < targets[i].length) {
                    int t = targets[i][next[i]++];
                    if (t >= 0 && !visited[t]) {
                        visited[t] = true;
                        stack.push(t);
                    }
                } else {
                    stack.pop();
                    order.add(nodes.get(i));
                }
            }
        }
        return order;
    }

    private static <K, E> WitException cycle(
            List<K> nodes,
            int[][] targets,
            List<List<Edge<K, E>>> edgesOf,
            boolean[] done,
            BiFunction<K, Edge<K, E>, WitException> cycleError) {
        for (int i = 0; i < nodes.size(); i++) {
            if (!done[i]) {
                for (int j = 0; j < targets[i].length; j++) {
                    int t = targets[i][j];
                    if (t >= 0 && !done[t])
                        return cycleError.apply(nodes.get(i), edgesOf.get(i).get(j));
                }
            }
        }
        throw new IllegalStateException("cycle without an edge");
    }
}
