package com.example.roundtrip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.roundtrip.RoundtripImports.Blob;
import com.example.roundtrip.RoundtripImports.Color;
import com.example.roundtrip.RoundtripImports.Everything;
import com.example.roundtrip.RoundtripImports.Perms;
import com.example.roundtrip.RoundtripImports.Point;
import com.example.roundtrip.RoundtripImports.Shape;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import dev.wit4j.runtime.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every WASI 0.2 value type crosses the boundary four times per call: lowered by the typed export
 * call, passed on by the component's core code to an import, lifted and lowered again by the typed
 * host function, and lifted by the export call. The dynamic {@code Value} API calls the same
 * exports against the typed host functions, so the generated layouts are checked against the
 * runtime's own ({@code dev.wit4j.runtime.abi.Layout}) as well as against themselves.
 */
class RoundtripTest {

    /** The host side: returns what it receives, remembering it. */
    static class Host implements RoundtripImports {
        final List<Object> received = new ArrayList<>();

        @Override
        public Everything idEverything(Everything x) {
            received.add(x);
            return x;
        }

        @Override
        public Shape idShape(Shape x) {
            received.add(x);
            return x;
        }

        @Override
        public double idF64(double x) {
            received.add(x);
            return x;
        }

        @Override
        public int idChar(int x) {
            received.add(x);
            return x;
        }

        @Override
        public Blob idBlob(Blob x) {
            received.add(x);
            return x;
        }

        @Override
        public int peekBlob(Blob x) {
            received.add(x);
            return ((Named) x).id;
        }

        @Override
        public long many(
                byte a,
                byte b,
                short c,
                short d,
                int e,
                int f,
                long g,
                long h,
                float i,
                double j,
                int k,
                boolean l,
                String m,
                byte n,
                byte o,
                byte p) {
            received.add(List.of(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p));
            return a + b + c + d + e + f + g + h + (long) i + (long) j + k + (l ? 1 : 0) + m.length() + n + o + p;
        }
    }

    /** A host resource object. */
    record Named(int id) implements Blob {}

    private final Host host = new Host();
    private Roundtrip world;

    private static byte[] wasm() throws IOException {
        try (InputStream in = RoundtripTest.class.getResourceAsStream("/roundtrip.wasm")) {
            return in.readAllBytes();
        }
    }

    @BeforeEach
    void instantiate() throws IOException {
        world = Roundtrip.instantiate(
                Engine.create(),
                wasm(),
                Roundtrip.Imports.builder().roundtripImports(host).build());
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape.Circle(1.5f),
            new Shape.Circle(Float.NaN),
            new Shape.Big(-1L),
            new Shape.Label("snow ☃"),
            new Shape.At(new Point(-3, 7)),
            new Shape.None());

    private static Everything everything(int n) {
        List<Optional<Shape>> x = new ArrayList<>();
        SHAPES.forEach(s -> x.add(Optional.of(s)));
        x.add(Optional.empty());
        return new Everything(
                n % 2 == 0,
                (byte) -n,
                (byte) 0xFE,
                (short) -300,
                (short) 0xFFFF,
                Integer.MIN_VALUE + n,
                0xFFFF_FFF0,
                Long.MIN_VALUE,
                -2L,
                0.25f,
                -1e300,
                0x1F600,
                "hé ☃ " + n,
                new byte[] {0, (byte) 0x80, (byte) 0xFF},
                List.of(new Point(1, 2), new Point(-3, -4)),
                n % 2 == 0 ? Optional.of(0xFFFF_FFFF) : Optional.empty(),
                n % 2 == 0 ? Result.ok("fine") : Result.err((byte) 0xFF),
                new Tuple2<>((short) 0xFFFF, 0x10FFFF),
                SHAPES.get(n % SHAPES.size()),
                Color.values()[n % 3],
                n % 2 == 0 ? EnumSet.of(Perms.READ, Perms.EXEC) : EnumSet.noneOf(Perms.class),
                new double[] {0.5, -0.0, Double.MAX_VALUE},
                List.of("", "a", "𝄞"),
                x);
    }

    /** Field-wise equality (the record holds arrays, which records compare by identity). */
    private static void assertSameEverything(Everything want, Everything got) {
        assertEquals(
                List.of(
                        want.a(), want.b(), want.c(), want.d(), want.e(), want.f(), want.g(), want.h(), want.i(),
                        want.j(), want.k(), want.l(), want.m()),
                List.of(
                        got.a(), got.b(), got.c(), got.d(), got.e(), got.f(), got.g(), got.h(), got.i(), got.j(),
                        got.k(), got.l(), got.m()));
        assertArrayEquals(want.n(), got.n());
        assertEquals(want.o(), got.o());
        assertEquals(want.p(), got.p());
        assertEquals(want.q(), got.q());
        assertEquals(want.r(), got.r());
        assertEquals(want.s(), got.s());
        assertEquals(want.t(), got.t());
        assertEquals(want.u(), got.u());
        assertArrayEquals(want.v(), got.v());
        assertEquals(want.w(), got.w());
        assertEquals(want.x(), got.x());
    }

