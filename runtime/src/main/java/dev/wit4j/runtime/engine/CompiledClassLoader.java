package dev.wit4j.runtime.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.function.Function;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;

/**
 * Defines the JVM classes compiled from one core module, each when it is first needed: a module of
 * thousands of functions becomes thousands of classes, of which a run may use few, and defining
 * (and initialising) them all up front costs seconds. Needs nothing of the core compiler, so
 * compiled code from a {@link CompiledCodeCache} or a {@link Precompiled} component runs without it.
 */
final class CompiledClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    /** @param classes the class files by name ({@code a.b.C} or, as the compiler names some, {@code a/b/C}) */
    CompiledClassLoader(Map<String, byte[]> classes) {
        super(CompiledClassLoader.class.getClassLoader());
        Map<String, byte[]> byBinaryName = new java.util.HashMap<>();
        classes.forEach((name, bytes) -> byBinaryName.put(name.replace('/', '.'), bytes));
        this.classes = byBinaryName;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The machine factory of the module: the constructor {@code mainClass(Instance)}. */
    Function<Instance, Machine> machineFactory(String mainClass) {
        MethodHandle constructor;
        try {
            Class<?> main = loadClass(mainClass);
            constructor = MethodHandles.publicLookup().findConstructor(main, MethodType.methodType(void.class, Instance.class))
                    .asType(MethodType.methodType(Machine.class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled code without a usable main class " + mainClass, e);
        }
        return instance -> {
            try {
                return (Machine) constructor.invokeExact(instance);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }
}
