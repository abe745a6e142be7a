package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A C program made into a WASI command component by wit-component (examples/components): nested
 * adapter modules, a shim table filled by a fixup module, WASI resources. A minimal host prints to
 * a buffer; every other import is a stub that traps.
 */
class RealCommandTest {

    @org.junit.jupiter.api.Test
    void aMissingWasiImportSaysHowToAddWasi() {
        Engine engine = Wasm.engine(ExecutionMode.INTERPRETED);
        Component command = engine.load(Path.of("../examples/components/hello-command.wasm"));
        dev.wit4j.runtime.LinkException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.wit4j.runtime.LinkException.class, () -> engine.linker().instantiate(command));
        assertTrue(e.getMessage().startsWith("import `wasi:"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "no definition in the linker; it is a WASI interface: add the WASI host to the"
                                        + " linker with WasiContext.builder()...build().addToLinker(linker) (artifact dev.wit4j:wit4j-wasi)"),
                e.getMessage());

        // a linker with some WASI already gets no such hint for the rest
        Linker some = engine.linker();
        some.instance("wasi:cli/environment@0.2.0").func("get-environment", args -> Optional.empty());
        String message = org.junit.jupiter.api.Assertions.assertThrows(
                        dev.wit4j.runtime.LinkException.class, () -> some.instantiate(command))
                .getMessage();
        assertTrue(!message.contains("WasiContext"), message);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void runsAWasiCommand(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component command = engine.load(Path.of("../examples/components/hello-command.wasm"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        HostResource output = HostResource.create("output-stream");
        HostResource input = HostResource.create("input-stream");
        Linker linker = engine.linker();
        for (Map.Entry<String, TypeView.Extern> imp : command.imports().entrySet()) {
            LinkerInstance li = linker.instance(imp.getKey());
            TypeView.Instance type = ((TypeView.Extern.InstanceItem) imp.getValue()).type();
            for (Map.Entry<String, TypeView.Extern> e : type.exports().entrySet()) {
                String name = e.getKey();
                if (e.getValue() instanceof TypeView.Extern.TypeItem t
                        && t.referenced() instanceof TypeView.Resource
                        && t.referenced().equals(t.created())) { // (sub resource); (eq ...) needs no definition
                    li.resource(
                            name,
                            name.equals("output-stream")
                                    ? output
                                    : name.equals("input-stream") ? input : HostResource.create(name));
                } else if (e.getValue() instanceof TypeView.Extern.FuncItem) {
                    li.func(name, args -> {
                        switch (name) {
                            case "get-stdout":
                            case "get-stderr":
                                return Optional.of(output.own(1));
                            case "get-stdin":
                                return Optional.of(input.own(2));
                            case "get-directories":
                                return Optional.of(Value.list(List.of()));
                            case "[method]output-stream.blocking-write-and-flush":
                                for (Value b : ((Value.ListValue) args.get(1)).elements()) {
                                    stdout.write(((Value.U8) b).value());
                                }
                                return Optional.of(Value.ok());
                            default:
                                throw new Trap(Trap.Reason.INVALID_OPERATION, "not in this test host: " + name);
                        }
                    });
                }
            }
        }
        Instance instance = linker.instantiate(command);
        assertTrue(
                instance.exportNames().contains("wasi:cli/run@0.2.12"),
                instance.exportNames().toString());
        assertEquals(
                Optional.of(Value.ok()),
                instance.func("wasi:cli/run@0.2.12#run").call());
        assertEquals(
                "hello from a wasi command",
                stdout.toString(StandardCharsets.UTF_8).strip());
    }
}
