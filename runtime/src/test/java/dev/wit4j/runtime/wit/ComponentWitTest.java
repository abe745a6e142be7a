package dev.wit4j.runtime.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComponentWitTest {

    private static String print(byte[] bytes) {
        return WitPrinter.print(ComponentWit.decode(bytes).resolve());
    }

    @Test
    void componentWithFreeFunctionExports() {
        assertEquals("""
                package root:component;

                world root {
                  export add: func(a: u32, b: u32) -> u32;
                  export greet: func(name: string) -> string;
                }
                """, print(WitFixtures.bytes(WitFixtures.EXAMPLES.resolve("calc.wasm"))));
    }

    @Test
    void typesSharingPartsAndPlainNamedImportsOfOneInterface() {
        assertEquals("""
                package root:component;

                world root {
                  import primary: test:io/store;
                  import secondary: test:io/store;

                  export test:io/io;
                }
                package test:io {
                  interface store {
                    resource bucket {
                      open: static func(name: string) -> result<bucket, string>;
                      get: func(key: string) -> option<list<u8>>;
                    }
                  }
                  interface io {
                    read: func() -> result<list<u8>, string>;

                    write: func(c: list<u8>);
                  }
                }
                """, print(WitFixtures.fixture("io.wasm")));
    }

    @Test
    void resourcesAliasesAndWorldUses() {
        assertEquals("""
                package root:component;

                world root {
                  import test:fs/files@0.1.0;
                  use test:fs/files@0.1.0.{file};
                  import close: func(f: file);

                  export discard: func(f: file);
                }
                package test:fs@0.1.0 {
                  interface files {
                    resource file {
                      constructor(path: string);
                      size: func() -> u64;
                      same: static func(a: borrow<file>, b: borrow<file>) -> bool;
                    }

                    type bytes = list<u8>;

                    read: func(f: borrow<file>) -> option<bytes>;
                  }
                }
                """, print(WitFixtures.fixture("handles.wasm")));
    }

    @Test
    void resourceMembersBecomeConstructorMethodAndStatic() {
        DecodedWit wit = ComponentWit.decode(WitFixtures.fixture("handles.wasm"));
        World world = wit.world();
        assertEquals("root:component/root", world.qualifiedName());
        PackageName fs = PackageName.of(
                "test", "fs", dev.wit4j.witx.model.Version.parse("0.1.0").orElseThrow());
        WorldItem.InterfaceItem files =
                (WorldItem.InterfaceItem) world.imports().get(new WorldKey.InterfaceName(fs, "files"));
        Interface i = files.iface();
        TypeDef file = i.types().get("file");
        assertTrue(i.functions().get("[constructor]file").kind() instanceof Function.Kind.Constructor c
                && c.resource().equals(file));
        Function size = i.functions().get("[method]file.size");
        assertTrue(size.kind() instanceof Function.Kind.Method);
        assertEquals(new ValueType.HandleType(file, true), size.params().get(0).type());
        assertTrue(i.functions().get("[static]file.same").kind() instanceof Function.Kind.Static);
        WorldItem.TypeItem used = (WorldItem.TypeItem) world.imports().get(new WorldKey.Name("file"));
        assertEquals(new ValueType.Named(file), used.type().kind());
    }

    @Test
    void interfacesOfOtherPackagesComeAfterTheRootInDependencyOrder() {
        String printed = print(WitFixtures.fixture("kitchen.wasm"));
        int clock = printed.indexOf("package test:clock@1.2.0 {");
        int kitchen = printed.indexOf("package test:kitchen {");
        assertTrue(clock > 0 && kitchen > clock, printed);
        assertTrue(printed.contains("""
                  interface sink {
                    use test:clock/time@1.2.0.{instant, duration};

                    variant event {
                      tick(instant),
                      pause(duration),
                      message(tuple<u32, string>),
                      stop,
                    }
                """), printed);
        assertTrue(
                printed.contains(
                        "    %type: func(x: char, y: f32, z: f64, w: s8, v: s16, u: u16, t: s64, b: bool) -> one;\n"),
                printed);
        assertTrue(printed.contains("  export tools: interface {\n    enum level {\n"), printed);
    }

    @Test
    void coreModuleWithEmbeddedComponentType() {
        String printed = print(WitFixtures.fixture("rich.core.wasm"));
        assertTrue(printed.startsWith("""
                package root:root;

                world root {
                  import test:rich/types@0.1.0;
                  use test:rich/types@0.1.0.{perms};
                  import log: func(msg: string);
                  import check: func(p: perms) -> bool;

                  export run: func() -> result;
                  export test:rich/api@0.1.0;
                }
                package test:rich@0.1.0 {
                  interface types {
                    record point {
                """), printed);
        // The embedded world keeps its package, with every type of the interface (nothing is unused).
        assertTrue(printed.contains("    variant shape {\n"), printed);
        assertTrue(printed.contains("    use types.{point, color, blob, id as ident};\n"), printed);
        assertTrue(printed.endsWith("""
                  world rich {
                    import types;
                    use types.{perms};
                    import log: func(msg: string);
                    import check: func(p: perms) -> bool;

                    export run: func() -> result;
                    export api;
                  }
                }
                """), printed);
    }

    @Test
    void coreModuleWithoutComponentTypeHasAnEmptyWorld() {
        byte[] empty = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        assertEquals("package root:root;\n\nworld root {\n}\n", print(empty));
    }

    static Stream<Path> printable() {
        return Stream.concat(
                WitFixtures.components().stream(),
                Stream.of("rich.core.wasm", "kitchen.core.wasm").map(WitFixtures.DIR::resolve));
    }

    @ParameterizedTest
    @MethodSource("printable")
    void printedWitResolvesToTheSameText(Path file) {
        String printed = print(WitFixtures.bytes(file));
        assertEquals(printed, WitPrinter.print(WitResolver.resolveString(file + ".wit", printed)));
    }

    @Test
    void malformedBinaryNamesTheOffset() {
        byte[] good = WitFixtures.fixture("handles.wasm");
        WasmFormatException e = assertThrows(
                WasmFormatException.class, () -> ComponentWit.decode(Arrays.copyOf(good, good.length - 3)));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void theInterfaceIsReadWithoutValidatingCoreCode() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dev.wit4j.runtime.fuzz.Wat.available(), "node and the pinned jco assemble the component");
        // a body that returns an i64 from a function of type () -> i32: invalid core code
        dev.wit4j.runtime.fuzz.Wat.Assembled wasm =
                dev.wit4j.runtime.fuzz.Wat.assemble(List.of("""
                (component
                  (core module $m (func (export "f") (result i32) i64.const 1))
                  (core instance $i (instantiate $m))
                  (func (export "f") (result u32) (canon lift (core func $i "f"))))
                """)).get(0);
        assertEquals(null, wasm.error());
        // WIT describes the component's types, which are sound (wasm-tools' WIT decoding does the same)
        String wit = WitPrinter.print(ComponentWit.decode(wasm.wasm()).resolve());
        assertTrue(wit.contains("export f: func() -> u32;"), wit);
        // loading validates everything
        WasmFormatException e = assertThrows(
                WasmFormatException.class,
                () -> dev.wit4j.runtime.Engine.create().load(wasm.wasm()));
        assertTrue(e.getMessage().contains("invalid core module"), e.getMessage());
    }

    @Test
    void topLevelTypeExportCannotBeWrittenAsWit() {
        WitDecodingException e = assertThrows(
                WitDecodingException.class, () -> ComponentWit.decode(WitFixtures.fixture("bad-type-export.wasm")));
        assertTrue(e.reason().startsWith("component export `point` was not a function or instance"), e.getMessage());
    }

    @Test
    void interfaceNames() {
        InterfaceName n = InterfaceName.parse("wasi:io/streams@0.2.12").orElseThrow();
        assertEquals("wasi:io@0.2.12", n.pkg().toString());
        assertEquals("streams", n.iface());
        assertEquals("a:b", InterfaceName.parse("a:b/c").orElseThrow().pkg().toString());
        assertTrue(InterfaceName.parse("plain-name").isEmpty());
        assertTrue(InterfaceName.parse("[method]r.m").isEmpty());
    }

    @Test
    void componentTypeSectionsAreFoundByName() {
        List<ComponentTypeSections.Section> sections =
                ComponentTypeSections.read(WitFixtures.fixture("rich.core.wasm"));
        assertEquals(1, sections.size());
        assertTrue(sections.get(0).name().startsWith("component-type"));
        assertEquals(0x00, sections.get(0).data()[0]);
    }
}
