package dev.wit4j.processor;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes and resources a compilation generated, before its parent's. */
final class GeneratedClasses extends ClassLoader {
    private final Map<String, byte[]> files = new HashMap<>();

    GeneratedClasses(Compilation c, ClassLoader parent) {
        super(parent);
        for (JavaFileObject f : c.generatedFiles()) {
            String path = f.toUri().getPath();
            int at = path.indexOf("/CLASS_OUTPUT/");
            if (at >= 0) {
                try (InputStream in = f.openInputStream()) {
                    files.put(path.substring(at + "/CLASS_OUTPUT/".length()), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = files.get(name.replace('.', '/') + ".class");
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] b = files.get(name);
        return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
    }
}
