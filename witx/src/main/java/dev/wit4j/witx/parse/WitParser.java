package dev.wit4j.witx.parse;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Version;
import dev.wit4j.witx.parse.Ast.*;
import dev.wit4j.witx.parse.Lexer.Kind;
import dev.wit4j.witx.parse.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for one WIT file (WIT.md "Top-level items" and following sections).
 * Syntax errors are reported as {@link WitException} with the position of the offending token.
 */
public final class WitParser {
    /** Matches wasm-tools: deeper nesting is rejected rather than risking stack exhaustion. */
    private static final int MAX_DEPTH = 100;

    private final Lexer lexer;
    private final SourceFile file;
    private Token peeked;
    private Token last;
    private int typeDepth;

    private WitParser(SourceFile file) {
        this.file = file;
        this.lexer = new Lexer(file);
    }

    /**
     * Parses one file.
     *
     * @throws WitException on a syntax error
     */
    public static Ast.File parse(SourceFile file) {
        return new WitParser(file).file();
    }

    // ---- token helpers ------------------------------------------------------------------

    private Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    private Token next() {
        Token t = peek();
        peeked = null;
        last = t;
        return t;
    }

    private boolean isOp(String op) {
        Token t = peek();
        return t.kind() == Kind.OP && t.text().equals(op);
    }

    private boolean isKw(String kw) {
        Token t = peek();
        return t.kind() == Kind.KEYWORD && t.text().equals(kw);
    }

    private boolean eatOp(String op) {
        if (isOp(op)) {
            next();
            return true;
        }
        return false;
    }

    private boolean eatKw(String kw) {
        if (isKw(kw)) {
            next();
            return true;
        }
        return false;
    }

    private WitException expected(String what) {
        Token t = peek();
        return file.error(t.start(), "expected " + what + ", found " + t.describe());
    }

    private Token expectOp(String op) {
        if (!isOp(op)) {
            throw expected("'" + op + "'");
        }
        return next();
    }

    private Token expectKw(String kw) {
        if (!isKw(kw)) {
            throw expected("keyword `" + kw + "`");
        }
        return next();
    }

    private Loc loc(Token t) {
        return new Loc(file, t.start(), t.end() - t.start());
    }

    private Id id() {
        Token t = peek();
        if (t.kind() == Kind.ID || t.kind() == Kind.EXPLICIT_ID) {
            next();
            return new Id(t.text(), loc(t));
        }
        throw expected("an identifier or string");
    }

    private boolean isId() {
        Kind k = peek().kind();
        return k == Kind.ID || k == Kind.EXPLICIT_ID;
    }

    private Version version() {
        Token t = peek();
        int[] range = lexer.scanVersion(t.start());
        peeked = null;
        String text = file.text().substring(range[0], range[1]);
        if (text.isEmpty()) {
            throw file.error(range[0], "expected a version, found " + t.describe());
        }
        return Version.parse(text).orElseThrow(() -> file.error(range[0], "invalid semver version `" + text + "`"));
    }

    /** Docs are all comments between the previous token and this item (wasm-tools keeps them all). */
    private List<String> docs() {
        return peek().comments();
    }

    // ---- file structure --------------------------------------------------------------------

    private Ast.File file() {
        PackageDecl header = null;
        List<String> headerDocs = List.of();
        List<TopItem> items = new ArrayList<>();
        if (isKw("package")) {
            List<String> docs = docs();
            Token kw = next();
            PackageDecl decl = packageDecl(kw);
            if (eatOp(";")) {
                header = decl;
                headerDocs = docs;
            } else if (isOp("{")) {
                items.add(nestedPackage(decl, docs, 0));
            } else {
                throw expected("';' or '{'");
            }
        }
        while (peek().kind() != Kind.EOF) {
            items.add(topItem(0));
        }
        return new Ast.File(file, header, headerDocs, items);
    }

    private PackageDecl packageDecl(Token kw) {
        Id ns = id();
        expectOp(":");
        Id name = id();
        if (isOp(":") || isOp("/")) {
            throw file.error(peek().start(), "nested namespaces and packages are not supported");
        }
        Version v = null;
        if (eatOp("@")) {
            v = version();
        }
        return new PackageDecl(ns, name, v, new Loc(file, ns.loc().offset(), 1));
    }

    private NestedPackage nestedPackage(PackageDecl decl, List<String> docs, int depth) {
        if (depth >= MAX_DEPTH) {
            throw file.error(lastPackageKw, "package nesting too deep");
        }
        expectOp("{");
        List<TopItem> items = new ArrayList<>();
        while (!eatOp("}")) {
            if (peek().kind() == Kind.EOF) {
                throw expected("'}'");
            }
            items.add(topItem(depth + 1));
        }
        return new NestedPackage(decl, docs, items, depth);
    }

