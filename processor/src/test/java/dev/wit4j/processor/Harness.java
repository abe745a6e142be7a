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
    private Harness() {
    }

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
