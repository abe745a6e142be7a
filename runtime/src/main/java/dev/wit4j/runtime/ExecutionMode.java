package dev.wit4j.runtime;

/** How core WebAssembly code runs. */
public enum ExecutionMode {
    /** Compiled to JVM bytecode once per module and shared by every instance: the fast default. */
    COMPILED,
    /** Interpreted: no compilation cost, slower calls; useful for one-shot runs and debugging. */
    INTERPRETED
}
