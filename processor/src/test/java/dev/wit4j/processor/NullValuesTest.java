package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code null} where the WIT type has no null, in a value the host returns to a component (a
 * {@code Result.ok(null)} of a {@code result<string, u8>}, a variant case made with {@code null},
 * no value at all) or passes to one, is refused with a {@link NullPointerException} naming the value;
 * the trap the calling component sees names the function too. The bindings of the roundtrip example
 * are compiled here and run against its component.
 */
class NullValuesTest {
    private static final Path ROUNDTRIP = Path.of("..", "examples", "roundtrip", "src", "main");
    private static final String PKG = "nulls.rt";

    private static ClassLoader loader;
    private static byte[] wasm;

    @BeforeAll
    static void compile() throws Exception {
        Compilation c = Harness.compileWorld(PKG, "example:roundtrip/roundtrip", ROUNDTRIP.resolve("wit"));
        assertThat(c).succeededWithoutWarnings();
        loader = new GeneratedClasses(c, NullValuesTest.class.getClassLoader());
        wasm = Files.readAllBytes(ROUNDTRIP.resolve("resources/roundtrip.wasm"));
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return loader.loadClass(PKG + "." + name);
    }

    /** A world instance whose host implementation of {@code id-everything} and {@code id-shape} is {@code host}. */
    private static Object instantiate(Function<Object, Object> host) throws Exception {
        Class<?> imports = type("RoundtripImports");
        Object impl =
                Proxy.newProxyInstance(loader, new Class<?>[] {imports}, (proxy, m, args) -> switch (m.getName()) {
                    case "idEverything", "idShape" -> host.apply(args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "host";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Class<?> world = type("Roundtrip");
        Class<?> importsOfWorld = type("Roundtrip$Imports");
        Object builder = importsOfWorld.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("roundtripImports", imports).invoke(builder, impl);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        return world.getMethod("instantiate", Engine.class, byte[].class, importsOfWorld)
                .invoke(null, Engine.create(), wasm, built);
    }

    /** What calling {@code method} (taking a {@code RoundtripImports.<param>}) of {@code world} with {@code arg} throws. */
    private static Throwable call(Object world, String method, String param, Object arg) throws Exception {
        Method m = world.getClass().getMethod(method, type("RoundtripImports$" + param));
        return assertThrows(InvocationTargetException.class, () -> m.invoke(world, arg))
                .getCause();
    }

    private static Object shape(String variantCase, Object payload) throws Exception {
        Class<?> c = type("RoundtripImports$Shape$" + variantCase);
        return payload == null && c.getRecordComponents().length == 0
                ? c.getConstructor().newInstance()
                : c.getConstructor(c.getRecordComponents()[0].getType()).newInstance(payload);
    }

    /** An {@code everything} record of plain values, with {@code q} as given. */
    private static Object everything(Result<String, Byte> q) throws Exception {
        Class<?> c = type("RoundtripImports$Everything");
        RecordComponent[] rc = c.getRecordComponents();
        Object[] values = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            values[i] = plain(rc[i].getName(), types[i], q);
        }
        return c.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object plain(String field, Class<?> t, Result<String, Byte> q) throws Exception {
        if (t == boolean.class) return false;
        if (t == byte.class) return (byte) 0;
        if (t == short.class) return (short) 0;
        if (t == int.class) return 0;
        if (t == long.class) return 0L;
        if (t == float.class) return 0f;
        if (t == double.class) return 0d;
        if (t == String.class) return "";
        if (t == byte[].class) return new byte[0];
        if (t == double[].class) return new double[0];
        if (t == List.class) return List.of();
        if (t == Optional.class) return Optional.empty();
        if (t == Result.class) return q;
        if (t == Tuple2.class) return new Tuple2<>((short) 0, 0);
        if (t.isEnum()) return t.getEnumConstants()[0];
        if (t == java.util.Set.class) return noFlags(type("RoundtripImports$Perms"));
        if (field.equals("s")) return shape("None", null);
        throw new IllegalStateException("no plain value of " + t + " for field " + field);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object noFlags(Class<?> flags) {
        return EnumSet.noneOf((Class) flags);
    }

    @Test
    void aNullPayloadOfAResultTheHostReturnsIsATrapNamingTheFunctionAndTheValue() throws Exception {
        Object world = instantiate(x -> {
            try {
                return everything(Result.ok(null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Trap t = assertInstanceOf(
                Trap.class, call(world, "echoEverything", "Everything", everything(Result.ok("fine"))));
        assertEquals(
                "host implementation of `id-everything` threw java.lang.NullPointerException: "
                        + "`ok` value of field `q` of record `everything` is null",
                hostPart(t));
        assertInstanceOf(NullPointerException.class, t.hostException().orElseThrow());
    }

    @Test
    void aNullPayloadOfAVariantOrNoResultAtAllIsATrapNamingThem() throws Exception {
        Object label = instantiate(x -> {
            try {
                return shape("Label", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(
                "host implementation of `id-shape` threw java.lang.NullPointerException: "
                        + "payload of case `label` of variant `shape` is null",
                hostPart(assertInstanceOf(Trap.class, call(label, "echoShape", "Shape", shape("None", null)))));
        Object none = instantiate(x -> null);
        assertEquals(
                "host implementation of `id-shape` threw java.lang.NullPointerException: result of `id-shape` is null",
                hostPart(assertInstanceOf(Trap.class, call(none, "echoShape", "Shape", shape("None", null)))));
    }

    @Test
    void aNullInsideAnArgumentIsRefusedNamingItAndTheInstanceStaysUsable() throws Exception {
        Object world = instantiate(x -> x);
        Throwable e = call(world, "echoShape", "Shape", shape("Label", null));
        assertInstanceOf(NullPointerException.class, e);
        assertEquals("payload of case `label` of argument `x` of `echo-shape` is null", e.getMessage());
        e = call(world, "echoEverything", "Everything", everything(Result.err(null)));
        assertEquals("`err` value of field `q` of record `everything` is null", e.getMessage());
        assertFalse(((Instance) world.getClass().getMethod("instance").invoke(world)).isPoisoned());
    }

    /** The trap's message from the host's part on (it starts with where the trap is). */
    private static String hostPart(Trap t) {
        String m = t.getMessage();
        return m.substring(m.indexOf("host implementation"))
                .lines()
                .findFirst()
                .orElseThrow()
                .replaceFirst(" \\(in component .*$", "");
    }
}
