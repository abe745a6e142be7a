package dev.wit4j.witx.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wit4j.witx.model.Resolve;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Resolution grows with the size of the WIT, not with its square: thousands of interfaces, and a
 * chain of thousands of {@code use}s, resolve (the bound only catches a return of the quadratic
 * behaviour, where these took 17 s and 13.7 s).
 */
class LargeWitTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void fiveThousandInterfaces() {
        StringBuilder wit = new StringBuilder("package a:b;\n");
        for (int i = 0; i < 5_000; i++) {
            wit.append("interface i")
                    .append(i)
                    .append(" {\n  record r { a: u32, b: string, c: list<u8> }\n")
                    .append("  f: func(x: r, y: option<string>) -> result<r, string>;\n}\n");
        }
        Resolve r = assertTimeoutPreemptively(BOUND, () -> WitResolver.resolveString("big.wit", wit.toString()));
        assertEquals(5_000, r.rootPackage().interfaces().size());
    }

    @Test
    void aUseChainFourThousandLong() {
        StringBuilder wit = new StringBuilder("package a:b;\ninterface i0 {\n  type t = u32;\n}\n");
        for (int i = 1; i < 4_000; i++) {
            wit.append("interface i")
                    .append(i)
                    .append(" {\n  use i")
                    .append(i - 1)
                    .append(".{t};\n}\n");
        }
        Resolve r = assertTimeoutPreemptively(BOUND, () -> WitResolver.resolveString("chain.wit", wit.toString()));
        assertEquals(4_000, r.rootPackage().interfaces().size());
    }
}
