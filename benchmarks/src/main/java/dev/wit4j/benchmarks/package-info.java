/**
 * JMH benchmarks, each measured beside its reference in the same run where one exists (the raw
 * core call, or jco and node through the {@code *-node.mjs} harnesses): calls through generated
 * bindings and the dynamic API, instantiation, the JavaScript ledger component, a compute-bound C
 * guest and a bump-allocating guest.
 */
package dev.wit4j.benchmarks;
