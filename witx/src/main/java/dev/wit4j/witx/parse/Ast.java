package dev.wit4j.witx.parse;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Version;
import java.util.List;

/**
 * The unresolved syntax tree of one WIT file. Node names follow the productions of WIT.md; every
 * name carries its source location so that later phases can report errors precisely.
 */
public final class Ast {
    private Ast() {}

    /** A location: file, char offset and length. */
    public record Loc(SourceFile file, int offset, int length) {
        /** The 1-based line/column position. */
        public SourcePos pos() {
            return file.pos(offset);
        }

        /** An error pointing here. */
        public WitException error(String message) {
            return file.error(offset, message);
        }
    }

    /** An identifier (with a leading {@code %} already removed). */
    public record Id(String name, Loc loc) {}

    /** A parsed file: optional {@code package ...;} header and top-level items in order. */
    public record File(SourceFile source, PackageDecl header, List<String> headerDocs, List<TopItem> items) {}

    /** {@code package ns:name@version}. */
    public record PackageDecl(Id namespace, Id name, Version version, Loc loc) {
        /** {@code ns:name@version} as text. */
        public String text() {
            return namespace.name() + ":" + name.name() + (version == null ? "" : "@" + version);
        }
    }

    /** Docs and gates written before an item. */
    public record Attrs(List<String> docs, List<Attr> gates) {
        /** No docs and no gates. */
        public static final Attrs NONE = new Attrs(List.of(), List.of());
    }

    /** One {@code @...(...)} attribute. */
    public sealed interface Attr {
        /** Where the attribute is written. */
        Loc loc();
    }

    /** {@code @since(version = V)}. */
    public record Since(Version version, Loc loc) implements Attr {}

    /** {@code @unstable(feature = F)}. */
    public record Unstable(Id feature, Loc loc) implements Attr {}

    /** {@code @deprecated(version = V)}. */
    public record Deprecated(Version version, Loc loc) implements Attr {}

    /** {@code @external-id("...")} (🏷️); kept in the tree, not in the model. */
    public record ExternalId(String value, Loc loc) implements Attr {}

    /** A top-level item of a file. */
    public sealed interface TopItem {}

    /** {@code use path (as name)?;} at the top level of a file. */
    public record TopUse(UsePath path, Id as, Attrs attrs) implements TopItem {}

    /** {@code package ns:name { ... }}. */
    public record NestedPackage(PackageDecl decl, List<String> docs, List<TopItem> items, int depth)
            implements TopItem {}

    /** {@code interface name { ... }}. */
    public record InterfaceDecl(Id name, Attrs attrs, List<InterfaceItem> items) implements TopItem {}

    /** {@code world name { ... }}. */
    public record WorldDecl(Id name, Attrs attrs, List<WorldItem> items) implements TopItem {}

    /** A path naming an interface or world. */
    public sealed interface UsePath {
        /** Where the path is written (for {@link PackagePath}, its package part). */
        Loc loc();

        /** The last identifier. */
        Id last();
    }

    /** A name in the current package or file scope. */
    public record LocalPath(Id name) implements UsePath {
        @Override
        public Loc loc() {
            return name.loc();
        }

        @Override
        public Id last() {
            return name;
        }
    }

    /** {@code ns:pkg/name@version}. */
    public record PackagePath(Id namespace, Id pkg, Id name, Version version, Loc loc) implements UsePath {
        @Override
        public Id last() {
            return name;
        }

        /** {@code ns:pkg@version}. */
        public String packageText() {
            return namespace.name() + ":" + pkg.name() + (version == null ? "" : "@" + version);
        }
    }

    /** An item of an interface. */
    public sealed interface InterfaceItem {}

    /** An item of a world. */
    public sealed interface WorldItem {}

    /** {@code use path.{a, b as c};} */
    public record Use(UsePath path, List<UseName> names, Attrs attrs, Loc loc) implements InterfaceItem, WorldItem {}

    /** One name of a {@code use}. */
    public record UseName(Id name, Id as) {
        /** The name the item gets locally. */
        public Id local() {
            return as != null ? as : name;
        }
    }

    /** {@code name: func...;} */
    public record FuncDecl(Id name, FuncType type, Attrs attrs) implements InterfaceItem {}

    /** A function type. */
    public record FuncType(boolean async, List<Param> params, TypeExpr result, Loc loc) {}

    /** A named parameter. */
    public record Param(Id name, TypeExpr type) {}

