package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.Version;
import dev.wit4j.witx.parse.Ast;
import dev.wit4j.witx.parse.Ast.Loc;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Feature gates (WIT.md "Feature gate syntax"): an item's {@code @since}, {@code @unstable} and
 * {@code @deprecated} read into its {@link Stability}, whether that makes it active under the
 * features the resolver was given, and the check that {@code @since} names no unreleased version.
 */
final class Gates {
    private final Predicate<String> featureActive;
    private final Consumer<WitException> report;

    Gates(Predicate<String> featureActive, Consumer<WitException> report) {
        this.featureActive = featureActive;
        this.report = report;
    }

    /** Whether an item of stability {@code s} is part of the resolved package. */
    boolean active(Stability s) {
        return !(s instanceof Stability.Unstable u) || featureActive.test(u.feature());
    }

    /** The stability the gates of {@code attrs} give. */
    Stability stability(Ast.Attrs attrs) {
        Version since = null;
        Version deprecated = null;
        Ast.Id feature = null;
        Loc deprecatedLoc = null;
        for (Ast.Attr a : attrs.gates()) {
            if (a instanceof Ast.Since s) {
                since = s.version();
            } else if (a instanceof Ast.Unstable u) {
                feature = u.feature();
            } else if (a instanceof Ast.Deprecated dep) {
                deprecated = dep.version();
                deprecatedLoc = dep.loc();
            }
        }
        if (feature != null) {
            return new Stability.Unstable(feature.name(), Optional.ofNullable(deprecated));
        }
        if (since != null) {
            return new Stability.Stable(since, Optional.ofNullable(deprecated));
        }
        if (deprecatedLoc != null) {
            // WIT.md "Feature gate syntax": @deprecated must be paired with @since or @unstable.
            // (Reported each time the attributes are read, and kept once.)
            report.accept(deprecatedLoc.error("`@deprecated` must be combined with `@since` or `@unstable`"));
        }
        return Stability.UNKNOWN;
    }

    /** Reports a {@code @since} (at {@code at}) of a version after package {@code pkg}'s own. */
    void checkSince(PackageName pkg, Stability s, Loc at) {
        if (s instanceof Stability.Stable stable
                && pkg.version().isPresent()
                && stable.since().compareTo(pkg.version().get()) > 0) {
            report.accept(
                    at.error("feature gate cannot reference unreleased version " + stable.since() + " of package ["
                            + pkg + "] (current version " + pkg.version().get() + ")"));
        }
    }
}
