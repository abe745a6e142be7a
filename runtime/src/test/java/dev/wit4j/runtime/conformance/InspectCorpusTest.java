package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.inspect.Inspection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Inspection} of every component of the conformance suites: a component the validator
 * accepts is inspected without failure (nested components, outer aliases, instances made of
 * exports, every canon) and written as text, JSON and HTML; one it refuses fails as invalid;
 * nested instances show their children.
 */
class InspectCorpusTest {

    @Test
    void everyValidComponentOfTheSuitesIsInspected() {
        WastCorpus.Loaded corpus = WastCorpus.load();
        assumeTrue(corpus.unavailable() == null, corpus.unavailable());
        int inspected = 0;
        int nested = 0;
        List<String> failures = new ArrayList<>();
        for (WastCorpus.WastFile f : corpus.files()) {
            for (WastCorpus.Command c : f.commands()) {
                if (!c.type().equals("component") || c.binary() == null) continue;
                try {
                    Inspection inspection = Inspection.of(c.binary());
                    inspected++;
                    if (inspection.tree().stream().anyMatch(n -> !n.children().isEmpty())) nested++;
                    inspection.toJson();
                    inspection.toText();
                    inspection.toHtml(f.path());
                } catch (WasmFormatException e) {
                    // refused by the validator (a feature the suites' settings leave off): not this test's
                } catch (RuntimeException e) {
                    failures.add(f.path() + ":" + c.line() + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(inspected > 550, "inspected " + inspected);
        assertTrue(nested > 150, "with nested instances " + nested);
    }
}
