package dev.wit4j.witx.resolve;

import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.parse.Ast;
import java.util.List;

/**
 * The syntax of one package gathered from its files: each section is the part of one file that
 * belongs to the package, with that file's top-level {@code use} scope.
 */
record PackageSource(PackageName name, Ast.Loc loc, List<String> docs, List<Section> sections) {
    /** One file's (or nested block's) items of the package. */
    record Section(Ast.Loc origin, List<Ast.TopItem> items) {}
}
