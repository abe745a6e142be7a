package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ErrorContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code error-context} in generated bindings: the Java type is the runtime's {@link ErrorContext};
 * the world's exports run against the runtime's error-context test component, and an import that
 * takes error contexts in a list, an option and a record compiles.
 */
class ErrorContextBindingsTest {
    private static final Path WIT = GoldenTest.RESOURCES.resolve("wit/error-context");
    private static final Path COMPONENT =
            Path.of("..", "runtime", "src", "test", "resources", "link", "error-context.wasm");
    private static final String PKG = "errors.ec";

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation c = Harness.compileWorld(PKG, "test:ec/ec", WIT);
        assertThat(c).succeededWithoutWarnings();
        loader = new GeneratedClasses(c, ErrorContextBindingsTest.class.getClassLoader());
    }

    private static Object world() throws Exception {
        Class<?> importsInterface = loader.loadClass(PKG + ".EcImports");
        Method check = importsInterface.getMethods()[0];
        assertEquals(List.class, check.getReturnType());
        Object impl = Proxy.newProxyInstance(loader, new Class<?>[] {importsInterface}, (proxy, m, args) -> {
            throw new UnsupportedOperationException(m.getName());
        });
        Class<?> world = loader.loadClass(PKG + ".Ec");
        Class<?> imports = loader.loadClass(PKG + ".Ec$Imports");
        Object builder = imports.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("ecImports", importsInterface).invoke(builder, impl);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        return world.getMethod("instantiate", Engine.class, byte[].class, imports)
                .invoke(null, Engine.create(), Files.readAllBytes(COMPONENT), built);
    }

    @Test
    void errorContextsGoBothWaysAsTheRuntimesType() throws Exception {
        Object w = world();
        Method make = w.getClass().getMethod("make", String.class);
        Method message = w.getClass().getMethod("message", ErrorContext.class);
        assertEquals(ErrorContext.class, make.getReturnType());

        ErrorContext made = (ErrorContext) make.invoke(w, "disk full");
        assertEquals("disk full", made.debugMessage());
        assertEquals("disk full", message.invoke(w, made));
        assertEquals("from the host", message.invoke(w, ErrorContext.of("from the host")));
    }

    @Test
    void aTrapOfTheBuiltInsReachesTheCaller() throws Exception {
        Object w = world();
        Method twice = w.getClass().getMethod("dropTwice", ErrorContext.class);
        Throwable e = assertThrows(InvocationTargetException.class, () -> twice.invoke(w, ErrorContext.of("x")))
                .getCause();
        Trap trap = assertInstanceOf(Trap.class, e);
        assertSame(Trap.Reason.UNKNOWN_HANDLE, trap.reason());
    }

    @Test
    void aNullErrorContextIsRefusedByName() throws Exception {
        Object w = world();
        Method message = w.getClass().getMethod("message", ErrorContext.class);
        Throwable e = assertThrows(InvocationTargetException.class, () -> message.invoke(w, (Object) null))
                .getCause();
        assertInstanceOf(NullPointerException.class, e);
        assertEquals("argument `e` of `message` is null", e.getMessage());
    }
}
