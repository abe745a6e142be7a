package dev.wit4j.runtime;

/**
 * Defines a core module in a linker instance (wasmtime's {@code LinkerInstance::module}), which the
 * host shim of the wasmtime {@code .wast} suite needs for its {@code host} instance's
 * {@code simple-module}. A thin wrapper over the public {@link LinkerInstance#module(String, byte[])}.
 */
public final class LinkerModules {

    private LinkerModules() {}

    /** Defines {@code name} in {@code instance} as the core module with the given binary. */
    public static void define(LinkerInstance instance, String name, byte[] coreModule) {
        instance.module(name, coreModule);
    }
}