    @Test
    void aNullFieldIsRefusedWhereTheRecordIsMade() {
        Everything e = everything(0);
        NullPointerException npe = assertThrows(
                NullPointerException.class,
                () -> new Everything(
                        e.a(), e.b(), e.c(), e.d(), e.e(), e.f(), e.g(), e.h(), e.i(), e.j(), e.k(), e.l(), null, e.n(),
                        e.o(), e.p(), e.q(), e.r(), e.s(), e.t(), e.u(), e.v(), e.w(), e.x()));
        assertEquals("field `m` of record `everything` is null", npe.getMessage());
    }

    @Test
    void everyTypeRoundTripsThroughTheComponent() {
        for (int n = 0; n < 6; n++) {
            Everything e = everything(n);
            Everything back = world.echoEverything(e);
            assertSameEverything(e, back);
            assertSameEverything(e, (Everything) host.received.get(host.received.size() - 1));
        }
        for (Shape s : SHAPES) {
            assertEquals(s, world.echoShape(s));
        }
        assertEquals(-0.0, world.echoF64(-0.0));
        assertEquals(
                Double.doubleToRawLongBits(Double.NaN),
                Double.doubleToRawLongBits(world.echoF64(Double.longBitsToDouble(0x7ff0000000000abcL))),
                "NaNs are canonicalised");
        assertEquals(0x10FFFF, world.echoChar(0x10FFFF));
        long many = world.echoMany(
                (byte) -1,
                (byte) -2,
                (short) 3,
                (short) -4,
                5,
                -6,
                7L,
                -8L,
                9.5f,
                10.5,
                'k',
                true,
                "twelve",
                (byte) 13,
                (byte) 14,
                (byte) 15);
        assertEquals(-1 - 2 + 3 - 4 + 5 - 6 + 7 - 8 + 9 + 10 + 'k' + 1 + 6 + 13 + 14 + 15, many);
        assertEquals(
                List.of(
                        (byte) -1,
                        (byte) -2,
                        (short) 3,
                        (short) -4,
                        5,
                        -6,
                        7L,
                        -8L,
                        9.5f,
                        10.5,
                        (int) 'k',
                        true,
                        "twelve",
                        (byte) 13,
                        (byte) 14,
                        (byte) 15),
                host.received.get(host.received.size() - 1));
    }

    @Test
    void hostResourcesPassOwnedAndBorrowed() {
        Named b = new Named(42);
        assertSame(b, world.echoBlob(b), "the same host object comes back through the component's handle table");
        assertEquals(42, world.echoPeek(b));
        assertEquals(7, world.echoPeek(new Named(7)));
        assertSame(b, host.received.get(1));
    }

    @Test
    void componentResourcesMoveToTheHostAndBack() {
        Things things = world.things();
        Things.Thing five = things.newThing(5);
        assertEquals(5, five.get(), "a borrow of its own resource reaches the component as the representation");
        assertEquals(5, things.thingConsume(five), "an owned handle moves back into the component");
        assertThrows(IllegalStateException.class, five::handle, "the host's object gave its handle away");
        assertEquals(5, things.dropped(), "the component dropped it: its destructor ran");
        Things.Thing seven = things.newThing(7);
        seven.close();
        assertEquals(12, things.dropped(), "close() drops the handle in the component");
        assertFalse(world.instance().isPoisoned());
    }

    @Test
    void badArgumentsAreRejectedWithoutPoisoning() {
        assertThrows(IllegalArgumentException.class, () -> world.echoChar(0xD800));
        assertThrows(NullPointerException.class, () -> world.echoShape(null));
        assertThrows(IllegalArgumentException.class, () -> world.echoShape(new Shape.Label("\uDC00")));
        assertFalse(world.instance().isPoisoned());
        assertEquals(new Shape.None(), world.echoShape(new Shape.None()));
    }

    @Test
    void aHostTrapPoisonsTheInstance() throws IOException {
        Roundtrip failing = Roundtrip.instantiate(
                Engine.create(),
                wasm(),
                Roundtrip.Imports.builder()
                        .roundtripImports(new Host() {
                            @Override
                            public double idF64(double x) {
                                throw new IllegalStateException("no");
                            }
                        })
                        .build());
        Trap t = assertThrows(Trap.class, () -> failing.echoF64(1));
        assertTrue(t.getMessage().contains("id-f64"), t.getMessage());
        assertTrue(failing.instance().isPoisoned());
        assertEquals(
                Trap.Reason.CANNOT_ENTER,
                assertThrows(Trap.class, () -> failing.echoChar('a')).reason());
    }