    /** A named type definition. */
    public record TypeDecl(Id name, TypeBody body, Attrs attrs) implements InterfaceItem, WorldItem {}

    /** The body of a type definition. */
    public sealed interface TypeBody {}

    /** {@code type name = ty;} */
    public record AliasBody(TypeExpr type) implements TypeBody {}

    /** {@code record name { ... }} */
    public record RecordBody(List<FieldDecl> fields) implements TypeBody {}

    /** A record field. */
    public record FieldDecl(Id name, TypeExpr type, List<String> docs) {}

    /** {@code flags name { ... }} */
    public record FlagsBody(List<Named> flags) implements TypeBody {}

    /** {@code variant name { ... }} */
    public record VariantBody(List<CaseDecl> cases) implements TypeBody {}

    /** A variant case, {@code type} null when it has no payload. */
    public record CaseDecl(Id name, TypeExpr type, List<String> docs) {}

    /** {@code enum name { ... }} */
    public record EnumBody(List<Named> cases) implements TypeBody {}

    /** A documented name (flag or enum case). */
    public record Named(Id name, List<String> docs) {}

    /** {@code resource name;} or {@code resource name { ... }}. */
    public record ResourceBody(List<ResourceFunc> funcs) implements TypeBody {}

    /** A resource member; {@code name} is the {@code constructor} keyword for constructors. */
    public record ResourceFunc(Kind kind, Id name, FuncType type, Attrs attrs) {
        /** Member kinds. */
        public enum Kind {
            METHOD,
            STATIC,
            CONSTRUCTOR
        }
    }

    /** {@code import}/{@code export} in a world. */
    public record ImportExport(boolean export, Extern kind, Attrs attrs) implements WorldItem {}

    /** {@code include path (with { a as b })?}. */
    public record Include(UsePath path, List<IncludeName> names, Attrs attrs) implements WorldItem {}

    /** {@code a as b} in an include. */
    public record IncludeName(Id name, Id as) {}

    /** What is imported or exported. */
    public sealed interface Extern {
        /** The location used in messages about this item. */
        Loc loc();
    }

    /** {@code import path;} */
    public record ExternPath(UsePath path) implements Extern {
        @Override
        public Loc loc() {
            return path instanceof PackagePath p ? p.loc() : path.loc();
        }
    }

    /** {@code import name: func...;} */
    public record ExternFunc(Id name, FuncType type) implements Extern {
        @Override
        public Loc loc() {
            return name.loc();
        }
    }

    /** {@code import name: interface { ... }} */
    public record ExternInterface(Id name, List<InterfaceItem> items, Loc bodyLoc) implements Extern {
        @Override
        public Loc loc() {
            return name.loc();
        }
    }

    /** {@code import name: path;} (🏷️ a plain name implemented by a named interface). */
    public record ExternNamedPath(Id name, UsePath path) implements Extern {
        @Override
        public Loc loc() {
            return name.loc();
        }
    }

    /** A type expression. */
    public sealed interface TypeExpr {
        /** Where it is written. */
        Loc loc();
    }

    /** A primitive by its WIT name ({@code u32}, {@code string}, {@code error-context}, ...). */
    public record PrimType(String name, Loc loc) implements TypeExpr {}

    /** A reference to a named type. */
    public record NameType(Id name) implements TypeExpr {
        @Override
        public Loc loc() {
            return name.loc();
        }
    }

    /** {@code list<T>} or {@code list<T, N>} ({@code length} 0 when not fixed). */
    public record ListTypeExpr(TypeExpr element, long length, Loc loc) implements TypeExpr {}

    /** {@code option<T>}. */
    public record OptionTypeExpr(TypeExpr type, Loc loc) implements TypeExpr {}

    /** {@code result<...>}; missing parts are null. */
    public record ResultTypeExpr(TypeExpr ok, TypeExpr err, Loc loc) implements TypeExpr {}

    /** {@code tuple<...>}. */
    public record TupleTypeExpr(List<TypeExpr> types, Loc loc) implements TypeExpr {}

    /** {@code map<K, V>}. */
    public record MapTypeExpr(TypeExpr key, TypeExpr value, Loc loc) implements TypeExpr {}

    /** {@code own<r>} or {@code borrow<r>}. */
    public record HandleTypeExpr(Id resource, boolean borrow, Loc loc) implements TypeExpr {}

    /** {@code stream<T>}/{@code stream} and {@code future<T>}/{@code future}; element may be null. */
    public record AsyncTypeExpr(boolean stream, TypeExpr element, Loc loc) implements TypeExpr {}
}
