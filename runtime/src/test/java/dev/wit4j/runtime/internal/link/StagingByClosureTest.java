package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Bytes;
import dev.wit4j.binary.Canon;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.CoreInstance;
import dev.wit4j.binary.CoreModuleBinary;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.ExternName;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.PrimValType;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.binary.SortIdx;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Staging by closure (an extension, off by default): a three-stage tower, each stage a nested
 * component that aliases the core functions its enclosing stages' instances made. Stage 1 makes
 * {@code base() = 40}; stage 2 closes over it and makes {@code plus1() = base() + 1}; stage 3
 * closes over both and exports {@code sum() = plus1() + base()}. Built with the project's encoder
 * (the text format has no syntax for it).
 */
class StagingByClosureTest {

    private static final String STAGE1 = "(module (func (export \"base\") (result i32) i32.const 40))";
    private static final String STAGE2 = "(module (import \"s1\" \"base\" (func $b (result i32)))"
            + " (func (export \"plus1\") (result i32) (i32.add (call $b) (i32.const 1))))";
    private static final String STAGE3 = "(module (import \"s\" \"plus1\" (func $p (result i32)))"
            + " (import \"s\" \"base\" (func $b (result i32)))"
            + " (func (export \"sum\") (result i32) (i32.add (call $p) (call $b))))";

    private static Section module(byte[] bytes) {
        return new Section.ModuleSection(-1, 0, new CoreModuleBinary(-1, Bytes.copyOf(bytes)));
    }

    private static Section aliases(Alias... aliases) {
        return new Section.AliasSection(-1, 0, List.of(aliases));
    }

    private static Section coreInstances(CoreInstance... instances) {
        return new Section.CoreInstanceSection(-1, 0, List.of(instances));
    }

    /** Exports func 0 as {@code sum}. */
    private static Section exportSum() {
        return new Section.ExportSection(
                -1, 0, List.of(new Export(-1, ExternName.of("sum"), new SortIdx(Sort.FUNC, 0), Optional.empty())));
    }

    private static byte[] tower(List<byte[]> modules) {
        Component stage3 = new Component(List.of(
                aliases(new Alias.Outer(-1, Sort.CORE_FUNC, 1, 1), new Alias.Outer(-1, Sort.CORE_FUNC, 2, 0)),
                module(modules.get(2)),
                coreInstances(
                        new CoreInstance.FromExports(
                                -1,
                                List.of(
                                        new CoreInstance.InlineExport(-1, "plus1", CoreSort.FUNC, 0),
                                        new CoreInstance.InlineExport(-1, "base", CoreSort.FUNC, 1))),
                        new CoreInstance.Instantiate(-1, 0, List.of(new CoreInstance.Arg(-1, "s", 0)))),
                aliases(new Alias.CoreInstanceExport(-1, Sort.CORE_FUNC, 1, "sum")),
                new Section.TypeSection(
                        -1, 0, List.of(new DefType.FuncType(-1, false, List.of(), Optional.of(PrimValType.U32)))),
                new Section.CanonSection(-1, 0, List.of(new Canon.Lift(-1, 2, List.of(), 0))),
                exportSum()));
        Component stage2 = new Component(List.of(
                aliases(new Alias.Outer(-1, Sort.CORE_FUNC, 1, 0)),
                module(modules.get(1)),
                coreInstances(
                        new CoreInstance.FromExports(
                                -1, List.of(new CoreInstance.InlineExport(-1, "base", CoreSort.FUNC, 0))),
                        new CoreInstance.Instantiate(-1, 0, List.of(new CoreInstance.Arg(-1, "s1", 0)))),
                aliases(new Alias.CoreInstanceExport(-1, Sort.CORE_FUNC, 1, "plus1")),
                new Section.ComponentSection(-1, 0, stage3),
                new Section.InstanceSection(-1, 0, List.of(new Instance.Instantiate(-1, 0, List.of()))),
                aliases(new Alias.InstanceExport(-1, Sort.FUNC, 0, "sum")),
                exportSum()));
        Component stage1 = new Component(List.of(
                module(modules.get(0)),
                coreInstances(new CoreInstance.Instantiate(-1, 0, List.of())),
                aliases(new Alias.CoreInstanceExport(-1, Sort.CORE_FUNC, 0, "base")),
                new Section.ComponentSection(-1, 0, stage2),
                new Section.InstanceSection(-1, 0, List.of(new Instance.Instantiate(-1, 0, List.of()))),
                aliases(new Alias.InstanceExport(-1, Sort.FUNC, 0, "sum")),
                exportSum()));
        return ComponentEncoder.encode(stage1);
    }

    @Test
    void aThreeStageTowerRunsWhenAskedForAndIsRefusedOtherwise() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the core modules");
        List<Wat.Assembled> assembled = Wat.assemble(List.of(STAGE1, STAGE2, STAGE3));
        for (Wat.Assembled a : assembled) assertNull(a.error(), a.error());
        byte[] tower = tower(assembled.stream().map(Wat.Assembled::wasm).toList());

        Engine staged = Engine.builder()
                .validationFeatures(ValidationFeatures.all().with(ValidationFeatures.Feature.STAGING_BY_CLOSURE))
                .build();
        assertEquals(
                Optional.of(Value.u32(81)),
                staged.linker().instantiate(staged.load(tower)).func("sum").call());

        // by default it is not a component: the outer alias of a core function is malformed
        WasmFormatException e =
                assertThrows(WasmFormatException.class, () -> Engine.create().load(tower));
        assertTrue(e.getMessage().contains("component outer alias kind"), e.getMessage());
        assertTrue(!ValidationFeatures.all().isEnabled(ValidationFeatures.Feature.STAGING_BY_CLOSURE));
        // decoded with the extension, validated without it: the validator names the feature
        WasmFormatException invalid = assertThrows(
                WasmFormatException.class,
                () -> ComponentValidator.validate((Component) ComponentDecoder.decode(tower, true)));
        assertTrue(invalid.getMessage().contains("staging-by-closure"), invalid.getMessage());
    }
}
