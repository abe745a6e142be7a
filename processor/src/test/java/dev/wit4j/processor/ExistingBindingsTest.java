package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @WitWorld(with = …)}: a world whose interface has bindings already (generated for another
 * world, here in the same compilation as a library's would be on the class path) uses them: nothing
 * is generated for it, and javac checks the generated glue against the existing types.
 */
class ExistingBindingsTest {

    private static final String LOGGER = "package acme:log@1.0.0;\n"
            + "interface logger {\n  enum level { info, warn }\n  record line { level: level, text: string }\n"
            + "  log: func(l: line);\n  count: func() -> u32;\n}\n";

    private static Path folders(Path tmp) throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("log.wit"), LOGGER + "world lib {\n  import logger;\n  export run: func();\n}\n");
        Path app = Files.createDirectories(tmp.resolve("app/deps"));
        Files.writeString(app.resolve("log.wit"), LOGGER);
        Files.writeString(
                app.resolveSibling("app.wit"),
                "package acme:app;\n"
                        + "world app {\n  import acme:log/logger@1.0.0;\n  export go: func() -> u32;\n}\n");
        return tmp;
    }

    private static JavaFileObject world(String pkg, String world, Path wit, String with) {
        return JavaFileObjects.forSourceString(
                pkg + ".package-info",
                "@dev.wit4j.annotations.WitWorld(world = \"" + world + "\", wit = \""
                        + wit.toString().replace("\\", "\\\\") + "\"" + with + ")\npackage " + pkg + ";\n");
    }

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new WitWorldProcessor())
                .withOptions("-Xlint:all")
                .compile(sources);
    }

    @Test
    void theWorldUsesTheExistingBindings(@TempDir Path tmp) throws IOException {
        folders(tmp);
        Compilation c = compile(
                world("liba", "acme:log/lib", tmp.resolve("lib"), ""),
                world("appb", "acme:app/app", tmp.resolve("app"), ", with = \"acme:log/logger=liba.Logger\""));
        assertThat(c).succeeded();
        assertTrue(c.generatedSourceFile("liba.Logger").isPresent());
        assertFalse(c.generatedSourceFile("appb.Logger").isPresent(), "nothing generated for the bound interface");
        String app = c.generatedSourceFile("appb.App")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(app.contains("import liba.Logger;"), app);
        assertTrue(app.contains("public Builder logger(Logger implementation)"), app);
    }

    @Test
    void aVersionedNameWorksToo(@TempDir Path tmp) throws IOException {
        folders(tmp);
        Compilation c = compile(
                world("liba", "acme:log/lib", tmp.resolve("lib"), ""),
                world("appb", "acme:app/app", tmp.resolve("app"), ", with = \"acme:log/logger@1.0.0=liba.Logger\""));
        assertThat(c).succeeded();
        assertFalse(c.generatedSourceFile("appb.Logger").isPresent());
    }

    @Test
    void aMalformedOrUnknownEntryIsAnError(@TempDir Path tmp) throws IOException {
        folders(tmp);
        Compilation malformed =
                compile(world("appb", "acme:app/app", tmp.resolve("app"), ", with = \"acme:log/logger\""));
        assertThat(malformed).failed();
        assertThat(malformed)
                .hadErrorContaining("`with` entry `acme:log/logger` is not `namespace:package/interface=java.Type`");
        Compilation unknown = compile(
                world("appc", "acme:app/app", tmp.resolve("app"), ", with = \"acme:log/printer=liba.Printer\""));
        assertThat(unknown).failed();
        assertThat(unknown).hadErrorContaining("`with` names interface `acme:log/printer`");
        assertTrue(Harness.messages(unknown, Diagnostic.Kind.NOTE).stream()
                .anyMatch(n -> n.contains("no bindings were generated")));
    }
}
