package dev.wit4j.witx.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.witx.WitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution reports every error that does not follow from another, in source order; what only
 * follows from an error (a use of a type whose definition failed) is not reported again.
 */
class WitResolveErrorsTest {

    /** {@code line:col: message} of every error. */
    private static List<String> errors(String text) {
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveString("t.wit", text));
        return e.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + ": " + d.detail())
                .toList();
    }

    @Test
    void everyIndependentErrorIsReported() {
        assertEquals(
                List.of(
                        "4:29: type `flaot` does not exist",
                        "9:25: name `size` does not exist",
                        "10:7: interface or world `missing-iface` does not exist",
                        "14:51: duplicate function name `get`",
                        "15:3: name `area` is defined more than once",
                        "16:18: name `int` does not exist",
                        "21:31: name `strng` does not exist",
                        "22:10: interface or world `types2` does not exist",
                        "23:11: interface or world `other` does not exist"),
                errors("""
                package a:b;

                interface types {
                  record point { x: f32, y: flaot }
                  type id = string;
                }

                interface api {
                  use types.{point, id, size};
                  use missing-iface.{t};
                  area: func(p: point) -> f64;
                  scale: func(p: point, s: size) -> point;
                  make: func(v: t) -> id;
                  resource r { constructor(); get: func() -> u32; get: func(); }
                  area: func();
                  count: func(n: int, m: int) -> int;
                }

                world app {
                  import api;
                  export run: func(args: list<strng>);
                  import types2;
                  include other;
                }
                """));
    }

    @Test
    void whatUsesAFailedDefinitionIsNotReportedAgain() {
        assertEquals(
                List.of(
                        "4:12: type `nope` does not exist",
                        "6:17: type `b` depends on itself",
                        "12:20: name `nope2` does not exist"),
                errors("""
                package a:b;

                interface i {
                  type t = nope;
                  record r { a: t, b: list<t> }
                  type a = list<b>;
                  type b = option<a>;
                  f: func(x: t, y: a, z: r) -> b;
                }
                interface j {
                  use i.{t, a};
                  g: func(x: t) -> nope2;
                }
                world w { import i; export j; }
                """));
    }

    @Test
    void anInterfaceCycleIsOneError() {
        assertEquals(List.of("6:11: interface or world `j` depends on itself"), errors("""
                package a:b;
                interface i {
                  use j.{x};
                  type a = u32;
                }
                interface j {
                  use i.{a};
                  type x = u32;
                }
                world w { import i; import j; }
                """));
    }

    @Test
    void aMissingPackageIsReportedOnce() {
        assertEquals(
                List.of(
                        "2:19: package 'wasi:io' not found. known packages:\n    a:b",
                        "5:23: name `nope` does not exist"),
                errors("""
                package a:b;
                interface i { use wasi:io/streams.{input-stream}; f: func(s: input-stream); }
                world w {
                  import wasi:io/streams;
                  export f: func() -> nope;
                  export wasi:io/poll;
                }
                """));
    }

    @Test
    void theFirstErrorIsTheFirstInTheFile() {
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveString("t.wit", """
                package a:b;
                world w { export f: func() -> b; }
                interface i { type x = a; }
                """));
        assertEquals(2, e.line());
        assertEquals(31, e.column());
        assertEquals("name `b` does not exist", e.detail());
        assertEquals(2, e.diagnostics().size());
    }

    @Test
    void errorsOfSeveralFilesAreReportedTogether(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.wit"), "package a:b;\ninterface i { f: func() -> t1; }\n");
        Files.writeString(dir.resolve("b.wit"), "package a:b;\ninterface j { g: func() -> t2; }\n");
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveDirectory(dir));
        assertEquals(
                List.of(
                        dir.resolve("a.wit") + ":2:28: name `t1` does not exist",
                        dir.resolve("b.wit") + ":2:28: name `t2` does not exist"),
                e.diagnostics().stream()
                        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.detail())
                        .toList());
    }
}
