package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.parse.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits the files of one group (a root file, a root directory, or one dependency) into packages:
 * the main package named by the {@code package ...;} headers (all headers must agree, WIT.md
 * "Package Names") and one package per top-level {@code package ... { }} block. A header that
 * disagrees, a second header's docs and a block nested in a block are reported and left out.
 */
final class Grouping {
    private Grouping() {}

    record Result(List<PackageSource> packages, PackageName main) {}

    static Result packages(String origin, List<Ast.File> files, Consumer<WitException> report) {
        Ast.PackageDecl header = null;
        List<String> docs = List.of();
        List<PackageSource.Section> mainSections = new ArrayList<>();
        List<PackageSource> nested = new ArrayList<>();
        Ast.Loc firstItems = null;
        for (Ast.File f : files) {
            if (f.header() != null) {
                if (header == null) {
                    header = f.header();
                } else if (!header.text().equals(f.header().text())) {
                    report.accept(f.header()
                            .namespace()
                            .loc()
                            .error("package identifier `" + f.header().text()
                                    + "` does not match previous package name of `" + header.text() + "`"));
                }
                if (!f.headerDocs().isEmpty()) {
                    if (!docs.isEmpty()) {
                        report.accept(f.source().error(0, "found doc comments on multiple 'package' items"));
                    } else {
                        docs = f.headerDocs();
                    }
                }
            }
            List<Ast.TopItem> items = new ArrayList<>();
            for (Ast.TopItem item : f.items()) {
                if (item instanceof Ast.NestedPackage np) {
                    List<Ast.TopItem> npItems = new ArrayList<>();
                    for (Ast.TopItem inner : np.items()) {
                        if (inner instanceof Ast.NestedPackage deeper) {
                            report.accept(deeper.decl()
                                    .namespace()
                                    .loc()
                                    .error("nested packages must be placed at the top-level"));
                        } else {
                            npItems.add(inner);
                        }
                    }
                    nested.add(new PackageSource(
                            name(np.decl()),
                            np.decl().namespace().loc(),
                            np.docs(),
                            List.of(new PackageSource.Section(
                                    np.decl().namespace().loc(), npItems))));
                } else {
                    items.add(item);
                }
            }
            if (!items.isEmpty()) {
                Ast.Loc origin0 = new Ast.Loc(f.source(), 0, 0);
                if (firstItems == null) {
                    firstItems = origin0;
                }
                mainSections.add(new PackageSource.Section(origin0, items));
            }
        }
        List<PackageSource> out = new ArrayList<>(nested);
        PackageName main = null;
        if (header != null) {
            main = name(header);
            out.add(new PackageSource(main, header.namespace().loc(), docs, mainSections));
        } else if (firstItems != null) {
            throw new WitException(
                    firstItems.file().name(), "no `package` header was found in any WIT file for this package");
        } else if (!nested.isEmpty()) {
            // A file of only `package x { }` blocks: the last one is the main package.
            main = nested.get(nested.size() - 1).name();
        }
        return new Result(out, main);
    }

    static PackageName name(Ast.PackageDecl d) {
        return PackageName.of(d.namespace().name(), d.name().name(), d.version());
    }
}
