package dev.wit4j.witx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of resolving WIT: every package, dependencies before dependents, and the root package
 * (the one named by the {@code package ...;} header of the file or directory that was resolved).
 */
public record Resolve(List<WitPackage> packages, PackageName root) {

    public Resolve {
        packages = List.copyOf(packages);
        Objects.requireNonNull(root, "root");
        if (find(packages, root).isEmpty()) {
            throw new IllegalArgumentException("root package " + root + " is not among the packages");
        }
    }

    private static Optional<WitPackage> find(List<WitPackage> packages, PackageName name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The root package. */
    public WitPackage rootPackage() {
        return find(packages, root).orElseThrow();
    }

    /** The package with exactly this name (including version). */
    public Optional<WitPackage> pkg(PackageName name) {
        return find(packages, name);
    }

    /**
     * Selects a world as WIT.md "Specifying a World" describes: with {@code spec} empty the root
     * package must have exactly one world; a plain name picks a world of the root package; a path
     * {@code ns:pkg/world[@version]} picks one from any package.
     *
     * @throws IllegalArgumentException with a user-readable message if there is no such world
     */
    public World selectWorld(Optional<String> spec) {
        WitPackage rootPkg = rootPackage();
        if (spec.isEmpty()) {
            if (rootPkg.worlds().size() != 1) {
                throw new IllegalArgumentException("package `" + root + "` has "
                        + rootPkg.worlds().size() + " worlds; name the world to use (one of: "
                        + String.join(", ", rootPkg.worlds().keySet()) + ")");
            }
            return rootPkg.worlds().values().iterator().next();
        }
        String s = spec.get();
        int slash = s.indexOf('/');
        if (slash < 0) {
            World w = rootPkg.worlds().get(s);
            if (w == null) {
                throw new IllegalArgumentException("no world named `" + s + "` in package `" + root + "`");
            }
            return w;
        }
        String pkgPart = s.substring(0, slash);
        String rest = s.substring(slash + 1);
        String version = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            version = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        List<WitPackage> versions = new ArrayList<>();
        for (WitPackage p : packages) {
            String ver = p.name().version().map(Version::toString).orElse(null);
            if (p.name().unversioned().equals(pkgPart) && p.worlds().containsKey(rest)) {
                if (Objects.equals(ver, version)) {
                    return p.worlds().get(rest);
                }
                versions.add(p);
            }
        }
        // without a version, the one version there is (as wasm-tools does)
        if (version == null && versions.size() == 1) {
            return versions.get(0).worlds().get(rest);
        }
        if (version == null && versions.size() > 1) {
            throw new IllegalArgumentException("world `" + s + "` is in several versions of `" + pkgPart + "` ("
                    + String.join(
                            ", ",
                            versions.stream().map(p -> p.name().toString()).toList())
                    + "); name one, e.g. `" + pkgPart + "/" + rest + "@"
                    + versions.get(versions.size() - 1)
                            .name()
                            .version()
                            .map(Version::toString)
                            .orElse("") + "`");
        }
        throw new IllegalArgumentException("no world `" + s + "` among the resolved packages"
                + (versions.isEmpty()
                        ? ""
                        : " (it is in "
                                + String.join(
                                        ", ",
                                        versions.stream()
                                                .map(p -> p.name().toString())
                                                .toList()) + ")"));
    }
}
