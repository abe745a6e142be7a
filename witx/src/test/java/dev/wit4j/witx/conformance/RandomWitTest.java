package dev.wit4j.witx.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import org.junit.jupiter.api.Test;

/**
 * Random resolved packages ({@link RandomWit}) are printed, the text is parsed and resolved again,
 * and the result must be the same model ({@link Projection}: every type spelled out, every
 * function, docs, worlds), whose text, printed and resolved again, prints the same. A short fixed-seed pass runs with every
 * build; {@code -Dwit4j.fuzz.iterations=N} (and {@code -Dwit4j.fuzz.seed}) make a long one.
 */
class RandomWitTest {

    @Test
    void printedPackagesResolveToTheSameModel() {
        long seed = Long.getLong("wit4j.fuzz.seed", 20261206L);
        long count = Long.getLong("wit4j.fuzz.iterations", 2_000L);
        for (long i = 0; i < count; i++) {
            Resolve original = new RandomWit(seed + i).resolve();
            String text = WitPrinter.print(original);
            Resolve again;
            try {
                again = WitResolver.resolveString("random.wit", text);
            } catch (WitException e) {
                fail("package " + i + " (seed " + (seed + i) + ") printed as WIT that does not resolve: "
                        + e.getMessage() + "\n" + text);
                return;
            }
            assertEquals(
                    Projection.fromModel(original),
                    Projection.fromModel(again),
                    "package " + i + " (seed " + (seed + i) + ") resolved to another model from:\n" + text);
            // the resolver orders a world's items as elaboration does, so the printer's first text
            // may list them in another order than the generator did; from there on it is a fixpoint
            String second = WitPrinter.print(again);
            assertEquals(
                    second,
                    WitPrinter.print(WitResolver.resolveString("random.wit", second)),
                    "package " + i + " printed differently the third time");
        }
        System.out.println("random WIT: " + count + " packages printed, resolved and compared");
    }
}
