package dev.wit4j.runtime.internal.link;

import static dev.wit4j.runtime.internal.link.ComponentBytes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 🪙 value sort at instantiation (Explainer.md "Value Definitions" and "Start Definitions"):
 * value imports given by the host, value definitions decoded from the value section, values passed
 * to component-level start functions and nested instantiations, and value exports read by the host.
 */
class ValueSortTest {

    /**
     * {@code (import "n" (value u32))}, a core {@code inc} lifted as {@code (func (param "n" u32)
     * (result u32))}, {@code (start $inc (value 0) (result (value)))}, exported as {@code next}.
     */
    private static byte[] importToStart() {
        return new ComponentBytes()
                .vecSection(TYPE, funcType(bytes(U32), "n", bytes(U32)))
                .vecSection(IMPORT, importValue("n", bytes(U32)))
                .section(CORE_MODULE, INC_MODULE)
                .vecSection(CORE_INSTANCE, coreInstantiate(0))
                .vecSection(ALIAS, aliasCoreFunc(0, "inc"))
                .vecSection(CANON, lift(0, 0))
                .section(START, start(0, new int[] {0}, 1))
                .vecSection(EXPORT, export("next", VAL, 1))
                .build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void importedValueFlowsThroughStartToAnExport(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = engine.load(importToStart());
        Linker linker = engine.linker().value("n", Value.u32(41));
        Instance in = linker.instantiate(component);
        assertEquals(Value.u32(42), in.value("next"));
        // each instantiation runs the start function again, with the value it is given
        Instance other = engine.linker().value("n", Value.u32(4294967294L)).instantiate(component);
        assertEquals(Value.u32(4294967295L), other.value("next"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aValueOfTheWrongTypeIsALinkErrorNamingTheImport(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component component = engine.load(importToStart());
        // checked once, when the imports are resolved
        LinkException e = assertThrows(
                LinkException.class,
                () -> engine.linker().value("n", Value.string("41")).instantiatePre(component));
        assertEquals("n", e.importName());
        assertTrue(e.getMessage().contains("value type mismatch"), e.getMessage());
        LinkException missing =
                assertThrows(LinkException.class, () -> engine.linker().instantiate(component));
        assertTrue(missing.getMessage().contains("no definition"), missing.getMessage());
        LinkException func = assertThrows(
                LinkException.class,
                () -> engine.linker().func("n", args -> Optional.empty()).instantiate(component));
        assertTrue(func.getMessage().contains("expected a value"), func.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void definedValuesOfEveryEncodableTypeAreDecoded(ExecutionMode mode) {
        byte[] record = concat(bytes(0x72), vec(concat(name("a"), bytes(BOOL)), concat(name("b"), bytes(U8))));
        byte[] variant = concat(
                bytes(0x71),
                vec(concat(name("none"), bytes(0x00, 0x00)), concat(name("some"), bytes(0x01, S16, 0x00))));
        byte[] optionU8 = bytes(0x6b, U8);
        byte[] resultOfOption = bytes(0x6a, 0x01, 0x02, 0x00); // result<type 2 (option u8)>
        byte[] listOfResults = bytes(0x70, 0x03);
        byte[] flags = concat(bytes(0x6e), vec(name("r"), name("w"), name("x")));
        byte[] enumType = concat(bytes(0x6d), vec(name("red"), name("green"), name("blue")));
        byte[] tuple = concat(bytes(0x6f), vec(bytes(U8), bytes(STRING), bytes(S64)));
        byte[] helloUtf8 = "héllo ☃".getBytes(StandardCharsets.UTF_8);
        byte[][] values = {
            value(bytes(BOOL), bytes(0x01)),
            value(bytes(U32), u32(300)),
            value(bytes(S32), bytes(0x7f)), // -1
            value(bytes(S64), bytes(0x80, 0x7f)), // -128
            value(bytes(U64), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
            value(bytes(F64), bytes(0, 0, 0, 0, 0, 0, 0x04, 0xc0)), // -2.5
            value(bytes(F32), bytes(0x00, 0x00, 0xc0, 0x7f)), // NaN
            value(bytes(CHAR), "😀".getBytes(StandardCharsets.UTF_8)),
            value(bytes(STRING), concat(u32(helloUtf8.length), helloUtf8)),
            value(bytes(0x08), bytes(0x01, 0x07)), // record {a: true, b: 7}
            value(bytes(0x09), bytes(0x01, 0x7d)), // variant some(-3)
            value(bytes(0x04), bytes(0x03, 0x01, 0x00, 0x00, 0x00, 0x01, 0x2a)), // [err, ok(none), ok(some(42))]
            value(bytes(0x0a), bytes(0x05)), // flags {r, x}
            value(bytes(0x0b), bytes(0x02)), // blue
            value(bytes(0x07), concat(bytes(0x09), u32(2), "hi".getBytes(StandardCharsets.UTF_8), bytes(0x7f))),
        };
        String[] names = {
            "bool", "u32", "s32", "s64", "u64", "f64", "f32", "char", "string", "record", "variant", "list", "flags",
            "enum", "tuple"
        };
        List<byte[]> exports = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            exports.add(export(names[i], VAL, i));
        }
        byte[] binary = new ComponentBytes()
                .vecSection(TYPE, record, variant, optionU8, resultOfOption, listOfResults, flags, enumType, tuple)
                // exported values may only use the named (exported) record, variant, flags and enum types 8..11
                .vecSection(
                        EXPORT,
                        export("rec", TYPE_SORT, 0),
                        export("var", TYPE_SORT, 1),
                        export("fl", TYPE_SORT, 5),
                        export("col", TYPE_SORT, 6))
                .vecSection(VALUE, values)
                .vecSection(EXPORT, exports.toArray(new byte[0][]))
                .build();
        Engine engine = Wasm.engine(mode);
        Instance in = engine.linker().instantiate(engine.load(binary));
        assertEquals(Value.bool(true), in.value("bool"));
        assertEquals(Value.u32(300), in.value("u32"));
        assertEquals(Value.s32(-1), in.value("s32"));
        assertEquals(Value.s64(-128), in.value("s64"));
        assertEquals(Value.u64(-1L), in.value("u64"));
        assertEquals(Value.f64(-2.5), in.value("f64"));
        assertTrue(Float.isNaN(((Value.F32) in.value("f32")).value()));
        assertEquals(Value.character(0x1F600), in.value("char"));
        assertEquals(Value.string("héllo ☃"), in.value("string"));
        assertEquals(Value.record(Map.of("a", Value.bool(true), "b", Value.u8(7))), in.value("record"));
        assertEquals(Value.variant("some", Value.s16(-3)), in.value("variant"));
        assertEquals(
                Value.list(Value.err(), Value.ok(Value.none()), Value.ok(Value.some(Value.u8(42)))), in.value("list"));
        assertEquals(Value.flags("r", "x"), in.value("flags"));
        assertEquals(Value.enumCase("blue"), in.value("enum"));
        assertEquals(Value.tuple(Value.u8(9), Value.string("hi"), Value.s64(-1)), in.value("tuple"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void malformedValueBytesFailInstantiationWithTheirPlace(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        String[] problems = {"unexpected end", "invalid bool", "ends before", "malformed UTF-8", "too large"};
        byte[][] values = {
            value(bytes(U32), bytes(0x80)),
            value(bytes(BOOL), bytes(0x02)),
            value(bytes(U8), bytes(0x01, 0x02)),
            value(bytes(STRING), bytes(0x01, 0xff)),
            value(bytes(U16), bytes(0xff, 0xff, 0x7f)),
        };
        for (int i = 0; i < values.length; i++) {
            byte[] binary = new ComponentBytes()
                    .vecSection(VALUE, values[i])
                    .vecSection(EXPORT, export("v", VAL, 0))
                    .build();
            Component c = engine.load(binary);
            LinkException e =
                    assertThrows(LinkException.class, () -> engine.linker().instantiate(c));
            assertTrue(
                    e.getMessage().contains("value 0")
                            && e.getMessage().contains(problems[i])
                            && e.getMessage().contains("byte offset"),
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHostStartFunctionTakesAndGivesValues(ExecutionMode mode) {
        byte[] world = "world".getBytes(StandardCharsets.UTF_8);
        byte[] binary = new ComponentBytes()
                .vecSection(TYPE, funcType(bytes(STRING), "who", bytes(STRING), "times", bytes(U8)))
                .vecSection(IMPORT, importFunc("greet", 0), importValue("times", bytes(U8)))
                .vecSection(VALUE, value(bytes(STRING), concat(u32(world.length), world)))
                // the arguments are taken by index: the defined string is value 1, the import value 0
                .section(START, start(0, new int[] {1, 0}, 1))
                .vecSection(EXPORT, export("greeting", VAL, 2))
                .build();
        Engine engine = Wasm.engine(mode);
        Component component = engine.load(binary);
        List<List<Value>> calls = new ArrayList<>();
        Linker linker = engine.linker().value("times", Value.u8(2)).func("greet", args -> {
            calls.add(args);
            String who = ((Value.Str) args.get(0)).value();
            return Optional.of(Value.string(("hello " + who + "! ").repeat(((Value.U8) args.get(1)).value())));
        });
        Instance in = linker.instantiate(component);
        assertEquals(List.of(List.of(Value.string("world"), Value.u8(2))), calls);
        assertEquals(Value.string("hello world! hello world! "), in.value("greeting"));

        Linker wrong = engine.linker().value("times", Value.u8(1)).func("greet", args -> Optional.of(Value.u32(1)));
        Trap t = assertThrows(Trap.class, () -> wrong.instantiate(component));
        assertTrue(t.getMessage().contains("wrong type"), t.getMessage());
        Linker none = engine.linker().value("times", Value.u8(1)).func("greet", args -> Optional.empty());
        Trap t2 = assertThrows(Trap.class, () -> none.instantiate(component));
        assertTrue(t2.getMessage().contains("no result"), t2.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void valuesAreArgumentsAndExportsOfNestedInstances(ExecutionMode mode) {
        // the inner component increments its value import "x" in a start function, exports it as "y"
        byte[] inner = importToStart();
        byte[] innerRenamed = new ComponentBytes()
                .vecSection(TYPE, funcType(bytes(U32), "n", bytes(U32)))
                .vecSection(IMPORT, importValue("x", bytes(U32)))
                .section(CORE_MODULE, INC_MODULE)
                .vecSection(CORE_INSTANCE, coreInstantiate(0))
                .vecSection(ALIAS, aliasCoreFunc(0, "inc"))
                .vecSection(CANON, lift(0, 0))
                .section(START, start(0, new int[] {0}, 1))
                .vecSection(EXPORT, export("y", VAL, 1))
                .build();
        byte[] binary = new ComponentBytes()
                .vecSection(IMPORT, importValue("seed", bytes(U32)))
                .vecSection(VALUE, value(bytes(U32), u32(10)))
                .section(COMPONENT, innerRenamed)
                .section(COMPONENT, inner)
                // value 0 (the import) goes to the first instance, value 1 (defined) to the second
                .vecSection(INSTANCE, instantiate(0, "x", VAL, 0), instantiate(1, "n", VAL, 1))
                .vecSection(ALIAS, aliasExport(VAL, 0, "y"), aliasExport(VAL, 1, "next"))
                .vecSection(EXPORT, export("from-import", VAL, 2), export("from-definition", VAL, 3))
                .build();
        Engine engine = Wasm.engine(mode);
        Instance in = engine.linker().value("seed", Value.u32(99)).instantiate(engine.load(binary));
        assertEquals(Value.u32(100), in.value("from-import"));
        assertEquals(Value.u32(11), in.value("from-definition"));
        assertEquals(List.of("from-import", "from-definition"), List.copyOf(in.exportNames()));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aNestedValueArgumentOfTheWrongTypeNamesTheInstance(ExecutionMode mode) {
        // validation rejects a mistyped argument statically, so the mismatch here comes from the host
        byte[] binary = new ComponentBytes()
                .vecSection(IMPORT, importValue("seed", bytes(U32)))
                .section(COMPONENT, importToStart())
                .vecSection(INSTANCE, instantiate(0, "n", VAL, 0))
                .vecSection(ALIAS, aliasExport(VAL, 0, "next"))
                .vecSection(EXPORT, export("out", VAL, 1))
                .build();
        Engine engine = Wasm.engine(mode);
        Component c = engine.load(binary);
        LinkException e = assertThrows(
                LinkException.class,
                () -> engine.linker().value("seed", Value.s32(1)).instantiate(c));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        assertEquals(
                Value.u32(8),
                engine.linker().value("seed", Value.u32(7)).instantiate(c).value("out"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anEqualityBoundNeedsTheVeryValue(ExecutionMode mode) {
        // (eq 0) consumes value 0; the import is value 1
        byte[] binary = new ComponentBytes()
                .vecSection(VALUE, value(bytes(U32), u32(5)))
                .vecSection(IMPORT, importValueEq("same", 0))
                .vecSection(EXPORT, export("b", VAL, 1))
                .build();
        Engine engine = Wasm.engine(mode);
        Component c = engine.load(binary);
        Instance in = engine.linker().value("same", Value.u32(5)).instantiate(c);
        assertEquals(Value.u32(5), in.value("b"));
        LinkException e = assertThrows(
                LinkException.class,
                () -> engine.linker().value("same", Value.u32(6)).instantiate(c));
        assertTrue(e.getMessage().contains("same") && e.getMessage().contains("equal"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void valuesOfImportedAndExportedInstances(ExecutionMode mode) {
        byte[] instanceType = concat(bytes(0x42), vec(concat(bytes(0x04), externName("port"), bytes(0x02, 0x01, U16))));
        byte[] binary = new ComponentBytes()
                .vecSection(TYPE, instanceType)
                .vecSection(IMPORT, concat(externName("cfg"), bytes(0x05), u32(0)))
                .vecSection(ALIAS, aliasExport(VAL, 0, "port"))
                .vecSection(INSTANCE, concat(bytes(0x01), vec(concat(externName("v"), bytes(VAL), u32(0)))))
                .vecSection(EXPORT, export("bundle", INSTANCE_SORT, 1))
                .build();
        Engine engine = Wasm.engine(mode);
        Component c = engine.load(binary);
        Linker linker = engine.linker();
        linker.instance("cfg").value("port", Value.u16(8080));
        Instance in = linker.instantiate(c);
        assertEquals(Value.u16(8080), in.value("bundle#v"));
        assertEquals(Value.u16(8080), in.exportedInstance("bundle").value("v"));
        assertThrows(java.util.NoSuchElementException.class, () -> in.value("bundle#w"));

        Linker wrong = engine.linker();
        wrong.instance("cfg").value("port", Value.u32(8080));
        LinkException e = assertThrows(LinkException.class, () -> wrong.instantiatePre(c));
        assertEquals("cfg#port", e.importName());
        assertTrue(e.getMessage().contains("expected u16"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLiftedStartFunctionComputesAStringValue(ExecutionMode mode) {
        // Explainer.md "Start Definitions": a string import goes through the Canonical ABI into the
        // start function's memory (realloc) and its result comes back out as a new value
        byte[] binary = new ComponentBytes()
                .vecSection(TYPE, funcType(bytes(STRING), "s", bytes(STRING)))
                .vecSection(IMPORT, importValue("name", bytes(STRING)))
                .section(CORE_MODULE, Wasm.bytes("shout-core"))
                .vecSection(CORE_INSTANCE, coreInstantiate(0))
                .vecSection(
                        ALIAS,
                        aliasCoreFunc(0, "shout"),
                        aliasCoreFunc(0, "realloc"),
                        concat(bytes(0x00, 0x02, 0x01), u32(0), name("memory")))
                .vecSection(
                        CANON,
                        concat(
                                bytes(0x00, 0x00),
                                u32(0),
                                vec(bytes(0x00), bytes(0x03, 0x00), bytes(0x04, 0x01)),
                                u32(0)))
                .section(START, start(0, new int[] {0}, 1))
                .vecSection(EXPORT, export("greeting", VAL, 1))
                .build();
        Engine engine = Wasm.engine(mode);
        Component c = engine.load(binary);
        assertEquals(
                Value.string("HELLO, WÖRLD"),
                engine.linker()
                        .value("name", Value.string("hello, wÖrld"))
                        .instantiate(c)
                        .value("greeting"));
        assertEquals(
                Value.string(""),
                engine.linker().value("name", Value.string("")).instantiate(c).value("greeting"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void valuesCannotBeAliasedFromAnOuterComponent(ExecutionMode mode) {
        // Explainer.md "Alias Definitions": outer aliases may only refer to types, modules and
        // components; the binary decoder already rejects the value sort there (as wasmparser does)
        byte[] inner = new ComponentBytes()
                .vecSection(ALIAS, concat(bytes(VAL, 0x02), u32(1), u32(0)))
                .vecSection(EXPORT, export("v", VAL, 0))
                .build();
        byte[] binary = new ComponentBytes()
                .vecSection(VALUE, value(bytes(U32), u32(1)))
                .vecSection(EXPORT, export("v", VAL, 0))
                .section(COMPONENT, inner)
                .build();
        Engine engine = Wasm.engine(mode);
        dev.wit4j.binary.WasmFormatException e =
                assertThrows(dev.wit4j.binary.WasmFormatException.class, () -> engine.load(binary));
        assertTrue(e.getMessage().contains("outer alias"), e.getMessage());
    }
}
