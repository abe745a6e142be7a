package dev.wit4j.witx.resolve;

import dev.wit4j.witx.parse.Ast;
import java.util.ArrayList;
import java.util.List;

/** Finds every {@code ns:pkg/name} path in a package's items: its dependencies on other packages. */
final class PathCollector {
    private PathCollector() {}

    static List<Ast.PackagePath> collect(List<Ast.TopItem> items) {
        List<Ast.PackagePath> out = new ArrayList<>();
        for (Ast.TopItem item : items) {
            if (item instanceof Ast.TopUse u) {
                add(u.path(), out);
            } else if (item instanceof Ast.InterfaceDecl d) {
                ifaceItems(d.items(), out);
            } else if (item instanceof Ast.WorldDecl w) {
                for (Ast.WorldItem wi : w.items()) {
                    if (wi instanceof Ast.Use u) {
                        add(u.path(), out);
                    } else if (wi instanceof Ast.Include inc) {
                        add(inc.path(), out);
                    } else if (wi instanceof Ast.ImportExport ie) {
                        if (ie.kind() instanceof Ast.ExternPath p) {
                            add(p.path(), out);
                        } else if (ie.kind() instanceof Ast.ExternNamedPath p) {
                            add(p.path(), out);
                        } else if (ie.kind() instanceof Ast.ExternInterface i) {
                            ifaceItems(i.items(), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void ifaceItems(List<Ast.InterfaceItem> items, List<Ast.PackagePath> out) {
        for (Ast.InterfaceItem it : items) {
            if (it instanceof Ast.Use u) {
                add(u.path(), out);
            }
        }
    }

    private static void add(Ast.UsePath p, List<Ast.PackagePath> out) {
        if (p instanceof Ast.PackagePath pp) {
            out.add(pp);
        }
    }
}
