package dev.wit4j.witx.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.resolve.WitResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of WIT error names the file, line and column of the offending token. */
class WitErrorPositionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated block comment  | package a:b;\\ninterface i {\\n  /* open\\n}         | 3 | 3  | unterminated block comment
            unknown character           | package a:b;\\ninterface i {\\n  f: func() -> u32 $;\\n} | 3 | 20 | unexpected character
            missing semicolon           | package a:b;\\ninterface i {\\n  f: func()\\n}       | 3 | 12 | expected
            unknown type                | package a:b;\\ninterface i {\\n  f: func(x: nope);\\n} | 3 | 14 | nope
            duplicate function          | package a:b;\\ninterface i {\\n  f: func();\\n  f: func();\\n} | 4 | 3 | f
            bad package version         | package a:b@1.x;\\n                                 | 1 | 13 | version
            use of an unknown interface | package a:b;\\ninterface i {\\n  use j.{t};\\n}      | 3 | 7  | j
            """)
    void errorNamesTheOffendingToken(String what, String source, int line, int column, String mentions) {
        String text = source.replace("\\n", "\n");
        WitException e = assertThrows(WitException.class, () -> WitResolver.resolveString("t.wit", text));
        assertEquals("t.wit", e.file(), what);
        assertEquals(line, e.line(), what + ": " + e.getMessage());
        assertEquals(column, e.column(), what + ": " + e.getMessage());
        assertTrue(e.detail().toLowerCase().contains(mentions.toLowerCase()), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("t.wit:" + line + ":" + column + ": "), e.getMessage());
    }
}
