package dev.wit4j.witx.model;

import java.util.Objects;

/**
 * Where a named type definition lives. Owners are given by name (not by object) so that the model
 * stays acyclic.
 */
public sealed interface TypeOwner {
    /** The package that (directly or through a world) owns the type. */
    PackageName pkg();

    /** A named interface {@code pkg/iface}. */
    record InInterface(PackageName pkg, String iface) implements TypeOwner {
        public InInterface {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public String toString() {
            return pkg.interfaceName(iface);
        }
    }

    /** An interface written inline in a world ({@code import item: interface { ... }}). */
    record InWorldInterface(PackageName pkg, String world, String item) implements TypeOwner {
        public InWorldInterface {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(world, "world");
            Objects.requireNonNull(item, "item");
        }

        @Override
        public String toString() {
            return pkg + "/" + world + "#" + item;
        }
    }

    /** A world (types brought into a world by {@code use} or declared in it). */
    record InWorld(PackageName pkg, String world) implements TypeOwner {
        public InWorld {
            Objects.requireNonNull(pkg, "pkg");
            Objects.requireNonNull(world, "world");
        }

        @Override
        public String toString() {
            return pkg + "/" + world;
        }
    }
}
