package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A world that imports WASI interfaces, compiled with the {@code wasi} module's {@code WasiContext}
 * on the class path: the WASI imports are left to it (nothing generated for the application to
 * implement, factories that take a {@code WasiContext}) unless the world's own interfaces use WASI
 * types; without it, they are generated like any import.
 */
class WasiHostTest {

    /** A world importing WASI's environment and clock and an interface of its own, which uses {@code own}. */
    private static Path world(Path dir, String own) throws IOException {
        Files.writeString(
                dir.resolve("w.wit"),
                "package t:app;\n"
                        + "interface greeter {\n" + own + "}\n"
                        + "world w {\n  import wasi:cli/environment@0.2.12;\n  import wasi:clocks/wall-clock@0.2.12;\n"
                        + "  import greeter;\n  export run: func() -> string;\n}\n");
        Files.createDirectories(dir.resolve("deps/cli"));
        Files.writeString(
                dir.resolve("deps/cli/environment.wit"),
                "package wasi:cli@0.2.12;\n"
                        + "interface environment {\n  get-environment: func() -> list<tuple<string, string>>;\n"
                        + "  get-arguments: func() -> list<string>;\n}\n");
        Files.createDirectories(dir.resolve("deps/clocks"));
        Files.writeString(
                dir.resolve("deps/clocks/wall-clock.wit"),
                "package wasi:clocks@0.2.12;\n"
                        + "interface wall-clock {\n  record datetime { seconds: u64, nanoseconds: u32 }\n"
                        + "  now: func() -> datetime;\n}\n");
        return dir;
    }

    private static String source(Compilation c, String name) throws IOException {
        return c.generatedSourceFile(name)
                .orElseThrow(() -> new AssertionError("not generated: " + name))
                .getCharContent(true)
                .toString();
    }

    @Test
    void theWorldsWasiImportsAreLeftToTheWasiModule(@TempDir Path tmp) throws IOException {
        Path wit = world(Files.createDirectories(tmp.resolve("wit")), "  hello: func(name: string) -> string;\n");
        Compilation c = Harness.compileWithWasiContext(
                tmp.resolve("host"), Harness.packageInfo("hosted", "t:app/w", wit.toString()));
        assertThat(c).succeeded();
        assertFalse(c.generatedSourceFile("hosted.Environment").isPresent(), "no Environment to implement");
        assertFalse(c.generatedSourceFile("hosted.WallClock").isPresent(), "no WallClock to implement");
        String world = source(c, "hosted.W").replaceAll("\\s+", " ");
        assertFalse(world.contains("Environment") || world.contains("WallClock"), world);
        assertTrue(
                world.contains("public static W instantiate(Engine engine, Component component, Imports imports,"
                        + " WasiContext wasi)"),
                world);
        assertTrue(
                world.contains(
                        "The world's own WASI imports are defined by {@code wasi} too (the application does"
                                + " not implement * them): * {@code wasi:cli/environment@0.2.12}, * {@code wasi:clocks/wall-clock@0.2.12}."),
                world);
        assertTrue(source(c, "hosted.Greeter").contains("String hello(String name)"));
        assertEquals(
                List.of(),
                Harness.messages(c, Diagnostic.Kind.NOTE).stream()
                        .filter(n -> n.contains("WASI"))
                        .toList());
    }

    /**
     * The WASI WIT the wasi module ships fills in the world folder's missing deps; an index naming a
     * file the jar lacks is a warning, not a silent gap.
     */
    @Test
    void theShippedWasiWitStandsInForDeps(@TempDir Path tmp) throws IOException {
        Path wit = Files.createDirectories(tmp.resolve("wit"));
        Files.writeString(
                wit.resolve("w.wit"),
                "package t:app;\nworld w {\n  import wasi:cli/environment@0.2.12;\n"
                        + "  export run: func() -> string;\n}\n");
        Path shipped = Files.createDirectories(tmp.resolve("host/classes/META-INF/wit/wasi/cli"));
        Files.writeString(
                shipped.resolve("cli.wit"),
                "package wasi:cli@0.2.12;\n"
                        + "interface environment {\n  get-environment: func() -> list<tuple<string, string>>;\n}\n");
        Files.writeString(shipped.resolveSibling("INDEX"), "# shipped\ncli/cli.wit\n");
        Compilation c = Harness.compileWithWasiContext(
                tmp.resolve("host"), Harness.packageInfo("shipped", "t:app/w", wit.toString()));
        assertThat(c).succeeded();
        assertTrue(source(c, "shipped.W").contains("WasiContext wasi"));

        Files.writeString(shipped.resolveSibling("INDEX"), "cli/cli.wit\nio/io.wit\n");
        Compilation broken = Harness.compileWithWasiContext(
                tmp.resolve("host"), Harness.packageInfo("shipped2", "t:app/w", wit.toString()));
        assertThat(broken).failed();
        String warning = String.join("\n", Harness.messages(broken, Diagnostic.Kind.WARNING));
        assertTrue(
                warning.contains("the WASI WIT the wasi module ships (META-INF/wit/wasi/INDEX) cannot be read"),
                warning);
    }

    @Test
    void withoutTheWasiModuleTheyAreTheApplicationsToImplement(@TempDir Path tmp) throws IOException {
        Path wit = world(Files.createDirectories(tmp.resolve("wit")), "  hello: func(name: string) -> string;\n");
        Compilation c = Harness.compileWorld("unhosted", "t:app/w", wit);
        assertThat(c).succeeded();
        assertTrue(source(c, "unhosted.Environment").contains("getEnvironment()"));
        assertFalse(source(c, "unhosted.W").contains("WasiContext"));
    }

    /**
     * The world's own interface uses a WASI type: the application implements WASI (the host's
     * types are other Java types), and a note says why and what to change.
     */
    @Test
    void anInterfaceUsingWasiTypesKeepsWasiWithTheApplication(@TempDir Path tmp) throws IOException {
        Path wit = world(
                Files.createDirectories(tmp.resolve("wit")),
                "  use wasi:clocks/wall-clock@0.2.12.{datetime};\n  greet-at: func(at: datetime) -> string;\n");
        Compilation c = Harness.compileWithWasiContext(
                tmp.resolve("host"), Harness.packageInfo("kept", "t:app/w", wit.toString()));
        assertThat(c).succeeded();
        assertTrue(source(c, "kept.Environment").contains("getEnvironment()"));
        assertTrue(source(c, "kept.WallClock").contains("record Datetime"));
        assertFalse(source(c, "kept.W").contains("WasiContext wasi"));
        String note = String.join("\n", Harness.messages(c, Diagnostic.Kind.NOTE));
        assertTrue(note.contains("`Greeter` uses types of wasi:clocks/wall-clock@0.2.12"), note);
        assertTrue(note.contains("keep WASI types out of the world's own interfaces"), note);
    }
}
