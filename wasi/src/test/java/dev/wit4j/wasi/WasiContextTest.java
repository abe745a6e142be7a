package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import dev.wit4j.runtime.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WasiContextTest {
    private static Engine engine;
    private static Component hello;

    @BeforeAll
    static void load() {
        engine = Engine.create();
        hello = engine.load(Path.of("../examples/components/hello-command.wasm"));
    }

    @Test
    void runsTheHelloCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = WasiContext.builder()
                .args("hello-command.wasm")
                .stdout(out)
                .build()
                .run(engine, hello);
        assertEquals(0, code);
        assertEquals(
                "hello from a wasi command",
                out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void argumentsEnvironmentAndExitCodeReachTheGuest() {
        Component echo = engine.load(Path.of("../examples/components/echo-args.wasm"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                WasiContext.builder()
                        .args("echo-args.wasm", "a", "b")
                        .stdout(out)
                        .build()
                        .run(engine, echo));
        assertEquals(
                List.of("echo-args.wasm", "a", "b"),
                out.toString(StandardCharsets.UTF_8).lines().toList());

        out.reset();
        assertEquals(
                0,
                WasiContext.builder()
                        .args("e", "x")
                        .env("K", "V")
                        .env("L", "a=b")
                        .stdout(out)
                        .build()
                        .run(engine, echo));
        assertEquals(
                List.of("e", "x", "K=V", "L=a=b"),
                out.toString(StandardCharsets.UTF_8).lines().toList());

        // proc_exit(3): the preview1 adapter jco ships has no exit-with-code, so non-zero becomes exit(err) = 1.
        out.reset();
        assertEquals(
                1, WasiContext.builder().args("e", "--fail").stdout(out).build().run(engine, echo));
        assertEquals(
                List.of("e", "--fail"),
                out.toString(StandardCharsets.UTF_8).lines().toList());

        // Nothing is granted by default: no arguments, no environment, no output.
        assertEquals(0, WasiContext.builder().build().run(engine, echo));
    }

    @Test
    void addToLinkerCombinesWasiWithTheEmbeddersOwnImports() {
        // Imports wasi:clocks/monotonic-clock@0.2.0 (defined at 0.2.12) and the root function `offset`.
        Component mixed = engine.load(Path.of("src/test/resources/components/clock-plus-host.wasm"));
        AtomicLong nanos = new AtomicLong(1_000);
        WasiContext wasi = WasiContext.builder().monotonicClock(nanos::get).build();
        nanos.addAndGet(500);
        Linker linker = engine.linker();
        assertSame(linker, wasi.addToLinker(linker));
        linker.func("offset", args -> Optional.of(Value.u64(((Value.U64) args.get(0)).value() + 7)));
        Optional<Value> r = linker.instantiate(mixed).func("run").call();
        assertEquals(Value.u64(507), r.orElseThrow());
        // WASI alone does not satisfy it.
        assertThrows(LinkException.class, () -> wasi.instantiate(engine, mixed));
        // Interfaces already there are not silently replaced.
        assertThrows(IllegalArgumentException.class, () -> wasi.addToLinker(linker));
    }

    @Test
    void addToLinkerRunsTheHelloCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiContext wasi = WasiContext.builder().stdout(out).build();
        assertTrue(wasi.addToLinker(engine.linker()).instantiate(hello).exportNames().stream()
                .anyMatch(n -> n.startsWith("wasi:cli/run@0.2.")));
        assertEquals(0, wasi.run(engine, hello));
        assertEquals(
                "hello from a wasi command",
                out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void outputIsDiscardedUnlessGranted() {
        assertEquals(0, WasiContext.builder().build().run(engine, hello));
    }

    @Test
    void environmentAndArgumentsOnlyWhenGranted() {
        Cli none = new Cli(List.of(), Map.of(), System.in, System.out, System.err);
        assertEquals(List.of(), none.getEnvironment());
        assertEquals(List.of(), none.getArguments());
        assertEquals(Optional.empty(), none.initialCwd());
        Cli some = new Cli(List.of("prog", "x"), Map.of("K", "V"), System.in, System.out, System.err);
        assertEquals(List.of(new Tuple2<>("K", "V")), some.getEnvironment());
        assertEquals(List.of("prog", "x"), some.getArguments());
    }

    @Test
    void exitCarriesItsCode() {
        Cli cli = new Cli(List.of(), Map.of(), System.in, System.out, System.err);
        assertEquals(
                0, assertThrows(WasiExit.class, () -> cli.exit(Result.ok())).code());
        assertEquals(
                1, assertThrows(WasiExit.class, () -> cli.exit(Result.err())).code());
        assertEquals(
                200,
                assertThrows(WasiExit.class, () -> cli.exitWithCode((byte) 200)).code());
    }

    @Test
    void randomIsDeterministicWithASeededGenerator() {
        Randomness a = new Randomness(new java.util.Random(42), new java.util.Random(42));
        Randomness b = new Randomness(new java.util.Random(42), new java.util.Random(42));
        assertArrayEquals(a.getRandomBytes(16), b.getRandomBytes(16));
        assertEquals(a.getInsecureRandomU64(), b.getInsecureRandomU64());
        assertEquals(a.insecureSeed(), b.insecureSeed());
        assertEquals(7, a.getInsecureRandomBytes(7).length);
    }

    @Test
    void clocksFollowTheOverrides() {
        Wall wall = new Wall(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 5), ZoneOffset.UTC));
        assertEquals(new WallClock.Datetime(1_700_000_000L, 5), wall.now());
        AtomicLong nanos = new AtomicLong(1000);
        Monotonic mono = new Monotonic(nanos::get);
        assertEquals(0, mono.now());
        Poll.Pollable timer = mono.subscribeDuration(50);
        assertTrue(!timer.ready());
        nanos.addAndGet(50);
        assertTrue(timer.ready());
        assertEquals(50, mono.now());
        assertArrayEquals(new int[] {1}, new Pollables().poll(List.of(mono.subscribeInstant(500), timer)));
    }

    @Test
    void streamsReadAndWrite() {
        HostInputStream in =
                new HostInputStream(new java.io.ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(
                "ab".getBytes(StandardCharsets.UTF_8), in.read(2).okValue().orElseThrow());
        assertArrayEquals(
                "c".getBytes(StandardCharsets.UTF_8),
                in.blockingRead(10).okValue().orElseThrow());
        assertEquals(new Result.Err<>(new Streams.StreamError.Closed()), in.read(1));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        HostOutputStream out = new HostOutputStream(sink);
        assertEquals(Result.ok(HostOutputStream.BUDGET), out.checkWrite());
        assertTrue(out.write(new byte[] {1, 2}).isOk());
        assertTrue(out.blockingWriteZeroesAndFlush(2).isOk());
        assertTrue(out.subscribe().ready());
        assertArrayEquals(new byte[] {1, 2, 0, 0}, sink.toByteArray());
    }
}
