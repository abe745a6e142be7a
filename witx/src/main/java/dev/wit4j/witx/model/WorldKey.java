package dev.wit4j.witx.model;

import java.util.Objects;

/**
 * The name of a world import or export: a plain name ({@code import foo: func();}) or an
 * interface name ({@code import wasi:io/streams;}).
 */
public sealed interface WorldKey {
    /** A plain (kebab-case) name. */
    record Name(String name) implements WorldKey {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The interface named {@code pkg/iface}. */
    record InterfaceName(PackageName pkg, String iface) implements WorldKey {
        public InterfaceName {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public String toString() {
            return pkg.interfaceName(iface);
        }
    }
}