    /** The dynamic API lowers with the runtime's layouts; the typed host functions must read them. */
    @Test
    void typedImportsAgreeWithTheRuntimesLayouts() {
        Instance in = world.instance();
        Value point = Value.recordBuilder()
                .field("x", Value.s32(-3))
                .field("y", Value.s32(7))
                .build();
        Value at = Value.variant("at", point);
        assertEquals(Optional.of(at), in.func("echo-shape").call(at));
        assertEquals(new Shape.At(new Point(-3, 7)), host.received.get(0));
        Value label = Value.variant("label", Value.string("snow ☃"));
        assertEquals(Optional.of(label), in.func("echo-shape").call(label));
        assertEquals(new Shape.Label("snow ☃"), host.received.get(1));
        Value big = Value.variant("big", Value.u64(-1L));
        assertEquals(Optional.of(big), in.func("echo-shape").call(big));

        Everything e = everything(0);
        Value v = toValue(e);
        Optional<Value> back = in.func("echo-everything").call(v);
        assertSameEverything(e, (Everything) host.received.get(3));
        assertEquals(Optional.of(v), back);

        Optional<Value> many = in.func("echo-many")
                .call(
                        Value.u8((byte) 1),
                        Value.s8((byte) -2),
                        Value.u16((short) 3),
                        Value.s16((short) -4),
                        Value.u32(5),
                        Value.s32(-6),
                        Value.u64(7),
                        Value.s64(-8),
                        Value.f32(9.5f),
                        Value.f64(10.5),
                        Value.character('k'),
                        Value.bool(true),
                        Value.string("twelve"),
                        Value.u8((byte) 13),
                        Value.u8((byte) 14),
                        Value.u8((byte) 15));
        assertEquals(Optional.of(Value.s64(1 - 2 + 3 - 4 + 5 - 6 + 7 - 8 + 9 + 10 + 'k' + 1 + 6 + 13 + 14 + 15)), many);
    }

    private static Value shape(Shape s) {
        if (s instanceof Shape.Circle c) {
            return Value.variant("circle", Value.f32(c.value()));
        } else if (s instanceof Shape.Big b) {
            return Value.variant("big", Value.u64(b.value()));
        } else if (s instanceof Shape.Label l) {
            return Value.variant("label", Value.string(l.value()));
        } else if (s instanceof Shape.At a) {
            return Value.variant(
                    "at",
                    Value.recordBuilder()
                            .field("x", Value.s32(a.value().x()))
                            .field("y", Value.s32(a.value().y()))
                            .build());
        }
        return Value.variant("none");
    }

    private static Value toValue(Everything e) {
        List<Value> n = new ArrayList<>();
        for (byte b : e.n()) {
            n.add(new Value.U8(b));
        }
        List<Value> o = new ArrayList<>();
        e.o().forEach(p -> o.add(Value.recordBuilder()
                .field("x", Value.s32(p.x()))
                .field("y", Value.s32(p.y()))
                .build()));
        List<Value> v = new ArrayList<>();
        for (double d : e.v()) {
            v.add(Value.f64(d));
        }
        List<Value> w = new ArrayList<>();
        e.w().forEach(s -> w.add(Value.string(s)));
        List<Value> x = new ArrayList<>();
        e.x().forEach(s -> x.add(s.map(sh -> Value.some(shape(sh))).orElse(Value.none())));
        Set<String> perms = new java.util.LinkedHashSet<>();
        e.u().forEach(p -> perms.add(p.name().toLowerCase(java.util.Locale.ROOT)));
        return Value.recordBuilder()
                .field("a", Value.bool(e.a()))
                .field("b", new Value.S8(e.b()))
                .field("c", new Value.U8(e.c()))
                .field("d", new Value.S16(e.d()))
                .field("e", new Value.U16(e.e()))
                .field("f", Value.s32(e.f()))
                .field("g", new Value.U32(e.g()))
                .field("h", Value.s64(e.h()))
                .field("i", Value.u64(e.i()))
                .field("j", Value.f32(e.j()))
                .field("k", Value.f64(e.k()))
                .field("l", Value.character(e.l()))
                .field("m", Value.string(e.m()))
                .field("n", Value.list(n))
                .field("o", Value.list(o))
                .field("p", e.p().map(i -> Value.some(new Value.U32(i))).orElse(Value.none()))
                .field(
                        "q",
                        e.q().isOk()
                                ? Value.ok(Value.string(e.q().okValue().orElseThrow()))
                                : Value.err(new Value.U8(e.q().errValue().orElseThrow())))
                .field("r", Value.tuple(new Value.U16(e.r().first()), Value.character(e.r().second())))
                .field("s", shape(e.s()))
                .field("t", Value.enumCase(e.t().name().toLowerCase(java.util.Locale.ROOT)))
                .field("u", new Value.FlagsValue(perms))
                .field("v", Value.list(v))
                .field("w", Value.list(w))
                .field("x", Value.list(x))
                .build();
    }
}
