package dev.wit4j.runtime.internal.engine;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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
    /** The length of each class file when the files are deflated ({@link #deflate}), else null. */
    private final Map<String, Integer> inflatedLengths;

    /**
     * @param classes the class files by name ({@code a.b.C} or, as the compiler names some, {@code a/b/C})
     * @param inflatedLengths null if the files are as compiled; else they are deflated and these are their lengths
     */
    CompiledClassLoader(Map<String, byte[]> classes, Map<String, Integer> inflatedLengths) {
        super(CompiledClassLoader.class.getClassLoader());
        Map<String, byte[]> byBinaryName = new HashMap<>();
        Map<String, Integer> lengths = inflatedLengths == null ? null : new HashMap<>();
        classes.forEach((name, bytes) -> {
            byBinaryName.put(name.replace('/', '.'), bytes);
            if (lengths != null) lengths.put(name.replace('/', '.'), inflatedLengths.get(name));
        });
        this.classes = byBinaryName;
        this.inflatedLengths = lengths;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        if (inflatedLengths != null) {
            bytes = inflate(bytes, inflatedLengths.get(name), name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** A class file deflated for storing (fast compression: compiled classes shrink to about a third). */
    static byte[] deflate(byte[] classFile) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(classFile);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] deflated, int length, String name) throws ClassNotFoundException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length && !inflater.finished()) {
                int got = inflater.inflate(out, n, length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                n += got;
            }
            if (n != length || !inflater.finished()) {
                throw new ClassNotFoundException(name + ": damaged compiled class (" + n + " of " + length + " bytes)");
            }
            return out;
        } catch (DataFormatException e) {
            throw new ClassNotFoundException(name + ": damaged compiled class", e);
        } finally {
            inflater.end();
        }
    }

    /** The machine factory of the module: the constructor {@code mainClass(Instance)}. */
    Function<Instance, Machine> machineFactory(String mainClass) {
        return machineFactory(this, mainClass);
    }

    /** The machine factory of compiled code whose classes {@code loader} loads (the constructor {@code mainClass(Instance)}). */
    static Function<Instance, Machine> machineFactory(ClassLoader loader, String mainClass) {
        MethodHandle constructor;
        try {
            Class<?> main = Class.forName(mainClass, false, loader);
            constructor = MethodHandles.publicLookup()
                    .findConstructor(main, MethodType.methodType(void.class, Instance.class))
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