    private int lastPackageKw;

    private TopItem topItem(int depth) {
        List<String> docs = docs();
        if (isKw("package")) {
            Token kw = next();
            lastPackageKw = kw.start();
            PackageDecl decl = packageDecl(kw);
            if (!isOp("{")) {
                throw expected("'{'");
            }
            return nestedPackage(decl, docs, depth);
        }
        Attrs attrs = attrs(docs);
        if (eatKw("use")) {
            UsePath path = usePath();
            Id as = null;
            if (eatKw("as")) {
                as = id();
            }
            expectOp(";");
            return new TopUse(path, as, attrs);
        }
        if (eatKw("interface")) {
            Id name = id();
            return new InterfaceDecl(name, attrs, interfaceBody());
        }
        if (eatKw("world")) {
            Id name = id();
            return new WorldDecl(name, attrs, worldBody());
        }
        throw expected("`world`, `interface` or `use`");
    }

    private Attrs attrs(List<String> docs) {
        List<Attr> gates = new ArrayList<>();
        while (isOp("@")) {
            Token at = next();
            Id name = id();
            Loc l = new Loc(file, at.start(), name.loc().offset() + name.loc().length() - at.start());
            expectOp("(");
            switch (name.name()) {
                case "since" -> {
                    expectField("version");
                    gates.add(new Since(version(), l));
                }
                case "deprecated" -> {
                    expectField("version");
                    gates.add(new Ast.Deprecated(version(), l));
                }
                case "unstable" -> {
                    expectField("feature");
                    gates.add(new Unstable(id(), l));
                }
                case "external-id" -> {
                    if (peek().kind() != Kind.STRING) {
                        throw expected("a string");
                    }
                    gates.add(new ExternalId(next().text(), l));
                }
                default -> throw name.loc().error("unknown attribute `" + name.name() + "`");
            }
            expectOp(")");
        }
        return gates.isEmpty() && docs.isEmpty() ? Attrs.NONE : new Attrs(docs, List.copyOf(gates));
    }

    private void expectField(String field) {
        Id f = id();
        if (!f.name().equals(field)) {
            throw f.loc().error("expected `" + field + "`, found `" + f.name() + "`");
        }
        expectOp("=");
    }

    private UsePath usePath() {
        Id first = id();
        if (!isOp(":")) {
            return new LocalPath(first);
        }
        return packagePath(first);
    }

    private PackagePath packagePath(Id ns) {
        expectOp(":");
        Id pkg = id();
        expectOp("/");
        Id name = id();
        Version v = null;
        if (eatOp("@")) {
            v = version();
        }
        int end = pkg.loc().offset() + pkg.loc().length();
        return new PackagePath(ns, pkg, name, v, new Loc(file, ns.loc().offset(), end - ns.loc().offset()));
    }

    // ---- interfaces ------------------------------------------------------------------------

    private List<InterfaceItem> interfaceBody() {
        expectOp("{");
        List<InterfaceItem> items = new ArrayList<>();
        while (!eatOp("}")) {
            items.add(interfaceItem());
        }
        return items;
    }

    private InterfaceItem interfaceItem() {
        Attrs attrs = attrs(docs());
        if (isKw("use")) {
            return use(attrs);
        }
        TypeDecl td = typeDecl(attrs);
        if (td != null) {
            return td;
        }
        if (!isId()) {
            throw expected("`type`, `resource` or `func`");
        }
        Id name = id();
        expectOp(":");
        FuncType ft = funcType();
        expectOp(";");
        return new FuncDecl(name, ft, attrs);
    }

    private Use use(Attrs attrs) {
        Token kw = expectKw("use");
        UsePath path = usePath();
        expectOp(".");
        expectOp("{");
        List<UseName> names = new ArrayList<>();
        while (!eatOp("}")) {
            Id n = id();
            Id as = null;
            if (eatKw("as")) {
                as = id();
            }
            names.add(new UseName(n, as));
            if (!eatOp(",")) {
                expectOp("}");
                break;
            }
        }
        expectOp(";");
        return new Use(path, names, attrs, loc(kw));
    }

    private FuncType funcType() {
        Token start = peek();
        boolean async = eatKw("async");
        expectKw("func");
        List<Param> params = params();
        TypeExpr result = null;
        if (eatOp("->")) {
            result = type();
        }
        return new FuncType(async, params, result, loc(start));
    }

