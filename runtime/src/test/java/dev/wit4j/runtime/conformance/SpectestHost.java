package dev.wit4j.runtime.conformance;

import dev.wit4j.runtime.HostFunction;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.LinkerModules;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;

/**
 * The host definitions wasmtime's {@code .wast} runner gives every component (its
 * {@code link_component_spectest} and {@code register_wasmtime}), so that the wasmtime suite's
 * components that import them link and behave the same here.
 *
 * <p>One shim per {@code .wast} file, as wasmtime has one per script: the resource types and the
 * drop counters are shared by every component of the file. Host assertions (wasmtime's
 * {@code assert_eq!}, a panic there) throw {@link IllegalStateException}, which is not a trap and
 * so fails the check that made the call.
 */
final class SpectestHost {

    /** {@code (module (global (export "g") i32 i32.const 100) (func (export "f") (result i32) i32.const 101))}. */
    private static final byte[] SIMPLE_MODULE = {
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        0x01,
        0x05,
        0x01,
        0x60,
        0x00,
        0x01,
        0x7f, // type 0: () -> i32
        0x03,
        0x02,
        0x01,
        0x00, // func 0: type 0
        0x06,
        0x07,
        0x01,
        0x7f,
        0x00,
        0x41,
        (byte) 0xe4,
        0x00,
        0x0b, // global 0: i32 = 100
        0x07,
        0x09,
        0x02,
        0x01,
        0x67,
        0x03,
        0x00,
        0x01,
        0x66,
        0x00,
        0x00, // exports g, f
        0x0a,
        0x07,
        0x01,
        0x05,
        0x00,
        0x41,
        (byte) 0xe5,
        0x00,
        0x0b, // f: i32.const 101
    };

    private int drops;
    private int lastDrop;

    /** wasmtime registers {@code resource1} and {@code resource1-again} as the same host type. */
    private final HostResource resource1 = HostResource.create("resource1", rep -> {
        drops++;
        lastDrop = rep;
    });

    private final HostResource resource2 = HostResource.create("resource2");

    /** Adds the shim's definitions to a fresh linker. */
    void define(Linker linker) {
        linker.func("host-return-two", returning(Value.u32(2)));
        linker.func("host-echo-u32", args -> Optional.of(args.get(0)));

        LinkerInstance host = linker.instance("host");
        host.func("return-three", returning(Value.u32(3)));
        host.instance("nested").func("return-four", returning(Value.u32(4)));
        LinkerModules.define(host, "simple-module", SIMPLE_MODULE);
        host.resource("resource1", resource1);
        host.resource("resource2", resource2);
        host.resource("resource1-again", resource1);
        host.func("[constructor]resource1", args -> Optional.of(resource1.own(u32(args.get(0)))));
        host.func("[static]resource1.assert", args -> {
            expect(HostResource.rep(args.get(0)) == u32(args.get(1)), "resource1.assert: rep differs");
            return Optional.empty();
        });
        host.func("[static]resource1.last-drop", args -> Optional.of(Value.u32(Integer.toUnsignedLong(lastDrop))));
        host.func("[static]resource1.drops", args -> Optional.of(Value.u32(drops)));
        host.func("[method]resource1.simple", args -> {
            expect(args.get(0) instanceof Value.Borrow, "resource1.simple: self is not a borrow");
            expect(HostResource.rep(args.get(0)) == u32(args.get(1)), "resource1.simple: rep differs");
            return Optional.empty();
        });
        host.func("[method]resource1.take-borrow", args -> {
            expect(
                    args.get(0) instanceof Value.Borrow && args.get(1) instanceof Value.Borrow,
                    "resource1.take-borrow: expected two borrows");
            return Optional.empty();
        });
        host.func("[method]resource1.take-own", args -> {
            expect(
                    args.get(0) instanceof Value.Borrow && args.get(1) instanceof Value.Own,
                    "resource1.take-own: expected a borrow and an own");
            return Optional.empty();
        });
        // wasmtime's concurrent host functions: those that return do so later, which the runtime's
        // host functions cannot yet; the ones that never return only make sense to a caller that
        // can wait (async).
        host.func("return-two-slowly", finishesLater("return-two-slowly"));
        host.func("echo-slowly", finishesLater("echo-slowly"));
        host.func("never-return", neverReturns("never-return"));
        host.func("[method]resource1.never-return", neverReturns("[method]resource1.never-return"));
        host.func("return-hi", returning(Value.string("hi")));

        LinkerInstance wasmtime = linker.instance("wasmtime");
        wasmtime.func("gc", args -> Optional.empty()); // nothing to collect: no GC references
        wasmtime.func("set-max-table-capacity", args -> {
            throw new UnsupportedOperationException(
                    "wasmtime#set-max-table-capacity (a limit of the async " + "task table) is not supported yet");
        });
    }

    private static HostFunction returning(Value value) {
        return args -> Optional.of(value);
    }

    private static HostFunction neverReturns(String name) {
        return args -> {
            throw new UnsupportedOperationException("host#" + name + " never returns: it needs a caller that "
                    + "can wait (async), which is not supported yet");
        };
    }

    private static HostFunction finishesLater(String name) {
        return args -> {
            throw new UnsupportedOperationException("host#" + name + " returns its value later: host functions"
                    + " that finish after they return (async host functions) are not supported yet");
        };
    }

    private static int u32(Value v) {
        return ((Value.U32) v).value();
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("host assertion failed: " + message);
        }
    }
}
