package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Java-first: WIT derived from {@code @WitInterface} Java interfaces. */
class JavaFirstTest {
    static final Path GOLDEN = GoldenTest.RESOURCES.resolve("golden/java-first");

    static final String RICH = """
            package com.acme.geo;

            import dev.wit4j.annotations.*;
            import dev.wit4j.runtime.types.Result;
            import dev.wit4j.runtime.types.Tuple2;
            import java.util.List;
            import java.util.Optional;
            import java.util.Set;

            @WitInterface(packageName = "example:shapes@1.0.0")
            public interface Geometry {
                record Point(double x, double y) {}
                record Label(String text, @Unsigned int color, Optional<Point> anchor) {}
                enum Unit { MILLIMETER, INCH, POINT_SIZE }
                enum Style { BOLD, ITALIC }
                sealed interface Shape permits Circle, Polygon, Empty {}
                record Circle(Point center) implements Shape {}
                record Polygon(List<Point> points) implements Shape {}
                record Empty() implements Shape {}
                enum ErrorCode { OUT_OF_RANGE, INVALID }

                @WitResource
                interface Canvas {
                    void draw(Shape shape);
                    @Unsigned long drawn();
                    Canvas fork();
                }

                double area(Shape shape);
                Optional<Label> findLabel(String name, Unit unit);
                List<Shape> parseAll(@Unsigned byte[] svg);
                Result<Point, ErrorCode> centroid(float[] xs, double[] ys);
                Result<Void, String> validate(List<@Unsigned Integer> ids);
                Tuple2<Long, Boolean> stats(short s, byte b, @Unsigned short us);
                Set<Style> styles();
                @WitChar int initial(String word);
                Canvas newCanvas(@Unsigned int width, @Unsigned int height);
                long total(@Borrow Canvas canvas);
                void reset();
                default double doubled(Shape s) { return 2 * area(s); }
            }
            """;

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new JavaFirstProcessor(), new WitWorldProcessor())
                .withOptions("-Xlint:all")
                .compile(sources);
    }

    static String generatedWit(Compilation c, String path) throws IOException {
        return c.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow()
                .getCharContent(true)
                .toString();
    }

    @Test
    void richInterfaceMatchesGoldenWit() throws IOException {
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.geo.Geometry", RICH));
        assertThat(c).succeededWithoutWarnings();
        String wit = generatedWit(c, "META-INF/wit/example/shapes/geometry.wit");
        Path golden = GOLDEN.resolve("geometry.wit");
        if (Boolean.getBoolean("wit4j.updateGolden")) {
            Files.writeString(golden, wit);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), wit);
    }

    @Test
    void derivedWitResolvesInWitx() throws IOException {
        Resolve r = WitResolver.resolveString("geometry.wit", Files.readString(GOLDEN.resolve("geometry.wit")));
        assertTrue(r.rootPackage().interfaces().containsKey("geometry"));
    }

    @Test
    void kebabCase() {
        assertEquals("read-all", JavaFirstReader.kebab("readAll"));
        assertEquals("http-server", JavaFirstReader.kebab("HTTPServer"));
        assertEquals("would-block", JavaFirstReader.kebab("WOULD_BLOCK"));
        assertEquals("parse-url2", JavaFirstReader.kebab("parseURL2"));
        assertEquals("x", JavaFirstReader.kebab("x"));
    }

    // ---------------------------------------------------------------------------------------
    // Rejected shapes: one error each, on the offending element

    /** Compiles {@code body} inside a {@code @WitInterface} and returns the error diagnostics. */
    static List<Diagnostic<? extends JavaFileObject>> errors(String body) {
        String src = "package e;\nimport dev.wit4j.annotations.*;\nimport java.util.*;\n"
                + "@WitInterface(packageName = \"e:e\")\npublic interface I {\n" + body + "\n}\n";
        Compilation c = compile(JavaFileObjects.forSourceString("e.I", src));
        assertThat(c).failed();
        List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                out.add(d);
            }
        }
        return out;
    }

    /** Asserts exactly one error, containing {@code text}, on the source text {@code element} (its start). */
    static void rejects(String body, String text, String element) {
        List<Diagnostic<? extends JavaFileObject>> errs = errors(body);
        assertEquals(1, errs.size(), errs.toString());
        Diagnostic<? extends JavaFileObject> d = errs.get(0);
        assertTrue(d.getMessage(null).contains(text), d.getMessage(null));
        String src;
        try {
            src = d.getSource().getCharContent(true).toString();
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        String at = src.substring((int) d.getStartPosition());
        assertTrue(at.startsWith(element), "points at: " + at.substring(0, Math.min(40, at.length())));
    }

    @Test
    void rawObject() {
        rejects("void f(Object o);", "`java.lang.Object` has no WIT meaning", "Object o");
    }

    @Test
    void map() {
        rejects("Map<String, Integer> f();", "WIT `map` is a gated feature", "Map<String, Integer> f()");
    }

    @Test
    void boxedWithoutOptional() {
        rejects("void f(Integer n);", "use `int`, or `Optional<Integer>`", "Integer n");
    }

    @Test
    void javaChar() {
        rejects("void f(char c);", "use `@WitChar int`", "char c");
    }

    @Test
    void overloads() {
        rejects("void f(int a);\nvoid f(String s);", "overloaded method `f`", "void f(String s)");
    }

    @Test
    void genericMethod() {
        rejects("<T> void f(List<String> t);", "generic method `f`", "<T> void f");
    }

    @Test
    void nameClashAfterKebabCase() {
        rejects("void getURL();\nvoid getUrl();", "`getURL` and `getUrl` are both `get-url` in WIT", "void getUrl()");
    }

    @Test
    void typeAndFunctionWithTheSameWitName() {
        rejects(
                "enum Align { LEFT }\nvoid align(Align a);",
                "`e.I.Align` and `align` are both `align` in WIT",
                "void align(");
    }

    static final String DRAW = """
            package com.acme.draw;

            import dev.wit4j.annotations.*;

            @WitInterface(packageName = "example:draw@1.0.0")
            public interface Draw {
                record Point(int x, int y) {}
                @WitResource
                interface Canvas {
                    void plot(Point p);
                    @Unsigned int plotted();
                }
                @WitConstructor Canvas canvas(@Unsigned int width, Point origin);
                @WitStatic(Canvas.class) @Unsigned int maxWidth();
                @WitStatic(Canvas.class) Canvas blank();
                void clear(@Borrow Canvas canvas);
            }
            """;

    @Test
    void resourceConstructorsAndStaticFunctions() throws IOException {
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.draw.Draw", DRAW));
        assertThat(c).succeededWithoutWarnings();
        assertEquals("""
                package example:draw@1.0.0;

                interface draw {
                  record point {
                    x: s32,
                    y: s32,
                  }

                  resource canvas {
                    constructor(width: u32, origin: point);
                    max-width: static func() -> u32;
                    blank: static func() -> canvas;
                    plot: func(p: point);
                    plotted: func() -> u32;
                  }

                  clear: func(canvas: borrow<canvas>);
                }

                """, generatedWit(c, "META-INF/wit/example/draw/draw.wit"));
    }

    @Test
    void derivedWitAlsoGoesToTheWitOutputFolder(@org.junit.jupiter.api.io.TempDir Path project) throws IOException {
        JavaFileObject source = JavaFileObjects.forSourceString("com.acme.draw.Draw", DRAW);
        Compilation c = javac().withProcessors(new JavaFirstProcessor(), new WitWorldProcessor())
                .withOptions("-Awit4j.projectDir=" + project, "-Awit4j.witOutput=src/main/wit-derived")
                .compile(source);
        assertThat(c).succeededWithoutWarnings();
        Path file = project.resolve("src/main/wit-derived/example/draw/draw.wit");
        assertEquals(generatedWit(c, "META-INF/wit/example/draw/draw.wit"), Files.readString(file));
        // unchanged text: the file is left alone (its time stays), so tools watching it see no change
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        assertThat(javac().withProcessors(new JavaFirstProcessor(), new WitWorldProcessor())
                        .withOptions("-Awit4j.projectDir=" + project, "-Awit4j.witOutput=src/main/wit-derived")
                        .compile(source))
                .succeededWithoutWarnings();
        assertEquals(old, Files.getLastModifiedTime(file));
    }

    @Test
    void javadocBecomesWitDocs() throws IOException {
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.notes.Notes", """
                package com.acme.notes;

                import dev.wit4j.annotations.*;

                /**
                 * Keeps notes.
                 *
                 * <p>Each note has an {@code id}; see {@link #find(int)}.
                 */
                @WitInterface(packageName = "example:notes@1.0.0")
                public interface Notes {
                    /**
                     * A note.
                     *
                     * @param id its number
                     * @param text what it says
                     */
                    record Note(int id, String text) {}

                    /** How urgent. */
                    enum Level {
                        /** Whenever. */
                        LOW,
                        HIGH
                    }

                    /** A place to write. */
                    @WitResource
                    interface Pad {
                        /**
                         * Writes a line.
                         *
                         * @param line the text
                         */
                        void write(String line);
                    }

                    /**
                     * The note numbered {@code id}.
                     *
                     * @param id the number
                     * @return the note
                     */
                    Note find(int id);

                    Level urgency(Note note);

                    Pad open();

                    void undocumented();
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        assertEquals("""
                package example:notes@1.0.0;

                /// Keeps notes.
                ///
                /// Each note has an `id`; see `find(int)`.
                interface notes {
                  /// A note.
                  record note {
                    /// its number
                    id: s32,
                    /// what it says
                    text: string,
                  }

                  /// How urgent.
                  enum level {
                    /// Whenever.
                    low,
                    high,
                  }

                  /// A place to write.
                  resource pad {
                    /// Writes a line.
                    write: func(line: string);
                  }

                  /// The note numbered `id`.
                  find: func(id: s32) -> note;

                  urgency: func(note: note) -> level;

                  open: func() -> pad;

                  undocumented: func();
                }

                """, generatedWit(c, "META-INF/wit/example/notes/notes.wit"));
    }

    /**
     * Constructors and statics are methods of the interface: a Java implementation provides them
     * when a component imports it, and the component's are called through it when it exports it.
     */
    @Test
    void resourceConstructorsAndStaticsInWorldBindings() {
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.draw.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"painter\", imports = Draw.class, exports = Draw.class)\n"
                        + "package com.acme.draw;\n");
        JavaFileObject use = JavaFileObjects.forSourceString("com.acme.draw.Use", """
                package com.acme.draw;
                import com.acme.draw.wit.Painter;
                final class Use implements Draw {
                    record Host(int width) implements Canvas {
                        @Override public void plot(Point p) { }
                        @Override public int plotted() { return width; }
                    }
                    @Override public Canvas canvas(int width, Point origin) { return new Host(width); }
                    @Override public int maxWidth() { return 100; }
                    @Override public Canvas blank() { return new Host(0); }
                    @Override public void clear(Canvas canvas) { }
                    static int call(Painter painter) {
                        Draw d = painter.draw();
                        Canvas c = d.canvas(3, new Point(0, 0));
                        return c.plotted() + d.maxWidth() + d.blank().plotted();
                    }
                    static Painter.Imports imports() {
                        return Painter.Imports.builder().draw(new Use()).build();
                    }
                }
                """);
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.draw.Draw", DRAW), info, use);
        assertThat(c).succeededWithoutWarnings();
        String world;
        try {
            world = c.generatedSourceFile("com.acme.draw.wit.Painter")
                    .orElseThrow()
                    .getCharContent(true)
                    .toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(world.contains("li.flatFunc(\"[constructor]canvas\""), "the host's constructor is linked");
        assertTrue(world.contains("li.flatFunc(\"[static]canvas.max-width\""), "the host's static function is linked");
        assertTrue(world.contains("exports.func(\"[constructor]canvas\")"), "the component's constructor is called");
    }

    @Test
    void exportedResourceWithAMethodTheHandleClassNeeds() {
        JavaFileObject iface = JavaFileObjects.forSourceString("p.Files", """
                package p;
                import dev.wit4j.annotations.*;
                @WitInterface(packageName = "e:files")
                public interface Files {
                    @WitResource interface File { void close(); }
                    File open(String path);
                }
                """);
        JavaFileObject info = JavaFileObjects.forSourceString(
                "p.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", exports = Files.class)\npackage p;\n");
        Compilation c = compile(iface, info);
        assertThat(c)
                .hadErrorContaining("`p.Files.File` is exported by the component")
                .inFile(info)
                .onLine(1);
        // Imported, the host implements it: `close` is an ordinary method.
        JavaFileObject imported = JavaFileObjects.forSourceString(
                "p.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = Files.class)\npackage p;\n");
        assertThat(compile(iface, imported)).succeededWithoutWarnings();
    }

    @Test
    void anExportedHandleMentionsAConstructorOnlyWhenThereIsOne() throws IOException {
        JavaFileObject files = JavaFileObjects.forSourceString("p.Files", """
                package p;
                import dev.wit4j.annotations.*;
                @WitInterface(packageName = "e:files")
                public interface Files {
                    @WitResource interface File { long size(); }
                    @WitResource interface Dir { long count(); }
                    File open(String path);
                    @WitConstructor Dir dir(String path);
                }
                """);
        Compilation c = compile(
                files,
                JavaFileObjects.forSourceString(
                        "p.package-info",
                        "@dev.wit4j.annotations.WitWorldOf(name = \"w\", exports = Files.class)\npackage p;\n"));
        assertThat(c).succeededWithoutWarnings();
        String file = source(c, "FileHandle");
        String dir = source(c, "DirHandle");
        assertTrue(file.contains("the component (functions returning it)"), file);
        assertTrue(dir.contains("the component (constructor, functions returning it)"), dir);
    }

    /** The generated top-level class of that simple name. */
    private static String source(Compilation c, String simpleName) throws IOException {
        for (JavaFileObject f : c.generatedSourceFiles()) {
            if (f.getName().endsWith("/" + simpleName + ".java"))
                return f.getCharContent(true).toString();
        }
        throw new AssertionError("no generated " + simpleName + ".java among " + c.generatedSourceFiles());
    }

    @Test
    void aResourceInterfaceThatIsAutoCloseableIsClosedThroughItsOwnType() throws IOException {
        JavaFileObject files = JavaFileObjects.forSourceString("p.Files", """
                package p;
                import dev.wit4j.annotations.*;
                @WitInterface(packageName = "e:files")
                public interface Files {
                    @WitResource interface File extends AutoCloseable { long size(); @Override void close(); }
                    File open(String path);
                }
                """);
        JavaFileObject use = JavaFileObjects.forSourceString("p.Use", """
                package p;
                class Use {
                    static long size(p.wit.W w) {
                        try (Files.File f = w.files().open("x")) {
                            return f.size();
                        }
                    }
                }
                """);
        Compilation c = compile(
                files,
                use,
                JavaFileObjects.forSourceString(
                        "p.package-info",
                        "@dev.wit4j.annotations.WitWorldOf(name = \"w\", exports = Files.class)\npackage p;\n"));
        assertThat(c).succeededWithoutWarnings();
        // close() is the resource's lifetime, not one of its WIT methods
        assertTrue(
                generatedWit(c, "META-INF/wit/e/files/files.wit")
                        .contains("resource file {\n    size: func() -> s64;\n  }"),
                generatedWit(c, "META-INF/wit/e/files/files.wit"));
        // imported, a host object that the component drops is closed
        assertThat(
                        compile(
                                files,
                                JavaFileObjects.forSourceString(
                                        "p.package-info",
                                        "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = Files.class)\npackage p;\n")))
                .succeededWithoutWarnings();
    }

    @Test
    void constructorNotReturningAResource() {
        rejects(
                "@WitConstructor String make();",
                "@WitConstructor method `make` returns `java.lang.String`",
                "@WitConstructor String make()");
    }

    @Test
    void twoConstructors() {
        rejects(
                "@WitResource interface R { void m(); }\n@WitConstructor R a();\n@WitConstructor R b(int x);",
                "resource `r` already has a constructor (`a`)",
                "@WitConstructor R b(");
    }

    @Test
    void staticOfANonResource() {
        rejects(
                "@WitStatic(String.class) int f();",
                "@WitStatic(java.lang.String.class) on `f`",
                "@WitStatic(String.class) int f()");
    }

    @Test
    void constructorOnTheResourceItself() {
        List<Diagnostic<? extends JavaFileObject>> errs =
                errors("@WitResource interface R { @WitConstructor R make(); }\nvoid use(R r);");
        assertTrue(
                errs.get(0).getMessage(null).contains("@WitConstructor does not apply to `make`: declare constructors"),
                errs.toString());
        assertEquals(6, errs.get(0).getLineNumber());
        assertTrue(
                errs.get(1).getMessage(null).contains("`e.I.R` has no WIT meaning: see the error on it"),
                "and on its use");
    }

    @Test
    void staticNamedLikeAMethod() {
        rejects(
                "@WitResource interface R { void size(); }\n@WitStatic(R.class) int size();",
                "`size` and `size` are both `r.size` in WIT",
                "@WitStatic(R.class) int size()");
    }

    @Test
    void nonSealedInterfaceAsVariant() {
        rejects("interface Shape {}\nvoid f(Shape s);", "interface `e.I.Shape` is not sealed", "Shape s");
    }

    @Test
    void variantCaseNotARecord() {
        List<Diagnostic<? extends JavaFileObject>> errs =
                errors("sealed interface S permits A {}\nfinal class A implements S {}\nvoid f(S s);");
        assertTrue(errs.get(0).getMessage(null).contains("variant case `e.I.A` must be a record"), errs.toString());
    }

    @Test
    void recordWithUnsupportedComponent() {
        List<Diagnostic<? extends JavaFileObject>> errs = errors("record R(Object o) {}\nvoid f(R r);");
        assertEquals(3, errs.size(), errs.toString()); // the component, the record, the parameter
        assertTrue(errs.get(0).getMessage(null).contains("`java.lang.Object` has no WIT meaning"), errs.toString());
        assertTrue(errs.get(1).getMessage(null).contains("record `e.I.R` cannot be a WIT record"), errs.toString());
    }

    @Test
    void varargs() {
        rejects("void f(int... xs);", "varargs method `f`", "void f(int... xs)");
    }

    @Test
    void checkedException() {
        rejects("void f() throws java.io.IOException;", "throws checked `java.io.IOException`", "void f()");
    }

    @Test
    void uncheckedExceptionsAreAllowedAndDefaultMethodsIgnored() {
        String src = "package e;\n@dev.wit4j.annotations.WitInterface(packageName = \"e:e\")\npublic interface I {\n"
                + "void f() throws IllegalStateException;\ndefault Object g() { return null; }\nstatic void h(Object o) {}\n}\n";
        Compilation c = compile(JavaFileObjects.forSourceString("e.I", src));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void recursiveRecord() {
        List<Diagnostic<? extends JavaFileObject>> errs =
                errors("record Node(List<Node> children) {}\nvoid f(Node n);");
        assertTrue(errs.get(0).getMessage(null).contains("`e.I.Node` refers to itself"), errs.toString());
    }

    @Test
    void unsignedOnString() {
        rejects("void f(@Unsigned String s);", "@Unsigned does not apply", "@Unsigned String s");
    }

    @Test
    void borrowOfNonResource() {
        rejects("void f(@Borrow String s);", "@Borrow does not apply", "@Borrow String s");
    }

    @Test
    void plainClass() {
        rejects("final class C {}\nvoid f(C c);", "a class has no WIT meaning", "C c");
    }

    @Test
    void setOfNonEnum() {
        rejects("void f(Set<String> s);", "only `Set<E>` of an enum", "Set<String> s");
    }

    @Test
    void notAnInterface() {
        Compilation c = compile(JavaFileObjects.forSourceString(
                "e.C", "package e;\n@dev.wit4j.annotations.WitInterface(packageName = \"e:e\")\npublic class C {}\n"));
        assertThat(c)
                .hadErrorContaining("@WitInterface needs a plain, non-generic Java interface, but `e.C` is a class");
    }

    @Test
    void badPackageName() {
        Compilation c = compile(JavaFileObjects.forSourceString(
                "e.I",
                "package e;\n@dev.wit4j.annotations.WitInterface(packageName = \"Nope\")\npublic interface I {}\n"));
        assertThat(c).hadErrorContaining("`Nope` is not a WIT package name");
    }

    @Test
    void errorsAreAllReported() {
        assertEquals(
                3,
                errors("void a(Object o);\nvoid b(char c);\nvoid c(int... x);").size());
    }

    /**
     * A world in one WIT package using an interface of another: the world file refers to it by
     * qualified name, the world package's folder gets a copy under deps/, and that folder resolves
     * in witx on its own.
     */
    @Test
    void worldOfInterfacesInTwoWitPackages(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.calc.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = Calc.class, exports = com.acme.geo.Geometry.class)\n"
                        + "package com.acme.calc;\n");
        Compilation c = compile(
                JavaFileObjects.forSourceString("com.acme.calc.Calc", CALC),
                JavaFileObjects.forSourceString("com.acme.geo.Geometry", RICH),
                info);
        assertThat(c).succeededWithoutWarnings();
        assertEquals(
                "package example:calc@1.0.0;\n\nworld w {\n  import calc;\n\n  export example:shapes/geometry@1.0.0;\n}\n",
                generatedWit(c, "META-INF/wit/example/calc/w.wit"));
        String geometry = generatedWit(c, "META-INF/wit/example/shapes/geometry.wit");
        assertEquals(geometry, generatedWit(c, "META-INF/wit/example/calc/deps/example-shapes/geometry.wit"));
        Path dir = Files.createDirectories(tmp.resolve("calc/deps/example-shapes"));
        Files.writeString(dir.resolve("geometry.wit"), geometry);
        for (String f : List.of("calc", "w")) {
            Files.writeString(
                    tmp.resolve("calc/" + f + ".wit"), generatedWit(c, "META-INF/wit/example/calc/" + f + ".wit"));
        }
        dev.wit4j.witx.model.World w =
                WitResolver.resolveDirectory(tmp.resolve("calc")).selectWorld(java.util.Optional.of("w"));
        assertEquals("[example:calc/calc@1.0.0]", w.imports().keySet().toString());
        assertEquals("[example:shapes/geometry@1.0.0]", w.exports().keySet().toString());
        assertThat(c)
                .generatedSourceFile("com.acme.calc.wit.W")
                .contentsAsUtf8String()
                .contains("exportedInstance(\"example:shapes/geometry@1.0.0\")");
    }

    @Test
    void twoInterfacesWithOneSimpleName() {
        JavaFileObject other = JavaFileObjects.forSourceString(
                "com.acme.other.Calc",
                CALC.replace("com.acme.calc", "com.acme.other")
                        .replace("@WitInterface(", "@WitInterface(name = \"calc2\", "));
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.calc.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = {Calc.class, com.acme.other.Calc.class}, "
                        + "exports = {Calc.class, com.acme.other.Calc.class})\npackage com.acme.calc;\n");
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.calc.Calc", CALC), other, info);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.calc.wit.W")
                .contentsAsUtf8String()
                .contains("public Builder calc_(");
    }

    @Test
    void twoJavaInterfacesWithOneWitName() {
        JavaFileObject other =
                JavaFileObjects.forSourceString("com.acme.other.Calc", CALC.replace("com.acme.calc", "com.acme.other"));
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.calc.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = Calc.class, exports = com.acme.other.Calc.class)\n"
                        + "package com.acme.calc;\n");
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.calc.Calc", CALC), other, info);
        assertThat(c)
                .hadErrorContaining(
                        "`com.acme.calc.Calc` and `com.acme.other.Calc` are both `example:calc/calc@1.0.0` in WIT")
                .inFile(info)
                .onLine(1);
    }

    @Test
    void worldMemberWithoutWitInterface() {
        JavaFileObject info = JavaFileObjects.forSourceString(
                "p.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"w\", imports = Runnable.class)\npackage p;\n");
        assertThat(compile(info))
                .hadErrorContaining("`java.lang.Runnable` is not annotated @WitInterface")
                .inFile(info)
                .onLine(1);
    }

    // ---------------------------------------------------------------------------------------
    // Worlds and the round trip through the WIT-first generators

    static final String CALC = """
            package com.acme.calc;

            import dev.wit4j.annotations.*;
            import java.util.List;
            import java.util.Optional;

            @WitInterface(packageName = "example:calc@1.0.0")
            public interface Calc {
                int add(int a, int b);
                @Unsigned long size(String text);
                Optional<String> name();
                List<String> words(String text);
                byte[] bytes(@Unsigned int n);
                double[] scale(double[] xs, float by);
            }
            """;

    @Test
    void worldRoundTripsThroughTheWitFirstGenerators(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.calc.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"calc-world\", imports = Calc.class, "
                        + "exports = com.acme.geo.Geometry.class)\npackage com.acme.calc;\n");
        // The implementation of the Java-first interface is the import as it is.
        JavaFileObject impl = JavaFileObjects.forSourceString("com.acme.calc.CalcImpl", """
                package com.acme.calc;
                import java.util.List;
                import java.util.Optional;
                final class CalcImpl implements Calc {
                    @Override public int add(int a, int b) { return a + b; }
                    @Override public long size(String text) { return text.length(); }
                    @Override public Optional<String> name() { return Optional.of("calc"); }
                    @Override public List<String> words(String text) { return List.of(text.split(" ")); }
                    @Override public byte[] bytes(int n) { return new byte[n]; }
                    @Override public double[] scale(double[] xs, float by) { return xs; }
                    static com.acme.calc.wit.CalcWorld.Imports imports() {
                        return com.acme.calc.wit.CalcWorld.Imports.builder().calc(new CalcImpl()).build();
                    }
                }
                """);
        Compilation c = compile(
                JavaFileObjects.forSourceString("com.acme.calc.Calc", CALC),
                JavaFileObjects.forSourceString(
                        "com.acme.geo.Geometry", RICH.replace("example:shapes", "example:calc")),
                info,
                impl);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.calc.wit.CalcWorld")
                .contentsAsUtf8String()
                .contains("geometry()");
        String world = generatedWit(c, "META-INF/wit/example/calc/calc-world.wit");
        assertEquals(
                "package example:calc@1.0.0;\n\nworld calc-world {\n  import calc;\n\n  export geometry;\n}\n", world);
        // The written files form a WIT package folder that witx resolves, with the same world.
        for (String f : List.of("calc", "geometry", "calc-world")) {
            Files.writeString(tmp.resolve(f + ".wit"), generatedWit(c, "META-INF/wit/example/calc/" + f + ".wit"));
        }
        Resolve r = WitResolver.resolveDirectory(tmp);
        assertEquals(
                2,
                r.selectWorld(java.util.Optional.of("calc-world")).exports().size()
                        + r.selectWorld(java.util.Optional.of("calc-world"))
                                .imports()
                                .size());
    }

    /**
     * A world importing and exporting an interface of records, enums, flags, a variant, options,
     * lists, results, tuples and a resource: the bindings use the user's interface and types, so
     * only the world class and the handle class of the exported resource are generated; the user's
     * implementation is the import, and the export is called through the user's interface.
     */
    @Test
    void worldBindingsUseTheUsersOwnTypes() {
        JavaFileObject info = JavaFileObjects.forSourceString(
                "com.acme.geo.package-info",
                "@dev.wit4j.annotations.WitWorldOf(name = \"geo\", imports = Geometry.class, exports = Geometry.class)\n"
                        + "package com.acme.geo;\n");
        JavaFileObject impl = JavaFileObjects.forSourceString("com.acme.geo.Use", """
                package com.acme.geo;
                import com.acme.geo.wit.CanvasHandle;
                import com.acme.geo.wit.Geo;
                import dev.wit4j.runtime.types.Result;
                import dev.wit4j.runtime.types.Tuple2;
                import java.util.List;
                import java.util.Optional;
                import java.util.Set;
                final class Use {
                    static final class Host implements Geometry {
                        @Override public double area(Shape shape) { return shape instanceof Circle c ? c.center().x() : 0; }
                        @Override public Optional<Label> findLabel(String name, Unit unit) { return Optional.empty(); }
                        @Override public List<Shape> parseAll(byte[] svg) { return List.of(new Empty()); }
                        @Override public Result<Point, ErrorCode> centroid(float[] xs, double[] ys) { return Result.err(ErrorCode.INVALID); }
                        @Override public Result<Void, String> validate(List<Integer> ids) { return Result.ok(null); }
                        @Override public Tuple2<Long, Boolean> stats(short s, byte b, short us) { return new Tuple2<>(1L, true); }
                        @Override public Set<Style> styles() { return Set.of(Style.BOLD); }
                        @Override public int initial(String word) { return word.codePointAt(0); }
                        @Override public Canvas newCanvas(int width, int height) { return null; }
                        @Override public long total(Canvas canvas) { return canvas.drawn(); }
                        @Override public void reset() { }
                    }
                    static Geo.Imports imports() {
                        return Geo.Imports.builder().geometry(new Host()).build();
                    }
                    static double call(Geo world) {
                        Geometry g = world.geometry();
                        Geometry.Canvas canvas = g.newCanvas(1, 2);
                        canvas.draw(new Geometry.Polygon(List.of(new Geometry.Point(1, 2))));
                        ((CanvasHandle) canvas).close();
                        return g.area(new Geometry.Circle(new Geometry.Point(3, 4))) + g.doubled(new Geometry.Empty());
                    }
                }
                """);
        Compilation c = compile(JavaFileObjects.forSourceString("com.acme.geo.Geometry", RICH), info, impl);
        assertThat(c).succeededWithoutWarnings();
        List<String> generated = new ArrayList<>();
        for (JavaFileObject f : c.generatedSourceFiles()) {
            generated.add(f.getName().replaceFirst(".*/com/acme/geo/", ""));
        }
        generated.sort(null);
        assertEquals(
                List.of("wit/CanvasHandle.java", "wit/Geo.java"),
                generated,
                "only the world class and the exported resource's handle class are generated");
        assertThat(c)
                .generatedSourceFile("com.acme.geo.wit.CanvasHandle")
                .contentsAsUtf8String()
                .contains("public final class CanvasHandle implements AutoCloseable, Geometry.Canvas");
        // The glue reads and builds the user's records, constants and cases by their Java names.
        assertThat(c)
                .generatedSourceFile("com.acme.geo.wit.Geo")
                .contentsAsUtf8String()
                .contains("new Geometry.Label(");
        assertThat(c)
                .generatedSourceFile("com.acme.geo.wit.Geo")
                .contentsAsUtf8String()
                .containsMatch("case \\d+ -> Geometry\\.Unit\\.POINT_SIZE;");
    }
}
