package dev.wit4j.witx.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every syntax error of a file is reported, in source order, each where it is; an error does not
 * bring errors that only follow from it.
 */
class WitSyntaxErrorsTest {

    /** {@code line:col: message} of every error. */
    private static List<String> errors(String text) {
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveString("t.wit", text));
        return e.diagnostics().stream()
                .map(d -> d.line() + ":" + d.column() + ": " + d.detail())
                .toList();
    }

    @Test
    void everySyntaxErrorOfAFileIsReported() {
        String text = """
                package a:b;

                interface i {
                  f: func(a: u32 b: u32);
                  g: func(x: u32) -> ;
                  type t = list<u32;
                  record r { a: u32, b: }
                  ok: func() -> r;
                }

                world w {
                  import i
                  export run: func();
                }
                """;
        assertEquals(
                List.of(
                        "4:17: expected ',' or ')' after parameter `a`, found identifier `b`",
                        "5:22: expected a type, found ';'",
                        "6:20: expected '>', found ';'",
                        "7:25: expected a type, found '}'",
                        "12:11: expected ';', found keyword `export`"),
                errors(text));
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveString("t.wit", text));
        // The first error's accessors, and a message listing all of them with the count.
        assertEquals(4, e.line());
        assertEquals(17, e.column());
        assertTrue(
                e.getMessage()
                        .startsWith("t.wit:4:17: expected ',' or ')' after parameter `a`, found identifier `b`\n"
                                + "  |\n4 |   f: func(a: u32 b: u32);\n  |                 ^\nt.wit:5:22: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\n5 errors"), e.getMessage());
    }

    @Test
    void aMissingCommaIsReportedWhereItBelongs() {
        assertEquals(
                List.of(
                        "3:20: expected ',' or '}' after field `a`, found identifier `b`",
                        "4:21: expected ',' or '}' after case `x`, found identifier `y`",
                        "5:15: expected ',' or '}' after case `one`, found identifier `two`",
                        "6:17: expected ',' or '}' after flag `read`, found identifier `write`",
                        "7:17: expected ',' or ')' after parameter `a`, found identifier `b`",
                        "7:39: expected ',' or '>' after the `ok` type, found keyword `string`",
                        "8:23: expected ',' or '>' after tuple element 1, found keyword `string`",
                        "8:46: expected ',' or '>' after the map's key type, found keyword `u32`",
                        "8:63: expected ',' or '>' after the list's element type, found an integer",
                        "9:11: expected ',' or '}' after `a`, found identifier `b`",
                        "12:34: expected ',' or '}' after `a as b`, found identifier `c`"),
                errors("""
                package a:b;
                interface i {
                  record r { a: u32 b: u32 }
                  variant v { x(u32) y, z }
                  enum e { one two, three }
                  flags f { read write }
                  f: func(a: u32 b: u32) -> result<u32 string>;
                  g: func(t: tuple<u32 string>, m: map<string u32>, l: list<u8 4>);
                  use j.{a b};
                }
                interface j { type a = u32; type b = u32; }
                world w { include k with { a as b c as d } }
                world k {}
                """));
    }

    @Test
    void aMissingSemicolonIsReportedAtTheEndOfItsLine() {
        assertEquals(
                List.of(
                        "3:12: expected ';', found an identifier",
                        "5:15: expected ';', found keyword `record`",
                        "7:16: expected ';', found '}'",
                        "10:11: expected ';', found keyword `export`"),
                errors("""
                package a:b;
                interface i {
                  f: func()
                  g: func() -> u32;
                  type t = u32
                  record r { a: t }
                  h: func(x: r)
                }
                world w {
                  import i
                  export f: func();
                }
                """));
        assertEquals(
                List.of("2:36: expected ';', found '}'"),
                errors("package a:b;\nworld w { import wasi:cli/run@0.2.0\n}\n"));
    }

    @Test
    void aMissingClosingBraceIsOneError() {
        assertEquals(List.of("5:1: expected `type`, `resource` or `func`, found keyword `world`"), errors("""
                package a:b;
                interface i {
                  f: func();

                world w { export i; }
                interface j { g: func(); }
                """));
        // The record's brace is missing: what the body that swallowed the rest finds is not reported again.
        assertEquals(List.of("5:6: expected a type, found keyword `func`"), errors("""
                package a:b;
                interface i {
                  record r {
                    a: u32,
                  f: func();
                }
                world w { export i; }
                interface j { g: func(); }
                """));
    }

    @Test
    void anExtraClosingBraceIsOneError() {
        assertEquals(List.of("5:1: expected `world`, `interface` or `use`, found '}'"), errors("""
                package a:b;
                interface i {
                  f: func();
                }
                }
                world w { export i; }
                }
                """));
    }

    @Test
    void lexicalErrorsDoNotStopTheParser() {
        assertEquals(
                List.of(
                        "3:20: unexpected character `$`",
                        "4:3: identifier `bad_name` is not in kebab-case: `_` is not allowed",
                        "5:11: expected an identifier or string, found keyword `u32`",
                        "6:3: unterminated block comment"),
                errors("""
                package a:b;
                interface i {
                  f: func() -> u32 $;
                  bad_name: func();
                  g: func(u32: u32);
                  /* the rest is a comment
                  f: func(;
                }
                """));
    }

    @Test
    void anErrorAfterAMalformedTokenIsThatTokensError() {
        // `f->` lexes as the malformed identifier `f-`, then `>`: one error, for `f-`.
        assertEquals(List.of("1:13: identifier `f-` is not in kebab-case: empty word"), errors("package foo:f->oo;\n"));
    }

    @Test
    void theParserResumesAtTheNextItem() {
        assertEquals(
                List.of(
                        "3:10: expected ':', found an identifier",
                        "4:6: expected keyword `func`, found an identifier",
                        "5:13: expected ':', found keyword `u32`",
                        "6:16: expected a type, found '('",
                        "9:3: expected `import`, `export`, `include`, `use`, or type, found an identifier"),
                errors("""
                package a:b;
                interface i {
                  recrod r { a: u32 }
                  f: fun(a: u32);
                  g: func(a u32);
                  h: func() -> (a: u32, b: u32);
                }
                world w {
                  improt i;
                  export i;
                }
                """));
    }

    @Test
    void syntaxErrorsOfEveryFileComeBeforeResolution(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.wit"), "package a:b;\ninterface i {\n  f: func(x: nope)\n}\n");
        Files.writeString(dir.resolve("b.wit"), "package a:b;\ninterface j {\n  g: func(,);\n}\n");
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveDirectory(dir));
        // The unknown type `nope` is not reported: resolving files that do not parse reports what follows from them.
        assertEquals(
                List.of(
                        dir.resolve("a.wit") + ":3:19: expected ';', found '}'",
                        dir.resolve("b.wit") + ":3:11: expected an identifier or string, found ','"),
                e.diagnostics().stream()
                        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.detail())
                        .toList());
    }
}
