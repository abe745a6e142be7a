package dev.wit4j.witx.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.print.WitPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitResolverTest {

    private static Resolve resolve(String text) {
        return WitResolver.resolveString("t.wit", text);
    }

    private static WitException error(String text) {
        return assertThrows(WitException.class, () -> resolve(text));
    }

    @Test
    void typesAndFunctions() {
        Resolve r = resolve("""
                package a:b@1.0.0;

                interface i {
                    /// A point.
                    record point { x: s32, y: s32, }
                    variant v { none, some(list<u8, 4>) }
                    enum color { red, green }
                    flags perms { read, write }
                    type m = map<string, tuple<u8, option<point>>>;
                    type r = result<_, string>;
                    type s = stream<u8>;
                    type f = future;
                    type e = error-context;
                    resource res {
                        constructor(n: u32) -> result<res, string>;
                        get: func() -> u32;
                        make: static async func() -> res;
                    }
                    use-it: func(a: borrow<res>, b: res, p: point) -> color;
                }
                """);
        Interface i = r.rootPackage().interfaces().get("i");
        assertEquals("A point.", i.types().get("point").docs().contents().orElseThrow());
        ValueType.VariantType v =
                assertInstanceOf(ValueType.VariantType.class, i.types().get("v").kind());
        assertEquals(
                new ValueType.FixedListType(ValueType.Primitive.U8, 4),
                v.cases().get(1).type().orElseThrow());
        Function get = i.functions().get("[method]res.get");
        assertEquals("self", get.params().get(0).name());
        assertEquals(
                new ValueType.HandleType(i.types().get("res"), true),
                get.params().get(0).type());
        Function make = i.functions().get("[static]res.make");
        assertTrue(make.async());
        Function useIt = i.functions().get("use-it");
        assertEquals(
                new ValueType.HandleType(i.types().get("res"), false),
                useIt.params().get(1).type());
        assertEquals(19, useIt.pos().line());
        assertEquals(5, useIt.pos().column());
        assertEquals(3, i.resourceFunctions(i.types().get("res")).size());
    }

    @Test
    void useAcrossInterfacesAndWorldElaboration() {
        Resolve r = resolve("""
                package a:b;
                interface types { resource r; type t = u32; }
                interface api { use types.{r, t as tt}; get: func() -> r; }
                world w { export api; }
                """);
        TypeDef tt = r.rootPackage().interfaces().get("api").types().get("tt");
        assertEquals(
                "t", assertInstanceOf(ValueType.Named.class, tt.kind()).def().name());
        World w = r.rootPackage().worlds().get("w");
        // `api` uses `types`, which becomes an implicit import (WIT.md "Transitive imports and worlds").
        assertEquals(
                List.of("a:b/types"),
                w.imports().keySet().stream().map(Object::toString).toList());
        assertEquals(
                List.of("a:b/api"),
                w.exports().keySet().stream().map(Object::toString).toList());
    }

    @Test
    void includeWithRename() {
        Resolve r = resolve("""
                package a:b;
                world one { import a: func(); }
                world two { import a: func(); include one with { a as b } }
                """);
        World two = r.rootPackage().worlds().get("two");
        assertTrue(two.imports().containsKey(new WorldKey.Name("b")));
        WorldItem.FunctionItem b = (WorldItem.FunctionItem) two.imports().get(new WorldKey.Name("b"));
        assertEquals("b", b.function().name());
    }

    @Test
    void featureGates() {
        String src = """
                package a:b@1.0.0;
                interface i {
                    @since(version = 1.0.0)
                    a: func();
                    @unstable(feature = fancy)
                    b: func();
                }
                """;
        assertEquals(
                Set.of("a"),
                WitResolver.resolveString("t.wit", src)
                        .rootPackage()
                        .interfaces()
                        .get("i")
                        .functions()
                        .keySet());
        Interface i = WitResolver.create()
                .withFeatures(Set.of("fancy"))
                .string("t.wit", src)
                .rootPackage()
                .interfaces()
                .get("i");
        assertEquals(
                new Stability.Unstable("fancy", Optional.empty()),
                i.functions().get("b").stability());
    }

    @Test
    void errorsCarryPositions() {
        WitException e = error("package a:b;\ninterface i {\n  type t = nope;\n}\n");
        assertEquals("type `nope` does not exist", e.detail());
        assertEquals(3, e.line());
        assertEquals(12, e.column());
        assertEquals("t.wit", e.file());
        assertTrue(e.getMessage().startsWith("t.wit:3:12: type `nope` does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("  type t = nope;"), e.getMessage());

        WitException syntax = error("package a:b;\ninterface i {\n  f: func(;\n}\n");
        assertEquals(3, syntax.line());
        assertEquals(11, syntax.column());
        assertEquals("expected an identifier or string, found ';'", syntax.detail());
    }

    @Test
    void semanticErrors() {
        assertEquals(
                "type `a` depends on itself",
                error("package a:b; interface i { type a = list<a>; }").detail());
        assertEquals(
                "interface or world `j` depends on itself",
                error("package a:b; interface i { use j.{x}; type y = u32; } interface j { use i.{y}; type x = u32; }")
                        .detail());
        assertEquals(
                "name `x` is defined more than once",
                error("package a:b; interface i { type x = u32; x: func(); }").detail());
        assertEquals(
                "no `package` header was found in any WIT file for this package",
                error("interface i {}").detail());
        assertTrue(error("package a:b; world w { import x:y/z; }").detail().startsWith("package 'x:y' not found"));
        assertEquals(
                "function `f` returns a type which contains a `borrow<T>` which is not supported",
                error("package a:b; interface i { resource r; f: func() -> borrow<r>; }")
                        .detail());
        assertEquals(
                "identifier `Foo` is not in kebab-case: word `Foo` mixes upper and lower case",
                error("package a:b; interface Foo {}").detail());
    }

    @Test
    void directoryWithDeps(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("root.wit"), "package my:app;\nworld app { import wasi:clocks/clock@0.2.0; }\n");
        Path dep = dir.resolve("deps").resolve("clocks");
        Files.createDirectories(dep);
        Files.writeString(
                dep.resolve("clock.wit"), "package wasi:clocks@0.2.0;\ninterface clock { now: func() -> u64; }\n");
        Files.writeString(dir.resolve("deps").resolve("README.txt"), "ignored");
        Resolve r = WitResolver.resolveDirectory(dir);
        assertEquals("my:app", r.root().toString());
        assertEquals(
                List.of("wasi:clocks@0.2.0", "my:app"),
                r.packages().stream().map(p -> p.name().toString()).toList());
        assertEquals(r.rootPackage().worlds().get("app"), r.selectWorld(Optional.empty()));
    }

    /**
     * Packages shipped by a library fill in what the folder's deps/ lack, never replace what it has;
     * a package of several files is one entry.
     */
    @Test
    void shippedPackagesFillInWhatTheFolderLacks(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("root.wit"),
                "package my:app;\n" + "world app { import wasi:clocks/clock@0.2.0; import wasi:cli/env@0.2.0; }\n");
        Path dep = Files.createDirectories(dir.resolve("deps").resolve("clocks"));
        Files.writeString(
                dep.resolve("clock.wit"), "package wasi:clocks@0.2.0;\ninterface clock { now: func() -> u64; }\n");
        java.util.Map<String, List<String>> shipped = new java.util.LinkedHashMap<>();
        shipped.put(
                "lib:cli",
                List.of(
                        "package wasi:cli@0.2.0;\ninterface env { get: func() -> list<string>; }\n",
                        "package wasi:cli@0.2.0;\ninterface exit { exit: func(); }\n"));
        shipped.put("lib:clocks", List.of("package wasi:clocks@0.2.0;\ninterface clock { now: func() -> u32; }\n"));
        Resolve r = WitResolver.create().directory(dir, shipped);
        assertEquals(
                List.of("wasi:clocks@0.2.0", "wasi:cli@0.2.0", "my:app"),
                r.packages().stream().map(p -> p.name().toString()).toList());
        Interface clock = r.packages().get(0).interfaces().get("clock");
        assertEquals(
                Optional.of(ValueType.Primitive.U64),
                clock.functions().get("now").result(),
                "the folder's own package is kept");
        assertEquals(
                java.util.Set.of("env", "exit"),
                r.packages().get(1).interfaces().keySet());
        WitException missing = assertThrows(
                WitException.class,
                () -> WitResolver.create()
                        .directory(
                                dir,
                                java.util.Map.of("lib:other", List.of("package wasi:other@0.2.0;\ninterface x {}\n"))));
        assertTrue(missing.getMessage().contains("wasi:cli"), missing.getMessage());
    }

    @Test
    void anEmptyFolderSaysSo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("deps"));
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveDirectory(dir));
        assertTrue(e.getMessage().contains("the folder has no .wit files"), e.getMessage());
    }

    @Test
    void aWorldNamedWithoutVersionIsTheOneVersionThereIs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("root.wit"), "package my:app;\nworld app { import wasi:clocks/clock@0.2.0; }\n");
        Path dep = dir.resolve("deps").resolve("clocks");
        Files.createDirectories(dep);
        Files.writeString(
                dep.resolve("clock.wit"),
                "package wasi:clocks@0.2.0;\ninterface clock { now: func() -> u64; }\n"
                        + "world timed { import clock; }\n");
        Resolve r = WitResolver.resolveDirectory(dir);
        World timed = r.selectWorld(Optional.of("wasi:clocks/timed@0.2.0"));
        assertEquals(timed, r.selectWorld(Optional.of("wasi:clocks/timed")));
        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class, () -> r.selectWorld(Optional.of("wasi:clocks/timed@0.3.0")));
        assertEquals(
                "no world `wasi:clocks/timed@0.3.0` among the resolved packages (it is in wasi:clocks@0.2.0)",
                other.getMessage());

        Path newer = dir.resolve("deps").resolve("clocks-next");
        Files.createDirectories(newer);
        Files.writeString(
                newer.resolve("clock.wit"),
                "package wasi:clocks@0.2.1;\ninterface clock { now: func() -> u64; }\n"
                        + "world timed { import clock; }\n");
        Resolve two = WitResolver.resolveDirectory(dir);
        IllegalArgumentException ambiguous =
                assertThrows(IllegalArgumentException.class, () -> two.selectWorld(Optional.of("wasi:clocks/timed")));
        assertTrue(
                ambiguous.getMessage().startsWith("world `wasi:clocks/timed` is in several versions of `wasi:clocks`"),
                ambiguous.getMessage());
    }

    @Test
    void printerLayoutAndRoundTrip() {
        Resolve r = resolve("""
                package a:b;
                interface i {
                  record p { x: u32, %type: string }
                  resource r { constructor(); m: func(a: u32) -> string; }
                  f: func(a: p) -> result<r, string>;
                }
                world w { import i; export run: func(); }
                package c:d { interface other { type t = u8; } }
                """);
        String printed = WitPrinter.print(r);
        assertEquals("""
                package a:b;

                interface i {
                  record p {
                    x: u32,
                    %type: string,
                  }

                  resource r {
                    constructor();
                    m: func(a: u32) -> string;
                  }

                  f: func(a: p) -> result<r, string>;
                }

                world w {
                  import i;

                  export run: func();
                }
                package c:d {
                  interface other {
                    type t = u8;
                  }
                }
                """, printed);
        assertEquals(printed, WitPrinter.print(WitResolver.resolveString("again.wit", printed)));
    }
}
