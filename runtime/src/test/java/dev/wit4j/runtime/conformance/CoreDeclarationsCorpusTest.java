package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreModuleException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every valid core module nested in the conformance suites' components is described the same way
 * by {@link CoreModule#parseDeclarations} (its declarations read apart from the code, as {@code
 * wit4j wit} and {@code inspect} read them) and by {@link CoreModule#parse} (the whole module
 * decoded and validated): the same imports and exports, with the same types, in the same order.
 */
class CoreDeclarationsCorpusTest {

    @Test
    void declarationsAreDescribedAsTheValidatedModuleIs() {
        WastCorpus.Loaded corpus = WastCorpus.load();
        assumeTrue(corpus.unavailable() == null, corpus.unavailable());
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (WastCorpus.WastFile f : corpus.files()) {
            for (WastCorpus.Command c : f.commands()) {
                if (c.binary() == null) continue;
                Component component;
                try {
                    component = ComponentDecoder.decodeComponent(c.binary());
                } catch (RuntimeException e) {
                    continue; // malformed: not a module to describe
                }
                List<Section.ModuleSection> modules = new ArrayList<>();
                collect(component, modules);
                for (Section.ModuleSection m : modules) {
                    byte[] bytes = m.module().bytes().toByteArray();
                    CoreModule whole;
                    try {
                        whole = CoreModule.parse(bytes, m.offset());
                    } catch (CoreModuleException e) {
                        continue; // invalid: the two paths need not agree on the reason
                    }
                    CoreModule declared = CoreModule.parseDeclarations(bytes.clone(), m.offset());
                    compared++;
                    if (!whole.imports().equals(declared.imports())
                            || !whole.exports().equals(declared.exports())) {
                        differences.add(f.path() + ":" + c.line() + ": module at byte " + m.offset());
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(compared > 900, "compared " + compared);
    }

    private static void collect(Component component, List<Section.ModuleSection> into) {
        for (Section s : component.sections()) {
            if (s instanceof Section.ModuleSection m) into.add(m);
            else if (s instanceof Section.ComponentSection c) collect(c.component(), into);
        }
    }
}
