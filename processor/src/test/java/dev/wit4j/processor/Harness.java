package dev.wit4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Runs the processor over a generated {@code package-info.java}. */
final class Harness {
    private Harness() {}

    /** The {@code package-info.java} source for a world. */
    static JavaFileObject packageInfo(String pkg, String world, String wit) {
        String src = "@dev.wit4j.annotations.WitWorld(world = \"" + world + "\""
                + (wit == null ? "" : ", wit = \"" + wit.replace("\\", "\\\\") + "\"") + ")\n"
                + "package " + pkg + ";\n";
        return JavaFileObjects.forSourceString(pkg + ".package-info", src);
    }

    /** Compiles with the processor, {@code -Xlint:all} and the given extra options. */
    static Compilation compile(JavaFileObject source, String... options) {
        List<String> opts = new ArrayList<>(List.of("-Xlint:all"));
        opts.addAll(List.of(options));
        return javac().withProcessors(new WitWorldProcessor()).withOptions(opts).compile(source);
    }

    /**
     * A class path holding the test's own plus a stand-in for the {@code wasi} module's {@code
     * WasiContext}, compiled into {@code dir}: on the class path, not among the sources compiled, as
     * it is in an application (the processor tells the two apart).
     */
    static List<java.io.File> classPathWithWasiContext(Path dir) throws java.io.IOException {
        Path src = java.nio.file.Files.createDirectories(dir.resolve("src/dev/wit4j/wasi"))
                .resolve("WasiContext.java");
        java.nio.file.Files.writeString(
                src,
                "package dev.wit4j.wasi;\npublic final class WasiContext {\n"
                        + "  public dev.wit4j.runtime.Linker addToLinker(dev.wit4j.runtime.Linker linker) { return linker; }\n}\n");
        Path out = java.nio.file.Files.createDirectories(dir.resolve("classes"));
        String cp = System.getProperty("java.class.path");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-proc:none", "-cp", cp, "-d", out.toString(), src.toString());
        if (rc != 0) throw new IllegalStateException("the WasiContext stand-in did not compile");
        List<java.io.File> path = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) path.add(new java.io.File(entry));
        path.add(out.toFile());
        return path;
    }

    /** Compiles with the processor and {@code -Xlint:all}, {@code WasiContext} on the class path. */
    static Compilation compileWithWasiContext(Path dir, JavaFileObject... sources) throws java.io.IOException {
        return javac().withProcessors(new WitWorldProcessor())
                .withOptions("-Xlint:all")
                .withClasspath(classPathWithWasiContext(dir))
                .compile(sources);
    }

    /** Compiles the bindings of {@code world} found in {@code wit} (absolute) into {@code pkg}. */
    static Compilation compileWorld(String pkg, String world, Path wit) {
        return compile(packageInfo(pkg, world, wit.toAbsolutePath().toString()));
    }

    /** A Java package name for arbitrary text. */
    static String packageFor(String... parts) {
        StringBuilder sb = new StringBuilder("gen");
        for (String p : parts) {
            sb.append('.').append("p_").append(p.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"));
        }
        return sb.toString();
    }

    /** All diagnostics of a kind, as text. */
    static List<String> messages(Compilation c, Diagnostic.Kind kind) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            if (d.getKind() == kind) {
                out.add(d.getMessage(Locale.ROOT));
            }
        }
        return out;
    }
}
