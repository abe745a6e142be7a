package dev.wit4j.witx.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A package name {@code namespace:name@version} (WIT.md "Package Names"); the version is optional.
 */
public record PackageName(String namespace, String name, Optional<Version> version) {
    public PackageName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** Convenience for an unversioned or versioned ({@code version} may be null) name. */
    public static PackageName of(String namespace, String name, Version version) {
        return new PackageName(namespace, name, Optional.ofNullable(version));
    }

    /**
     * The fully-qualified name of an interface of this package as used for component imports,
     * e.g. {@code wasi:io/streams@0.2.0}.
     */
    public String interfaceName(String iface) {
        return namespace + ":" + name + "/" + iface + version.map(v -> "@" + v).orElse("");
    }

    /** {@code namespace:name} without version. */
    public String unversioned() {
        return namespace + ":" + name;
    }

    @Override
    public String toString() {
        return unversioned() + version.map(v -> "@" + v).orElse("");
    }
}