    private List<Param> params() {
        expectOp("(");
        List<Param> params = new ArrayList<>();
        while (!eatOp(")")) {
            Id n = id();
            expectOp(":");
            params.add(new Param(n, type()));
            if (!eatOp(",")) {
                expectOp(")");
                break;
            }
        }
        return params;
    }

    /** Parses a type definition if one starts here, else returns null. */
    private TypeDecl typeDecl(Attrs attrs) {
        if (eatKw("type")) {
            Id name = id();
            expectOp("=");
            TypeExpr t = type();
            expectOp(";");
            return new TypeDecl(name, new AliasBody(t), attrs);
        }
        if (eatKw("record")) {
            Id name = id();
            expectOp("{");
            List<FieldDecl> fields = new ArrayList<>();
            while (!eatOp("}")) {
                List<String> d = docs();
                Id f = id();
                expectOp(":");
                fields.add(new FieldDecl(f, type(), d));
                if (!eatOp(",")) {
                    expectOp("}");
                    break;
                }
            }
            return new TypeDecl(name, new RecordBody(fields), attrs);
        }
        if (eatKw("flags") || eatKw("enum")) {
            boolean flags = last.text().equals("flags");
            Id name = id();
            List<Named> names = namedList();
            return new TypeDecl(name, flags ? new FlagsBody(names) : new EnumBody(names), attrs);
        }
        if (eatKw("variant")) {
            Id name = id();
            expectOp("{");
            List<CaseDecl> cases = new ArrayList<>();
            while (!eatOp("}")) {
                List<String> d = docs();
                Id c = id();
                TypeExpr t = null;
                if (eatOp("(")) {
                    t = type();
                    expectOp(")");
                }
                cases.add(new CaseDecl(c, t, d));
                if (!eatOp(",")) {
                    expectOp("}");
                    break;
                }
            }
            return new TypeDecl(name, new VariantBody(cases), attrs);
        }
        if (eatKw("resource")) {
            Id name = id();
            List<ResourceFunc> funcs = new ArrayList<>();
            if (!eatOp(";")) {
                expectOp("{");
                while (!eatOp("}")) {
                    funcs.add(resourceFunc());
                }
            }
            return new TypeDecl(name, new ResourceBody(funcs), attrs);
        }
        return null;
    }

    private List<Named> namedList() {
        expectOp("{");
        List<Named> names = new ArrayList<>();
        while (!eatOp("}")) {
            List<String> d = docs();
            names.add(new Named(id(), d));
            if (!eatOp(",")) {
                expectOp("}");
                break;
            }
        }
        return names;
    }

    private ResourceFunc resourceFunc() {
        Attrs attrs = attrs(docs());
        if (isKw("constructor")) {
            Token kw = next();
            Id name = new Id("constructor", loc(kw));
            List<Param> params = params();
            TypeExpr result = null;
            if (eatOp("->")) {
                result = type();
            }
            expectOp(";");
            return new ResourceFunc(ResourceFunc.Kind.CONSTRUCTOR, name, new FuncType(false, params, result, loc(kw)), attrs);
        }
        if (!isId()) {
            throw expected("`constructor` or identifier");
        }
        Id name = id();
        expectOp(":");
        boolean isStatic = eatKw("static");
        FuncType ft = funcType();
        expectOp(";");
        return new ResourceFunc(isStatic ? ResourceFunc.Kind.STATIC : ResourceFunc.Kind.METHOD, name, ft, attrs);
    }

    // ---- types ---------------------------------------------------------------------------

    private TypeExpr type() {
        Token t = peek();
        if (typeDepth >= MAX_DEPTH) {
            throw file.error(t.start(), "type nesting too deep");
        }
        typeDepth++;
        try {
            return type0();
        } finally {
            typeDepth--;
        }
    }

