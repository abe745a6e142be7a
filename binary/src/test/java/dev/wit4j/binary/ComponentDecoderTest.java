package dev.wit4j.binary;

import static dev.wit4j.binary.BinaryTestSupport.bin;
import static dev.wit4j.binary.BinaryTestSupport.component;
import static dev.wit4j.binary.BinaryTestSupport.sec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ComponentDecoderTest {

    private static final byte[] COMPONENT_PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    private static byte[] section(int id, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(id);
        long n = content.length;
        do {
            int b = (int) (n & 0x7F);
            n >>>= 7;
            out.write(n != 0 ? b | 0x80 : b);
        } while (n != 0);
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Instance types nested {@code depth} deep, in one type section: 3 bytes a level. */
    private static byte[] nestedInstanceTypes(int depth) {
        java.io.ByteArrayOutputStream type = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) type.writeBytes(new byte[] {0x42, 0x01, 0x01}); // instance type { type … }
        type.writeBytes(new byte[] {0x42, 0x00});
        return concat(COMPONENT_PREAMBLE, section(7, concat(new byte[] {0x01}, type.toByteArray())));
    }

    /** Components nested {@code depth} deep. */
    private static byte[] nestedComponents(int depth) {
        byte[] inner = COMPONENT_PREAMBLE;
        for (int i = 0; i < depth; i++) inner = concat(COMPONENT_PREAMBLE, section(4, inner));
        return inner;
    }

    @Test
    void deeplyNestedTypesAndComponentsAreRejectedWithATypedError() {
        for (byte[] bytes : List.of(nestedInstanceTypes(2_000), nestedComponents(2_000))) {
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ComponentDecoder.decode(bytes));
            assertTrue(e.getMessage().startsWith("nesting too deep"), e.getMessage());
        }
        // as deep as allowed is fine
        assertInstanceOf(
                Component.class, ComponentDecoder.decode(nestedInstanceTypes(ComponentDecoder.MAX_NESTING - 1)));
        assertInstanceOf(Component.class, ComponentDecoder.decode(nestedComponents(ComponentDecoder.MAX_NESTING)));
    }

    /** Decodes, re-encodes, and decodes again from bytes handed over (ranges kept, not copies): the same. */
    private static Component roundTrip(byte[] bytes) {
        Component c = ComponentDecoder.decodeComponent(bytes);
        assertArrayEquals(bytes, ComponentEncoder.encode(c), "re-encoding differs");
        Component owned = (Component) ComponentDecoder.decodeOwned(bytes.clone());
        assertEquals(c, owned, "decoded from owned bytes");
        assertArrayEquals(bytes, ComponentEncoder.encode(owned), "re-encoding from owned bytes differs");
        for (int i = 0; i < c.sections().size(); i++) {
            if (c.sections().get(i) instanceof Section.Custom custom) {
                assertEquals(
                        custom.custom().componentNames(),
                        ((Section.Custom) owned.sections().get(i)).custom().componentNames(),
                        "names read from a range");
            }
        }
        return c;
    }

    private static BinaryFormatException malformed(byte[] bytes, String reason, long offset) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ComponentDecoder.decode(bytes));
        assertTrue(e.reason().contains(reason), () -> "reason was: " + e.reason());
        assertEquals(offset, e.offset(), () -> "offset of: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(at offset 0x" + Long.toHexString(offset) + ")"));
        return e;
    }

    @Test
    void emptyComponent() {
        Component c = roundTrip(component());
        assertEquals(0, c.offset());
        assertTrue(c.sections().isEmpty());
        assertFalse(c.isCoreModule());
    }

    @Test
    void coreModuleIsReportedAsSuch() {
        byte[] module = bin("\\00asm\\01\\00\\00\\00", "\\01\\04\\01\\60\\00\\00");
        WasmBinary b = ComponentDecoder.decode(module);
        assertTrue(b.isCoreModule());
        assertArrayEquals(module, ((CoreModuleBinary) b).bytes().toByteArray());
        assertArrayEquals(module, ComponentEncoder.encode(b));
        BinaryFormatException e =
                assertThrows(BinaryFormatException.class, () -> ComponentDecoder.decodeComponent(module));
        assertEquals("expected a version header for a component", e.reason());
    }

    @Test
    void preambleErrors() {
        malformed(bin(""), "unexpected end-of-file", 0);
        malformed(bin("\\00asm\\0d\\00\\01"), "unexpected end-of-file", 7);
        malformed(bin("\\00ASM\\0d\\00\\01\\00"), "magic header not detected", 0);
        malformed(bin("\\00asm\\0c\\00\\01\\00"), "unknown binary version", 4);
        malformed(bin("\\00asm\\0d\\00\\00\\00"), "unknown binary version", 4);
    }

    @Test
    void sectionFraming() {
        malformed(component("\\0d\\00"), "malformed section id: 0xd", 8);
        malformed(component("\\07\\03\\00"), "unexpected end-of-file", 10);
        malformed(component("\\07\\01\\01\\73"), "unexpected end-of-file", 11);
        malformed(component("\\07\\81\\80\\80\\80\\70\\00"), "integer too large", 13);
        malformed(component("\\07\\04\\bf\\84\\3d\\73"), "unexpected end-of-file", 14);
        malformed(component("\\07\\03\\00\\73\\73"), "section size mismatch", 11);
        malformed(component("\\09\\04\\00\\00\\00\\00"), "unexpected content in the component start section", 13);
        malformed(component("\\00\\03\\02\\ff\\fe"), "malformed UTF-8 encoding", 12);
        malformed(component("\\00\\02\\01\\c3"), "malformed UTF-8 encoding", 11);
    }

    @Test
    void paddedSectionSizeIsReproduced() {
        Component c = roundTrip(component("\\07\\81\\80\\80\\80\\00", "\\00"));
        assertEquals(5, c.sections().get(0).sizeLebWidth());
    }

    @Test
    void sectionsKeepTheirOrder() {
        Component c = roundTrip(component(
                "\\07\\02\\01\\73", "\\06\\05\\01\\03\\02\\00\\00", "\\00\\08\\07between", "\\07\\03\\01\\70\\01"));
        assertEquals(List.of(7, 6, 0, 7), c.sections().stream().map(Section::id).toList());
        Section.Custom custom = (Section.Custom) c.sections().get(2);
        assertEquals("between", custom.custom().name());
        assertEquals(0, custom.custom().data().length());
        assertEquals(
                List.of(new Alias.Outer(15, Sort.TYPE, 0, 0)),
                ((Section.AliasSection) c.sections().get(1)).aliases());
        assertEquals(
                new DefValType.ListType(32, new ComponentValType.Indexed(1)),
                ((Section.TypeSection) c.sections().get(3)).types().get(0));
    }

    @Test
    void nestedComponentOffsetsAreAbsolute() {
        byte[] bytes = component(
                "\\04\\16", "\\00asm\\0d\\00\\01\\00", "\\04\\0c", "\\00asm\\0d\\00\\01\\00", "\\07\\02\\01\\73");
        Component outer = roundTrip(bytes);
        Component inner = ((Section.ComponentSection) outer.sections().get(0)).component();
        assertEquals(10, inner.offset());
        Component innermost = ((Section.ComponentSection) inner.sections().get(0)).component();
        assertEquals(20, innermost.offset());
        Section.TypeSection types = (Section.TypeSection) innermost.sections().get(0);
        assertEquals(28, types.offset());
        assertEquals(
                new DefValType.PrimitiveType(31, PrimValType.STRING),
                types.types().get(0));
        malformed(component("\\04\\08", "\\00asm\\01\\00\\00\\00"), "expected a version header for a component", 10);
        malformed(component("\\01\\08", "\\00asm\\0d\\00\\01\\00"), "expected a version header for a module", 10);
        malformed(component("\\04\\0a", "\\00asm\\0d\\00\\01\\00\\07\\05"), "section too large", 19);
    }

    @Test
    void coreModuleFramingIsChecked() {
        malformed(
                component("\\01\\11", "\\00asm\\01\\00\\00\\00", "\\01\\01\\00", "\\0b\\01\\00", "\\01\\01\\00"),
                "section out of order",
                26);
        Component c = roundTrip(component("\\01\\08", "\\00asm\\01\\00\\00\\00"));
        CoreModuleBinary m = ((Section.ModuleSection) c.sections().get(0)).module();
        assertEquals(10, m.offset());
        assertEquals(8, m.bytes().length());
    }

    @Test
    void allDefinedTypes() {
        byte[] bytes = component(
                "\\07\\4f",
                "\\13",
                "\\3f\\7f\\00",
                "\\72\\02\\01a\\7f\\01b\\7d",
                "\\71\\02\\01x\\01\\7e\\00\\01y\\00\\00",
                "\\70\\7b",
                "\\6f\\02\\7c\\79",
                "\\6e\\02\\02f1\\02f2",
                "\\6d\\02\\02e1\\02e2",
                "\\6b\\7a",
                "\\6a\\00\\00",
                "\\6a\\01\\77\\00",
                "\\6a\\00\\01\\78",
                "\\6a\\01\\76\\01\\75",
                "\\69\\00",
                "\\68\\00",
                "\\66\\01\\7d",
                "\\66\\00",
                "\\65\\01\\73",
                "\\65\\00",
                "\\70\\02");
        List<DefType> types = ((Section.TypeSection) roundTrip(bytes).sections().get(0)).types();
        assertEquals(19, types.size());
        assertEquals(new DefType.ResourceType(11, CoreValueType.Num.I32, OptionalLong.empty()), types.get(0));
        DefValType.VariantType v = (DefValType.VariantType) types.get(2);
        assertEquals(
                List.of(
                        new DefValType.Case("x", Optional.of(PrimValType.S8)),
                        new DefValType.Case("y", Optional.empty())),
                v.cases());
        assertEquals(
                new DefValType.ResultType(
                        types.get(11).offset(), Optional.of(PrimValType.F32), Optional.of(PrimValType.F64)),
                types.get(11));
        roundTrip(component("\\07\\04\\01\\67\\7d\\03"));
        roundTrip(component("\\07\\04\\01\\63\\73\\79"));
        roundTrip(component("\\07\\02\\01\\64"));
        malformed(component("\\07\\02\\01\\62"), "invalid leading byte (0x62) for component defined type", 11);
        malformed(component("\\07\\02\\01\\3e"), "invalid leading byte (0x3e) for component defined type", 11);
        malformed(
                component("\\07\\07\\01\\71\\01\\01c\\00\\01"),
                "invalid leading byte (0x1) for zero byte required",
                16);
        malformed(component("\\07\\05\\01\\40\\00\\01\\01"), "invalid leading byte (0x1) for number of results", 14);
        malformed(
                component("\\07\\05\\01\\40\\00\\02\\00"),
                "invalid leading byte (0x2) for component function results",
                13);
    }

    @Test
    void emptyAggregatesAreLeftToValidation() {
        for (String t : List.of("\\72\\00", "\\71\\00", "\\6f\\00", "\\6e\\00", "\\6d\\00")) {
            roundTrip(component("\\07\\03\\01" + t));
        }
        roundTrip(component("\\07\\04\\01\\67\\7d\\00"));
    }

    @Test
    void valTypeIndexIsAnS33() {
        // Index 200 does not fit one SLEB128 byte: 0xc8 0x01.
        Component c = roundTrip(component("\\07\\04\\01\\70\\c8\\01"));
        assertEquals(
                new ComponentValType.Indexed(200),
                ((DefValType.ListType) ((Section.TypeSection) c.sections().get(0))
                                .types()
                                .get(0))
                        .element());
        // A stray negative opcode byte decodes like wasmparser: a huge index, for validation to reject.
        c = roundTrip(component("\\07\\03\\01\\70\\72"));
        assertEquals(
                new ComponentValType.Indexed(0xffff_fff2L),
                ((DefValType.ListType) ((Section.TypeSection) c.sections().get(0))
                                .types()
                                .get(0))
                        .element());
    }

    @Test
    void componentAndInstanceTypes() {
        Component c = roundTrip(component(
                "\\07\\17\\01\\41\\04",
                "\\01\\73",
                "\\03\\00\\01a\\03\\00\\00",
                "\\01\\40\\00\\01\\00",
                "\\04\\00\\01b\\01\\02"));
        DefType.ComponentType ct = (DefType.ComponentType)
                ((Section.TypeSection) c.sections().get(0)).types().get(0);
        assertInstanceOf(InstanceDecl.TypeDecl.class, ct.decls().get(0));
        ComponentDecl.ImportDecl imp = (ComponentDecl.ImportDecl) ct.decls().get(1);
        assertEquals("a", imp.name().name());
        assertEquals(new ExternType.Type(new ExternType.TypeBound.Eq(0)), imp.type());
        assertEquals(
                new ExternType.Func(2), ((InstanceDecl.ExportDecl) ct.decls().get(3)).type());
        roundTrip(component(
                "\\07\\02\\01\\73",
                "\\07\\13\\01\\42\\03",
                "\\00\\60\\00\\00",
                "\\02\\03\\02\\01\\00",
                "\\04\\00\\01t\\03\\00\\00"));
        malformed(
                component("\\07\\05\\01\\41\\01\\05\\73"),
                "invalid leading byte (0x5) for component or instance type declaration",
                13);
        malformed(
                component("\\07\\09\\01\\42\\01\\03\\00\\01a\\03\\01"),
                "invalid leading byte (0x3) for component or instance type declaration",
                13);
    }

    @Test
    void coreTypes() {
        Component c = roundTrip(component(
                "\\03\\04\\01\\60\\00\\00",
                "\\03\\07\\01\\00\\50\\00\\60\\00\\00",
                "\\03\\18\\01\\50\\04",
                "\\01\\60\\00\\00",
                "\\00\\01a\\01b\\00\\00",
                "\\02\\10\\01\\01\\00",
                "\\03\\01e\\00\\00"));
        CoreRecGroup func = (CoreRecGroup)
                ((Section.CoreTypeSection) c.sections().get(0)).types().get(0);
        assertEquals(
                CoreCompositeType.func(List.of(), List.of()).body(),
                func.types().get(0).composite().body());
        assertTrue(func.types().get(0).abbreviated());
        CoreRecGroup sub = (CoreRecGroup)
                ((Section.CoreTypeSection) c.sections().get(1)).types().get(0);
        assertFalse(sub.types().get(0).isFinal());
        CoreType.Module mt = (CoreType.Module)
                ((Section.CoreTypeSection) c.sections().get(2)).types().get(0);
        assertEquals(
                List.of(
                        ModuleDecl.Type.class,
                        ModuleDecl.Import.class,
                        ModuleDecl.OuterAlias.class,
                        ModuleDecl.Export.class),
                mt.decls().stream().map(Object::getClass).toList());
        // GC forms: an explicit rec group with a struct, an array of i8 and a long-form nullable ref.
        roundTrip(component(
                "\\03\\18\\01\\4e\\04",
                "\\5f\\01\\7f\\01",
                "\\4f\\01\\00\\5e\\78\\00",
                "\\60\\01\\63\\00\\01\\64\\70",
                "\\60\\01\\70\\00"));
        // Module type with table, memory, global and tag imports.
        roundTrip(component(sec(
                3,
                "\\01\\50\\04",
                "\\00\\01m\\01t\\01\\70\\01\\01\\02",
                "\\00\\01m\\01g\\03\\7f\\01",
                "\\00\\01m\\02me\\02\\03\\01\\02",
                "\\03\\01x\\04\\00\\00")));
        malformed(
                component("\\03\\07\\01\\50\\01\\04\\60\\00\\00"),
                "invalid leading byte (0x4) for type definition",
                13);
        malformed(
                component("\\03\\08\\01\\50\\01\\02\\00\\01\\01\\00"),
                "invalid leading byte (0x0) for outer alias kind",
                14);
        malformed(
                component("\\03\\08\\01\\50\\01\\02\\10\\00\\01\\00"),
                "invalid leading byte (0x0) for outer alias target",
                15);
        malformed(component("\\03\\04\\01\\00\\60\\00"), "invalid leading byte (0x60) for non-final sub type", 12);
    }

    @Test
    void aliases() {
        Component c = roundTrip(component(
                "\\06\\13\\04",
                "\\00\\11\\02\\00\\00",
                "\\00\\10\\02\\00\\00",
                "\\03\\02\\00\\00",
                "\\04\\02\\00\\00"));
        assertEquals(
                List.of(Sort.CORE_MODULE, Sort.CORE_TYPE, Sort.TYPE, Sort.COMPONENT),
                ((Section.AliasSection) c.sections().get(0))
                        .aliases().stream().map(Alias::sort).toList());
        c = roundTrip(component("\\06\\0e\\02", "\\00\\02\\01\\00\\03mem", "\\05\\00\\01\\01i"));
        List<Alias> aliases = ((Section.AliasSection) c.sections().get(0)).aliases();
        assertEquals(new Alias.CoreInstanceExport(11, Sort.CORE_MEMORY, 0, "mem"), aliases.get(0));
        assertEquals(new Alias.InstanceExport(19, Sort.INSTANCE, 1, "i"), aliases.get(1));
        malformed(component("\\06\\05\\01\\03\\03\\00\\00"), "invalid leading byte (0x3) for alias", 12);
        malformed(
                component("\\06\\05\\01\\06\\02\\00\\00"),
                "invalid leading byte (0x6) for component outer alias kind",
                11);
        malformed(
                component("\\06\\06\\01\\00\\13\\02\\00\\00"),
                "invalid leading byte (0x13) for component outer alias kind",
                12);
        malformed(
                component("\\06\\05\\01\\01\\02\\00\\00"),
                "invalid leading byte (0x1) for component outer alias kind",
                11);
    }

    @Test
    void instances() {
        Component c = roundTrip(component(
                "\\02\\06\\02",
                "\\00\\00\\00",
                "\\01\\00",
                "\\02\\08\\01\\00\\01\\01\\01i\\12\\00",
                "\\02\\08\\01\\01\\01\\02f2\\00\\00"));
        CoreInstance.Instantiate inst = (CoreInstance.Instantiate)
                ((Section.CoreInstanceSection) c.sections().get(1)).instances().get(0);
        assertEquals(List.of(new CoreInstance.Arg(22, "i", 0)), inst.args());
        malformed(component("\\02\\04\\01\\02\\00\\00"), "invalid leading byte (0x2) for core instance", 11);
        malformed(
                component("\\02\\08\\01\\00\\01\\01\\01i\\00\\00"),
                "invalid leading byte (0x0) for instantiation arg kind",
                16);
        roundTrip(component("\\05\\11\\03", "\\00\\00\\01\\01x\\01\\00", "\\01\\00", "\\01\\01\\00\\01g\\01\\00"));
        malformed(component("\\05\\04\\01\\02\\00\\00"), "invalid leading byte (0x2) for instance", 11);
    }

    @Test
    void importsExportsAndNames() {
        Component c = roundTrip(component(
                "\\07\\05\\01\\40\\00\\01\\00",
                "\\0a\\11\\03",
                "\\00\\01a\\01\\00",
                "\\01\\01b\\01\\00",
                "\\02\\01c\\00\\01\\00"));
        List<Import> imports = ((Section.ImportSection) c.sections().get(1)).imports();
        assertEquals(
                List.of(0, 1, 2), imports.stream().map(i -> i.name().form()).toList());
        c = roundTrip(component(
                "\\07\\03\\01\\42\\00",
                "\\0a\\2f\\02",
                "\\02\\02i1\\01\\00\\0cmy:dep/iface\\05\\00",
                "\\02\\02i2\\01\\02\\10some-external-id\\05\\00"));
        imports = ((Section.ImportSection) c.sections().get(1)).imports();
        assertEquals(
                List.of(new ExternName.Attribute.Implements(21, "my:dep/iface")),
                imports.get(0).name().attributes());
        assertEquals(
                List.of(new ExternName.Attribute.ExternalId(42, "some-external-id")),
                imports.get(1).name().attributes());
        // Duplicate attributes are a validation error, not a decoding one.
        roundTrip(component("\\07\\03\\01\\42\\00", "\\0a\\15\\01\\02\\01i\\02\\00\\05a:b/x\\00\\05a:b/y\\05\\00"));
        roundTrip(component(
                "\\03\\03\\01\\50\\00",
                "\\07\\08\\03\\40\\00\\01\\00\\42\\00\\73",
                "\\0a\\1e\\05",
                "\\00\\01m\\00\\11\\00",
                "\\00\\01f\\01\\00",
                "\\00\\02t1\\03\\00\\02",
                "\\00\\02t2\\03\\01",
                "\\00\\01i\\05\\01"));
        Component e = roundTrip(component("\\01\\08\\00asm\\01\\00\\00\\00", "\\0b\\08\\01\\00\\01m\\00\\11\\00\\00"));
        Export export = ((Section.ExportSection) e.sections().get(1)).exports().get(0);
        assertEquals(new SortIdx(Sort.CORE_MODULE, 0), export.target());
        assertEquals(Optional.empty(), export.type());
        malformed(component("\\0a\\06\\01\\03\\01a\\01\\00"), "invalid leading byte (0x3) for component name", 11);
        malformed(
                component("\\0a\\0a\\01\\02\\01a\\01\\03\\01x\\01\\00"),
                "invalid leading byte (0x3) for name option",
                15);
        malformed(component("\\0a\\06\\01\\00\\01t\\03\\02"), "invalid leading byte (0x2) for type bound", 15);
        malformed(
                component("\\0a\\06\\01\\00\\01x\\06\\00"),
                "invalid leading byte (0x6) for component external kind",
                14);
        malformed(
                component("\\0a\\06\\01\\00\\01m\\00\\00"),
                "invalid leading byte (0x0) for component external kind",
                15);
        malformed(component("\\0a\\05\\01\\00\\7f\\61\\62"), "unexpected end-of-file", 13);
        malformed(
                component("\\0b\\07\\01\\00\\01e\\01\\00\\02"),
                "invalid leading byte (0x2) for optional component export type",
                16);
    }

    @Test
    void everyCanonicalDefinition() {
        byte[] bytes = component(
                "\\08\\a2\\01",
                "\\35",
                "\\00\\00\\00\\00\\00",
                "\\00\\00\\01\\03\\00\\03\\00\\04\\05\\01",
                "\\00\\00\\02\\02\\06\\07\\03\\02",
                "\\00\\00\\00\\01\\05\\00\\00",
                "\\01\\00\\00\\01\\01",
                "\\01\\00\\00\\01\\02",
                "\\02\\05",
                "\\03\\05",
                "\\04\\05",
                "\\24",
                "\\25",
                "\\09\\01\\00\\00",
                "\\09\\00\\79\\00",
                "\\05",
                "\\0a\\7f\\00",
                "\\0b\\7f\\00",
                "\\06\\00",
                "\\06\\01",
                "\\0d",
                "\\0e\\03",
                "\\0f\\03\\02\\03\\00\\04\\05",
                "\\10\\03\\02\\03\\00\\04\\05",
                "\\11\\03\\00",
                "\\12\\03\\01",
                "\\13\\03",
                "\\14\\03",
                "\\15\\04",
                "\\16\\04\\02\\03\\00\\04\\05",
                "\\17\\04\\02\\03\\00\\04\\05",
                "\\18\\04\\00",
                "\\19\\04\\01",
                "\\1a\\04",
                "\\1b\\04",
                "\\1f",
                "\\20\\00\\00",
                "\\21\\01\\00",
                "\\22",
                "\\23",
                "\\26",
                "\\27\\00\\00",
                "\\28",
                "\\29\\00",
                "\\0c\\01",
                "\\2a\\00",
                "\\2b\\00",
                "\\2c\\00",
                "\\2d\\01",
                "\\1c\\01\\00",
                "\\1d\\00",
                "\\1e",
                "\\40\\01\\00",
                "\\41\\00\\00\\00",
                "\\42\\01");
        List<Canon> canons = ((Section.CanonSection) roundTrip(bytes).sections().get(0)).canons();
        assertEquals(53, canons.size());
        assertEquals(
                new Canon.Lift(
                        17,
                        1,
                        List.of(
                                new CanonOpt.StringEncoding(21, CanonOpt.Encoding.UTF8),
                                new CanonOpt.Memory(22, 0),
                                new CanonOpt.Realloc(24, 5)),
                        1),
                canons.get(1));
        assertEquals(new Canon.ThreadSpawnIndirect(canons.get(51).offset(), false, 0, 0), canons.get(51));
        assertEquals(new Canon.ThreadAvailableParallelism(canons.get(52).offset(), true), canons.get(52));
        malformed(component("\\08\\02\\01\\07"), "invalid leading byte (0x7) for canonical function", 11);
        malformed(component("\\08\\02\\01\\2e"), "invalid leading byte (0x2e) for canonical function", 11);
        malformed(component("\\08\\02\\01\\43"), "invalid leading byte (0x43) for canonical function", 11);
        malformed(
                component("\\08\\06\\01\\00\\01\\00\\00\\00"),
                "invalid leading byte (0x1) for canonical function lift",
                12);
        malformed(
                component("\\08\\05\\01\\01\\01\\00\\00"),
                "invalid leading byte (0x1) for canonical function lower",
                12);
        malformed(component("\\08\\06\\01\\01\\00\\00\\01\\0a"), "invalid leading byte (0xa) for canonical option", 15);
        malformed(component("\\08\\03\\01\\0c\\02"), "invalid boolean value", 12);
        malformed(component("\\08\\04\\01\\20\\02\\00"), "invalid boolean value", 12);
    }

    @Test
    void startAndValueSections() {
        Component c = roundTrip(component("\\09\\05\\00\\02\\00\\01\\01", "\\0c\\08\\02\\7f\\01\\01\\73\\02\\01a"));
        Section.StartSection start = (Section.StartSection) c.sections().get(0);
        assertEquals(List.of(0L, 1L), start.args());
        assertEquals(1, start.results());
        List<ValueDef> values = ((Section.ValueSection) c.sections().get(1)).values();
        assertEquals(PrimValType.BOOL, values.get(0).type());
        assertEquals(Bytes.copyOf(new byte[] {1}), values.get(0).data());
        assertEquals(Bytes.copyOf(new byte[] {1, 'a'}), values.get(1).data());
        // Value imports use Binary.md's valuebound.
        roundTrip(component("\\0a\\0d\\02\\00\\01a\\02\\00\\00\\00\\01b\\02\\01\\73"));
    }

    @Test
    void customSections() {
        byte[] names = bin(
                "\\0ecomponent-name",
                "\\00\\04\\03top",
                "\\01\\09\\00\\00\\01\\00\\04main",
                "\\01\\05\\05\\01\\02\\01i",
                "\\01\\03\\00\\7f\\00",
                "\\07\\01\\00");
        byte[] producers = bin("\\09producers", "\\01\\08language\\01\\04Java\\0217");
        Component c = roundTrip(component(
                "\\00" + hexLen(names.length),
                esc(names),
                "\\00" + hexLen(producers.length),
                esc(producers),
                "\\00\\10\\0ecomponent-name\\ff",
                "\\00\\09\\05other\\01\\02\\03"));
        CustomSection cs = ((Section.Custom) c.sections().get(0)).custom();
        ComponentNameSection n = cs.componentNames().orElseThrow();
        assertEquals(
                new ComponentNameSection.ComponentName(cs.dataOffset(), "top"),
                n.subsections().get(0));
        ComponentNameSection.SortNames funcs =
                (ComponentNameSection.SortNames) n.subsections().get(1);
        assertEquals(Sort.CORE_FUNC, funcs.sort());
        assertEquals(List.of(new ComponentNameSection.NameAssoc(0, "main")), funcs.names());
        assertEquals(
                Sort.INSTANCE, ((ComponentNameSection.SortNames) n.subsections().get(2)).sort());
        assertInstanceOf(ComponentNameSection.Unknown.class, n.subsections().get(3));
        assertInstanceOf(ComponentNameSection.Unknown.class, n.subsections().get(4));
        assertEquals(cs.data(), CustomSection.of(n).data());
        ProducersSection p =
                ((Section.Custom) c.sections().get(1)).custom().producers().orElseThrow();
        assertEquals(
                List.of(new ProducersSection.Field("language", List.of(new ProducersSection.Value("Java", "17")))),
                p.fields());
        assertEquals(
                ((Section.Custom) c.sections().get(1)).custom().data(),
                CustomSection.of(p).data());
        // Garbage in a name section is tolerated, and kept.
        assertEquals(
                Optional.empty(),
                ((Section.Custom) c.sections().get(2)).custom().componentNames());
        assertEquals(
                Optional.empty(),
                ((Section.Custom) c.sections().get(3)).custom().componentNames());
    }

    private static String hexLen(int n) {
        return String.format("\\%02x", n);
    }

    private static String esc(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("\\%02x", x & 0xff));
        }
        return s.toString();
    }

    @Test
    void handBuiltModelEncodes() {
        Component c = new Component(List.of(
                new Section.TypeSection(
                        -1,
                        0,
                        List.of(new DefType.FuncType(
                                -1,
                                false,
                                List.of(new DefType.LabeledType("x", PrimValType.U32)),
                                Optional.of(PrimValType.STRING)))),
                new Section.ImportSection(-1, 0, List.of(new Import(-1, ExternName.of("f"), new ExternType.Func(0)))),
                new Section.CoreTypeSection(
                        -1,
                        0,
                        List.of(new CoreRecGroup(
                                -1,
                                false,
                                List.of(new CoreSubType(
                                        -1, false, List.of(), CoreCompositeType.func(List.of(), List.of()), false))))),
                new Section.Custom(-1, 0, CustomSection.of("x", Bytes.EMPTY))));
        byte[] bytes = ComponentEncoder.encode(c);
        assertArrayEquals(
                component(
                        "\\07\\08\\01\\40\\01\\01x\\79\\00\\73",
                        "\\0a\\06\\01\\00\\01f\\01\\00",
                        "\\03\\07\\01\\00\\50\\00\\60\\00\\00",
                        "\\00\\02\\01x"),
                bytes);
        assertArrayEquals(bytes, ComponentEncoder.encode(ComponentDecoder.decode(bytes)));
    }
}
