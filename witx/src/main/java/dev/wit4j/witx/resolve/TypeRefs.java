package dev.wit4j.witx.resolve;

import dev.wit4j.witx.parse.Ast;
import java.util.List;

/** Collects the names a type definition refers to (its edges in the type dependency graph). */
final class TypeRefs {
    private TypeRefs() {}

    static void collect(Ast.TypeBody body, List<Ast.Id> out) {
        if (body instanceof Ast.AliasBody a) {
            collect(a.type(), out);
        } else if (body instanceof Ast.RecordBody r) {
            r.fields().forEach(f -> collect(f.type(), out));
        } else if (body instanceof Ast.VariantBody v) {
            v.cases().forEach(c -> {
                if (c.type() != null) {
                    collect(c.type(), out);
                }
            });
        }
    }

    static void collect(Ast.TypeExpr t, List<Ast.Id> out) {
        if (t == null) {
            return;
        }
        if (t instanceof Ast.NameType n) {
            out.add(n.name());
        } else if (t instanceof Ast.HandleTypeExpr h) {
            out.add(h.resource());
        } else if (t instanceof Ast.ListTypeExpr l) {
            collect(l.element(), out);
        } else if (t instanceof Ast.OptionTypeExpr o) {
            collect(o.type(), out);
        } else if (t instanceof Ast.ResultTypeExpr r) {
            collect(r.ok(), out);
            collect(r.err(), out);
        } else if (t instanceof Ast.TupleTypeExpr tt) {
            tt.types().forEach(x -> collect(x, out));
        } else if (t instanceof Ast.MapTypeExpr m) {
            collect(m.key(), out);
            collect(m.value(), out);
        } else if (t instanceof Ast.AsyncTypeExpr a) {
            collect(a.element(), out);
        }
    }
}