    private TypeExpr type0() {
        Token t = peek();
        Loc l = loc(t);
        if (t.kind() == Kind.ID || t.kind() == Kind.EXPLICIT_ID) {
            return new NameType(id());
        }
        if (t.kind() != Kind.KEYWORD) {
            throw expected("a type");
        }
        switch (t.text()) {
            case "bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "char", "string",
                    "error-context" -> {
                next();
                return new PrimType(t.text(), l);
            }
            case "list" -> {
                next();
                expectOp("<");
                TypeExpr el = type();
                long len = 0;
                if (eatOp(",")) {
                    Token n = peek();
                    if (n.kind() != Kind.INTEGER) {
                        throw expected("fixed-length");
                    }
                    next();
                    try {
                        len = Long.parseLong(n.text());
                    } catch (NumberFormatException e) {
                        len = -1;
                    }
                    if (len <= 0 || len > 0xFFFF_FFFFL) {
                        throw file.error(n.start(), "invalid fixed-length list length `" + n.text()
                                + "`: must be between 1 and 4294967295");
                    }
                }
                expectOp(">");
                return new ListTypeExpr(el, len, l);
            }
            case "option" -> {
                next();
                expectOp("<");
                TypeExpr el = type();
                expectOp(">");
                return new OptionTypeExpr(el, l);
            }
            case "result" -> {
                next();
                TypeExpr ok = null;
                TypeExpr err = null;
                if (eatOp("<")) {
                    if (eatKw("_")) {
                        expectOp(",");
                        err = type();
                    } else {
                        ok = type();
                        if (eatOp(",")) {
                            err = type();
                        }
                    }
                    expectOp(">");
                }
                return new ResultTypeExpr(ok, err, l);
            }
            case "tuple" -> {
                next();
                expectOp("<");
                List<TypeExpr> types = new ArrayList<>();
                while (!eatOp(">")) {
                    types.add(type());
                    if (!eatOp(",")) {
                        expectOp(">");
                        break;
                    }
                }
                return new TupleTypeExpr(types, l);
            }
            case "map" -> {
                next();
                expectOp("<");
                TypeExpr k = type();
                expectOp(",");
                TypeExpr v = type();
                expectOp(">");
                return new MapTypeExpr(k, v, l);
            }
            case "own", "borrow" -> {
                next();
                expectOp("<");
                Id r = id();
                expectOp(">");
                return new HandleTypeExpr(r, t.text().equals("borrow"), l);
            }
            case "stream", "future" -> {
                next();
                TypeExpr el = null;
                if (eatOp("<")) {
                    el = type();
                    expectOp(">");
                }
                return new AsyncTypeExpr(t.text().equals("stream"), el, l);
            }
            default -> throw expected("a type");
        }
    }

    // ---- worlds --------------------------------------------------------------------------

    private List<WorldItem> worldBody() {
        expectOp("{");
        List<WorldItem> items = new ArrayList<>();
        while (!eatOp("}")) {
            items.add(worldItem());
        }
        return items;
    }

    private WorldItem worldItem() {
        Attrs attrs = attrs(docs());
        if (isKw("use")) {
            return use(attrs);
        }
        if (isKw("import") || isKw("export")) {
            boolean export = next().text().equals("export");
            return new ImportExport(export, extern(), attrs);
        }
        if (eatKw("include")) {
            UsePath path = usePath();
            List<IncludeName> names = new ArrayList<>();
            if (eatKw("with")) {
                expectOp("{");
                while (!eatOp("}")) {
                    Id n = id();
                    expectKw("as");
                    names.add(new IncludeName(n, id()));
                    if (!eatOp(",")) {
                        expectOp("}");
                        break;
                    }
                }
                eatOp(";");
            } else {
                expectOp(";");
            }
            return new Include(path, names, attrs);
        }
        TypeDecl td = typeDecl(attrs);
        if (td != null) {
            return td;
        }
        throw expected("`import`, `export`, `include`, `use`, or type");
    }

    private Extern extern() {
        Id first = id();
        if (!isOp(":")) {
            expectOp(";");
            return new ExternPath(new LocalPath(first));
        }
        Token colon = peek();
        // `a:b` written without spaces is a package path, `a: b` a plain name (WIT.md "Item: world").
        boolean adjacent = colon.start() == first.loc().offset() + first.loc().length();
        next();
        Token after = peek();
        if (after.kind() == Kind.KEYWORD && (after.text().equals("func") || after.text().equals("async"))) {
            FuncType ft = funcType();
            expectOp(";");
            return new ExternFunc(first, ft);
        }
        if (after.kind() == Kind.KEYWORD && after.text().equals("interface")) {
            Token kw = next();
            return new ExternInterface(first, interfaceBody(), loc(kw));
        }
        if (adjacent && after.start() == colon.end() && isId()) {
            // Re-parse as a package path: we have consumed `ns :`.
            Id pkg = id();
            expectOp("/");
            Id name = id();
            Version v = null;
            if (eatOp("@")) {
                v = version();
            }
            expectOp(";");
            int end = pkg.loc().offset() + pkg.loc().length();
            return new ExternPath(new PackagePath(first, pkg, name, v,
                    new Loc(file, first.loc().offset(), end - first.loc().offset())));
        }
        UsePath path = usePath();
        expectOp(";");
        return new ExternNamedPath(first, path);
    }
}
