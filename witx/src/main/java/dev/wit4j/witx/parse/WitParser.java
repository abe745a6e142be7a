package dev.wit4j.witx.parse;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Version;
import dev.wit4j.witx.parse.Ast.*;
import dev.wit4j.witx.parse.Lexer.Kind;
import dev.wit4j.witx.parse.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for one WIT file (WIT.md "Top-level items" and following sections).
 *
 * <p>It reports every syntax error of the file, not just the first. An error inside an item is
 * recorded and the parser skips to where the next item can start: past the item's {@code ;}, past
 * the {@code }} of a body the item opened, to the {@code }} closing the enclosing body, or to a
 * token that starts an item of that body ({@code type}, {@code record}, {@code use}, {@code name:}
 * …). In the comma-separated members of a {@code record}, {@code variant}, {@code enum} or
 * {@code flags} it only skips to the next member. A missing {@code ,} between two members is
 * reported where the comma belongs and parsing goes on as if it were there. Skipping instead of
 * guessing keeps errors from cascading: an error that follows from an earlier one would be at a
 * token the parser skips, or at the position of the earlier error (only the first error at a
 * position is kept, see {@link WitException#combine}).
 */
public final class WitParser {
    /** Matches wasm-tools: deeper nesting is rejected rather than risking stack exhaustion. */
    private static final int MAX_DEPTH = 100;

    /** Keywords that start a top-level item, and those that start an item of an interface or a world body. */
    private static final Set<String> TOP_ITEMS = Set.of("package", "interface", "world", "use");

    private static final Set<String> INTERFACE_ITEMS =
            Set.of("type", "record", "variant", "enum", "flags", "resource", "use");
    private static final Set<String> WORLD_ITEMS =
            Set.of("type", "record", "variant", "enum", "flags", "resource", "use", "import", "export", "include");
    private static final Set<String> TYPE_KEYWORDS = Set.of(
            "bool",
            "u8",
            "u16",
            "u32",
            "u64",
            "s8",
            "s16",
            "s32",
            "s64",
            "f32",
            "f64",
            "char",
            "string",
            "error-context",
            "list",
            "option",
            "result",
            "tuple",
            "map",
            "own",
            "borrow",
            "stream",
            "future");

    /** Keywords that can only start an item outside an interface or world body, a world's inline interface, a resource. */
    private static final Set<String> OUTSIDE_BODY = Set.of("package", "interface", "world");

    private static final Set<String> OUTSIDE_WORLD_INTERFACE =
            Set.of("package", "interface", "world", "import", "export", "include");
    private static final Set<String> OUTSIDE_RESOURCE = Set.of(
            "package",
            "interface",
            "world",
            "import",
            "export",
            "include",
            "type",
            "record",
            "variant",
            "enum",
            "flags",
            "resource",
            "use");

    /** The kinds of body whose items the parser can resume at after an error. */
    private enum Level {
        TOP,
        INTERFACE,
        WORLD,
        RESOURCE
    }

    private final Lexer lexer;
    private final SourceFile file;
    private final List<WitException> errors = new ArrayList<>();
    private Token peeked;
    private Token last;
    private int typeDepth;
    /** {@code {} consumed and not closed yet. */
    private int braceDepth;
    /**
     * {@code (} and {@code <} consumed and not closed since the last brace or {@code ;} (neither
     * can be inside them, so those reset it even when the input left one open).
     */
    private int groupDepth;
    /** Whether tokens are being skipped after a syntax error, and the lexical errors found meanwhile. */
    private boolean skipping;

    private final List<WitException> skippedErrors = new ArrayList<>();

    private WitParser(SourceFile file) {
        this.file = file;
        this.lexer = new Lexer(file, this::lexicalError);
    }

    /**
     * Parses one file.
     *
     * @throws WitException with every syntax error of the file
     */
    public static Ast.File parse(SourceFile file) {
        WitParser p = new WitParser(file);
        Ast.File f = p.file();
        if (!p.errors.isEmpty()) {
            throw WitException.combine(p.errors);
        }
        return f;
    }

    private void lexicalError(WitException e) {
        // In what is skipped after a syntax error, tokens are not what they would be in place
        // (versions, for one, are not lexed as such): what is wrong there is not reported. The
        // token skipping stops at is parsed, though: its errors are kept until then.
        if (skipping) {
            skippedErrors.add(e);
        } else {
            errors.add(e);
        }
    }

    private void startSkipping() {
        skipping = true;
        skippedErrors.clear();
    }

    /** Ends skipping; the lexical errors of the token it stopped at (the next one) are reported. */
    private void stopSkipping() {
        skipping = false;
        var at = file.pos(peek().start());
        for (WitException e : skippedErrors) {
            if (e.line() > at.line() || e.line() == at.line() && e.column() >= at.column()) {
                errors.add(e);
            }
        }
        skippedErrors.clear();
    }

    /** Records a syntax error, unless it follows from a lexical one. */
    private void report(WitException e) {
        if (lexer.unterminatedComment() >= 0) {
            // The rest of the file is inside the comment: what the parser misses there follows from it.
            return;
        }
        if (last != null && lexer.flawed(last.end())) {
            // Right after a malformed token (`f-` in `f->`), the error is most likely that token's.
            return;
        }
        errors.add(e);
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
        if (t.kind() == Kind.OP) {
            switch (t.text()) {
                case "{" -> {
                    braceDepth++;
                    groupDepth = 0;
                }
                case "}" -> {
                    // A stray `}` at the top of a file closes nothing.
                    braceDepth = Math.max(0, braceDepth - 1);
                    groupDepth = 0;
                }
                case ";" -> groupDepth = 0;
                case "(", "<" -> groupDepth++;
                case ")", ">" -> groupDepth = Math.max(0, groupDepth - 1);
                default -> {}
            }
        }
        return t;
    }

    /** The token after the next one, without consuming either. */
    private Token peekSecond() {
        peek();
        int save = lexer.position();
        Token t = lexer.next();
        lexer.reset(save);
        return t;
    }

    /** Whether {@code t} (the next token) is the first token on its line. */
    private boolean firstOnLine(Token t) {
        int from = last == null ? 0 : last.end();
        String text = file.text();
        for (int i = from; i < t.start(); i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return last == null;
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

    /**
     * After a member of a comma-separated list: eats the {@code ,}, or sees the closing token
     * (not eaten). When the next token starts another member, the comma is missing: that is
     * reported right after the previous member, where the comma belongs, and parsing goes on as
     * if it were there.
     *
     * @param close the closing token of the list
     * @param member what the previous member is, for the message ({@code field `a`})
     * @param startsMember whether the next token can start a member
     * @return whether another member follows
     */
    private boolean separator(String close, String member, boolean startsMember) {
        if (eatOp(",")) {
            return true;
        }
        if (isOp(close)) {
            return false;
        }
        if (startsMember) {
            Token t = peek();
            String found = t.kind() == Kind.ID || t.kind() == Kind.EXPLICIT_ID
                    ? "identifier `" + t.text() + "`"
                    : t.describe();
            report(file.error(last.end(), "expected ',' or '" + close + "' after " + member + ", found " + found));
            return true;
        }
        throw expected("',' or '" + close + "'");
    }

    private boolean startsType() {
        Token t = peek();
        return t.kind() == Kind.ID
                || t.kind() == Kind.EXPLICIT_ID
                || t.kind() == Kind.KEYWORD && TYPE_KEYWORDS.contains(t.text());
    }

    // ---- error recovery ----------------------------------------------------------------------

    /** Whether the next token starts an item of a body of {@code level}. */
    private boolean startsItem(Level level) {
        Token t = peek();
        if (t.kind() == Kind.OP) {
            // Attributes start items too; `@` also precedes versions, but never first on a line.
            return t.text().equals("@") && firstOnLine(t);
        }
        if (t.kind() == Kind.KEYWORD) {
            return switch (level) {
                case TOP -> TOP_ITEMS.contains(t.text());
                case INTERFACE -> INTERFACE_ITEMS.contains(t.text());
                case WORLD -> WORLD_ITEMS.contains(t.text());
                case RESOURCE -> t.text().equals("constructor");
            };
        }
        if ((level == Level.INTERFACE || level == Level.RESOURCE) && isId()) {
            Token second = peekSecond();
            return second.kind() == Kind.OP && second.text().equals(":");
        }
        return false;
    }

    /**
     * Skips the rest of an item after a syntax error in it, within a body whose braces are
     * {@code depth} deep: up to and including the item's {@code ;} or the {@code }} of a body it
     * opened, or up to the {@code }} closing the enclosing body or a token that starts an item
     * there and is the first on its line (items start lines; elsewhere, such a token is more
     * likely part of the broken item, and may even be where the error was found). Inside an
     * unclosed {@code (} or {@code <} only a keyword or attribute starts an item: a {@code name:}
     * there is a parameter.
     */
    private void recover(Level level, int depth) {
        startSkipping();
        try {
            skip(level, depth);
        } finally {
            stopSkipping();
        }
    }

    private void skip(Level level, int depth) {
        while (peek().kind() != Kind.EOF) {
            Token t = peek();
            if (braceDepth <= depth) {
                if (isOp("}")) {
                    if (depth > 0 && !strayClose()) {
                        return;
                    }
                    // A `}` at the top of the file, or one right before a `;`, closes nothing.
                    next();
                    braceDepth = depth;
                    continue;
                }
                if (isOp(";") && level != Level.TOP) {
                    // Top-level items end with their braces; a `;` there ends nothing. Inside an
                    // unclosed `(` or `<` with more on its line, it is a stray one (`own<;e>`).
                    int groups = groupDepth;
                    boolean stray = groups > 0 && followedOnItsLine();
                    next();
                    if (!stray) {
                        return;
                    }
                    groupDepth = groups;
                    continue;
                }
                if (resumesHere(t) && startsItem(level)) {
                    return;
                }
            }
            next();
            if (level != Level.TOP
                    && braceDepth == depth
                    && last.kind() == Kind.OP
                    && last.text().equals("}")) {
                // The item opened a body and it is closed: the item ends here (with its `;`, if any).
                // (At the top level only another top-level item can come next.)
                eatOp(";");
                return;
            }
        }
    }

    /** Whether the next token, a {@code }}, is followed by {@code ;} on its line: no body ends so. */
    private boolean strayClose() {
        Token after = peekSecond();
        return after.kind() == Kind.OP && after.text().equals(";") && followedOnItsLine();
    }

    /** Whether another token follows the next one on its line. */
    private boolean followedOnItsLine() {
        Token t = peek();
        Token after = peekSecond();
        if (after.kind() == Kind.EOF) {
            return false;
        }
        for (int i = t.end(); i < after.start(); i++) {
            if (file.text().charAt(i) == '\n') {
                return false;
            }
        }
        return true;
    }

    private boolean resumesHere(Token t) {
        if (!firstOnLine(t)) {
            return false;
        }
        return groupDepth == 0 || t.kind() == Kind.KEYWORD || t.kind() == Kind.OP;
    }

    /**
     * Skips the rest of a list member after a syntax error in it: up to and including the next
     * {@code ,} of the list (braces {@code depth} deep), or up to the {@code }} closing the list.
     */
    private void skipMember(int depth) {
        startSkipping();
        try {
            while (peek().kind() != Kind.EOF) {
                if (braceDepth == depth && isOp("}")) {
                    return;
                }
                Token t = next();
                if (braceDepth == depth
                        && groupDepth == 0
                        && t.kind() == Kind.OP
                        && t.text().equals(",")) {
                    return;
                }
            }
        } finally {
            stopSkipping();
        }
    }

    /**
     * Whether a body whose {@code }} has not come yet ends without it: at the end of the file, or
     * at a keyword first on its line that starts an item of an enclosing body ({@code closers}).
     * That happens only after an error in the body, which explains the missing brace (a list or
     * body the error left open took it, or the brace was never written where the error is); it
     * is not reported again. Without such an error, the item parser reports what it expected.
     *
     * @param errorsBefore the number of errors before the body
     */
    private boolean bodyEnds(int errorsBefore, Set<String> closers) {
        if (errors.size() == errorsBefore) {
            return false;
        }
        Token t = peek();
        return t.kind() == Kind.EOF || t.kind() == Kind.KEYWORD && closers.contains(t.text()) && firstOnLine(t);
    }

    private Token expectOp(String op) {
        if (!isOp(op)) {
            throw expected("'" + op + "'");
        }
        return next();
    }

    /**
     * The {@code ;} ending an item. When the next token is on a later line, the {@code ;} is most
     * likely missing at the end of this one: the error points there, right after the item.
     */
    private void expectSemicolon() {
        if (eatOp(";")) {
            return;
        }
        Token t = peek();
        if (last != null && (t.kind() == Kind.EOF || firstOnLine(t))) {
            throw file.error(last.end(), "expected ';', found " + t.describe());
        }
        throw expected("';'");
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
        last = new Token(Kind.VERSION, text, range[0], range[1], List.of());
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
        List<TopItem> items = new ArrayList<>();
        topItems(items, 0, 0);
        return new Ast.File(file, header, headerDocs, items);
    }

    /** Top-level items up to the end of the file or (in a nested package) the closing {@code }}. */
    private void topItems(List<TopItem> items, int depth, int braces) {
        int errorsBefore = errors.size();
        while (peek().kind() != Kind.EOF && !(braces > 0 && isOp("}"))) {
            if (!errors.isEmpty() && !startsItem(Level.TOP)) {
                // What is not a top-level item, after an error, most likely belongs to a body
                // that the error closed early (a `}` in the wrong place, or a `{` missing).
                recover(Level.TOP, braces);
                continue;
            }
            int start = peek().start();
            try {
                TopItem item = topItem(depth, items.isEmpty());
                if (item != null) {
                    items.add(item);
                }
            } catch (WitException e) {
                // An interface or world item here (after its attributes), after an error, is
                // another sign of a body closed early.
                if (errors.isEmpty() || !(startsItem(Level.INTERFACE) || startsItem(Level.WORLD))) {
                    report(e);
                }
                recover(Level.TOP, braces);
            }
            if (peek().start() == start && peek().kind() != Kind.EOF && !(braces > 0 && isOp("}"))) {
                next();
            }
        }
        if (braces > 0 && peek().kind() == Kind.EOF && errors.size() == errorsBefore) {
            throw expected("'}'");
        }
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
        topItems(items, depth + 1, braceDepth);
        eatOp("}");
        return new NestedPackage(decl, docs, items, depth);
    }

    private int lastPackageKw;
    /** The file's {@code package ...;} header, once parsed. */
    private PackageDecl header;

    private List<String> headerDocs = List.of();

    /**
     * A top-level item, or null for the file's header.
     *
     * @param first whether no item came before (in the file or nested package)
     */
    private TopItem topItem(int depth, boolean first) {
        List<String> docs = docs();
        if (isKw("package")) {
            Token kw = next();
            lastPackageKw = kw.start();
            PackageDecl decl = packageDecl(kw);
            // The header is the file's first item (a syntax error before it is reported already).
            boolean headerHere = depth == 0 && first && header == null;
            if (headerHere && eatOp(";")) {
                header = decl;
                headerDocs = docs;
                return null;
            }
            if (!isOp("{")) {
                throw expected(headerHere ? "';' or '{'" : "'{'");
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
            expectSemicolon();
            return new TopUse(path, as, attrs);
        }
        if (eatKw("interface")) {
            Id name = id();
            return new InterfaceDecl(name, attrs, interfaceBody(OUTSIDE_BODY));
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
        return new PackagePath(
                ns,
                pkg,
                name,
                v,
                new Loc(file, ns.loc().offset(), end - ns.loc().offset()));
    }

    // ---- interfaces ------------------------------------------------------------------------

    /** @param closers keywords of the items that can follow the body, see {@link #bodyEnds} */
    private List<InterfaceItem> interfaceBody(Set<String> closers) {
        return body(Level.INTERFACE, closers, this::interfaceItem);
    }

    /** Parses one item of a braced body; a syntax error in it is thrown and recovered from in {@link #body}. */
    private interface ItemParser<T> {
        T parse();
    }

    /**
     * The items of a body in braces, opening brace first: after a syntax error in an item, the
     * error is recorded and parsing goes on at the next item of this body ({@link #recover}); a
     * token no item starts with is skipped so that every round makes progress.
     *
     * @param closers keywords of the items that can follow the body, see {@link #bodyEnds}
     */
    private <T> List<T> body(Level level, Set<String> closers, ItemParser<T> item) {
        expectOp("{");
        int depth = braceDepth;
        int errorsBefore = errors.size();
        List<T> items = new ArrayList<>();
        while (!eatOp("}") && !bodyEnds(errorsBefore, closers)) {
            int start = peek().start();
            try {
                items.add(item.parse());
            } catch (WitException e) {
                report(e);
                recover(level, depth);
            }
            if (peek().start() == start && peek().kind() != Kind.EOF && !isOp("}")) {
                next();
            }
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
        expectSemicolon();
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
            if (!separator("}", "`" + n.name() + "`", isId())) {
                expectOp("}");
                break;
            }
        }
        expectSemicolon();
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
            if (!separator(")", "parameter `" + n.name() + "`", isId())) {
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
            expectSemicolon();
            return new TypeDecl(name, new AliasBody(t), attrs);
        }
        if (eatKw("record")) {
            Id name = id();
            List<FieldDecl> fields = new ArrayList<>();
            members(() -> {
                List<String> d = docs();
                Id f = id();
                expectOp(":");
                fields.add(new FieldDecl(f, type(), d));
                return "field `" + f.name() + "`";
            });
            return new TypeDecl(name, new RecordBody(fields), attrs);
        }
        if (eatKw("flags") || eatKw("enum")) {
            boolean flags = last.text().equals("flags");
            Id name = id();
            List<Named> names = namedList(flags ? "flag" : "case");
            return new TypeDecl(name, flags ? new FlagsBody(names) : new EnumBody(names), attrs);
        }
        if (eatKw("variant")) {
            Id name = id();
            List<CaseDecl> cases = new ArrayList<>();
            members(() -> {
                List<String> d = docs();
                Id c = id();
                TypeExpr t = null;
                if (eatOp("(")) {
                    t = type();
                    expectOp(")");
                }
                cases.add(new CaseDecl(c, t, d));
                return "case `" + c.name() + "`";
            });
            return new TypeDecl(name, new VariantBody(cases), attrs);
        }
        if (eatKw("resource")) {
            Id name = id();
            List<ResourceFunc> funcs =
                    eatOp(";") ? new ArrayList<>() : body(Level.RESOURCE, OUTSIDE_RESOURCE, this::resourceFunc);
            return new TypeDecl(name, new ResourceBody(funcs), attrs);
        }
        return null;
    }

    /** One member of a braced list; returns what it is for messages ({@code field `a`}). */
    private interface Member {
        String parse();
    }

    /**
     * {@code { member, member, ... }} with an optional trailing comma. A syntax error in a member
     * is recorded and the parser goes on with the next member.
     */
    private void members(Member member) {
        expectOp("{");
        int depth = braceDepth;
        int errorsBefore = errors.size();
        while (!eatOp("}")) {
            if (peek().kind() == Kind.EOF && errors.size() > errorsBefore) {
                return;
            }
            try {
                String what = member.parse();
                if (!separator("}", what, isId())) {
                    expectOp("}");
                    return;
                }
            } catch (WitException e) {
                report(e);
                skipMember(depth);
            }
        }
    }

    private List<Named> namedList(String what) {
        List<Named> names = new ArrayList<>();
        members(() -> {
            List<String> d = docs();
            Id n = id();
            names.add(new Named(n, d));
            return what + " `" + n.name() + "`";
        });
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
            expectSemicolon();
            return new ResourceFunc(
                    ResourceFunc.Kind.CONSTRUCTOR, name, new FuncType(false, params, result, loc(kw)), attrs);
        }
        if (!isId()) {
            throw expected("`constructor` or identifier");
        }
        Id name = id();
        expectOp(":");
        boolean isStatic = eatKw("static");
        FuncType ft = funcType();
        expectSemicolon();
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
            case "bool",
                    "u8",
                    "u16",
                    "u32",
                    "u64",
                    "s8",
                    "s16",
                    "s32",
                    "s64",
                    "f32",
                    "f64",
                    "char",
                    "string",
                    "error-context" -> {
                next();
                return new PrimType(t.text(), l);
            }
            case "list" -> {
                next();
                expectOp("<");
                TypeExpr el = type();
                long len = 0;
                boolean missingComma = peek().kind() == Kind.INTEGER;
                if (missingComma) {
                    separator(">", "the list's element type", true);
                }
                if (missingComma || eatOp(",")) {
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
                        throw file.error(
                                n.start(),
                                "invalid fixed-length list length `" + n.text()
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
                        if (!separator(">", "`_`", startsType())) {
                            throw expected("','");
                        }
                        err = type();
                    } else {
                        ok = type();
                        if (separator(">", "the `ok` type", startsType())) {
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
                    if (!separator(">", "tuple element " + types.size(), startsType())) {
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
                if (!separator(">", "the map's key type", startsType())) {
                    throw expected("','");
                }
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
        return body(Level.WORLD, OUTSIDE_BODY, this::worldItem);
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
                    if (!separator(
                            "}",
                            "`" + n.name() + " as "
                                    + names.get(names.size() - 1).as().name() + "`",
                            isId())) {
                        expectOp("}");
                        break;
                    }
                }
                eatOp(";");
            } else {
                expectSemicolon();
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
            expectSemicolon();
            return new ExternPath(new LocalPath(first));
        }
        Token colon = peek();
        // `a:b` written without spaces is a package path, `a: b` a plain name (WIT.md "Item: world").
        boolean adjacent = colon.start() == first.loc().offset() + first.loc().length();
        next();
        Token after = peek();
        if (after.kind() == Kind.KEYWORD
                && (after.text().equals("func") || after.text().equals("async"))) {
            FuncType ft = funcType();
            expectSemicolon();
            return new ExternFunc(first, ft);
        }
        if (after.kind() == Kind.KEYWORD && after.text().equals("interface")) {
            Token kw = next();
            return new ExternInterface(first, interfaceBody(OUTSIDE_WORLD_INTERFACE), loc(kw));
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
            expectSemicolon();
            int end = pkg.loc().offset() + pkg.loc().length();
            return new ExternPath(new PackagePath(
                    first,
                    pkg,
                    name,
                    v,
                    new Loc(file, first.loc().offset(), end - first.loc().offset())));
        }
        UsePath path = usePath();
        expectSemicolon();
        return new ExternNamedPath(first, path);
    }
}
