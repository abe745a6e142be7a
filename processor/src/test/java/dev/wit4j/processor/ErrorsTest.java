package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics: each on the annotated element, each naming what is wrong and where. */
class ErrorsTest {
    static final Path RESOURCES = GoldenTest.RESOURCES;

    @Test
    void missingWitFolderListsEveryPlaceLooked(@TempDir Path tmp) {
        Compilation c =
                Harness.compile(Harness.packageInfo("e.missing", "w", "no/such/wit"), "-Awit4j.projectDir=" + tmp);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        String msg = Harness.messages(c, Diagnostic.Kind.ERROR).get(0);
        assertTrue(msg.startsWith("cannot find the WIT folder `no/such/wit` for world `w`; looked in:"), msg);
        assertTrue(msg.contains(tmp.resolve("no/such/wit") + " (option -Awit4j.projectDir="), msg);
        assertTrue(msg.contains("(the annotated source file is not on the file system)"), msg);
        assertTrue(msg.contains(Path.of("").toAbsolutePath().resolve("no/such/wit") + " (current directory)"), msg);
        assertThat(c)
                .hadErrorContaining("cannot find the WIT folder")
                .inFile(Harness.packageInfo("e.missing", "w", "no/such/wit"));
    }

    /** Compiles {@code project}'s src/main/java/com/acme/package-info.java, annotated {@code @WitWorld(attributes)}. */
    private static Compilation compileProjectSource(Path project, String attributes) throws IOException {
        Path info = Files.createDirectories(project.resolve("src/main/java/com/acme"))
                .resolve("package-info.java");
        Files.writeString(info, "@dev.wit4j.annotations.WitWorld(" + attributes + ")\npackage com.acme;\n");
        return Harness.compile(JavaFileObjects.forResource(info.toUri().toURL()));
    }

    @Test
    void theSearchStopsAtTheProjectRootAndListsEachPlaceOnce(@TempDir Path tmp) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("outer/project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Compilation c = compileProjectSource(project, "world = \"ex:hello/hello\", wit = \"no/such/wit\"");
        assertThat(c).failed();
        String msg = Harness.messages(c, Diagnostic.Kind.ERROR).get(0);
        assertTrue(msg.contains(project.resolve("no/such/wit") + " (above the annotated source file)"), msg);
        assertFalse(msg.contains(tmp.resolve("outer/no/such/wit").toString()), "looked above the project root: " + msg);
        List<String> places = msg.lines()
                .filter(l -> l.startsWith("  "))
                .map(l -> l.replaceAll(" \\(.*", ""))
                .toList();
        assertEquals(places.size(), new java.util.HashSet<>(places).size(), "a place listed twice: " + msg);
    }

    @Test
    void witFolderFoundAboveTheSourceFileWithoutOptions(@TempDir Path project) throws IOException {
        Path wit = Files.createDirectories(project.resolve("src/main/wit"));
        Files.writeString(
                wit.resolve("hello.wit"),
                "package ex:hello;\nworld hello { import greet: func(name: string) -> string; }\n");
        Compilation c = compileProjectSource(project, "world = \"ex:hello/hello\"");
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.HelloImports")
                .contentsAsUtf8String()
                .contains("String greet(String name);");
    }

    @Test
    void badWitIsReportedWithFileLineAndColumn() {
        JavaFileObject src = Harness.packageInfo("e.bad", "broken", "wit/bad");
        Compilation c = Harness.compile(src, "-Awit4j.projectDir=" + RESOURCES);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        String msg = Harness.messages(c, Diagnostic.Kind.ERROR).get(0);
        // The missing comma, right after `x: u32`.
        assertTrue(
                msg.startsWith("invalid WIT: " + RESOURCES.resolve("wit/bad/bad.wit")
                        + ":5:11: expected ',' or '}' after field `x`, found identifier `y`\n"),
                msg);
        assertThat(c).hadErrorContaining("bad.wit:5:11").inFile(src).onLine(1);
    }

    @Test
    void everyWitErrorIsReportedInSourceOrderWithTheirCount(@TempDir Path dir) throws IOException {
        Path wit = dir.resolve("app.wit");
        Files.writeString(
                wit,
                String.join(
                        "\n",
                        "package ex:app;",
                        "interface api {",
                        "  record point { x: f32, y: flaot }",
                        "  area: func(p: point) -> f64;",
                        "  scale: func(p: point, by: size) -> point;",
                        "}",
                        "world app { export api; import log: func(msg: strng); }",
                        ""));
        JavaFileObject src = Harness.packageInfo("e.three", "app", dir.toString());
        Compilation c = Harness.compile(src);
        assertThat(c).failed();
        List<String> errors = Harness.messages(c, Diagnostic.Kind.ERROR);
        assertEquals(
                List.of(
                        wit + ":3:29: type `flaot` does not exist",
                        wit + ":5:29: name `size` does not exist",
                        wit + ":7:47: name `strng` does not exist"),
                errors.stream()
                        .map(m -> m.lines().findFirst().orElseThrow().replaceFirst("^invalid WIT: ", ""))
                        .toList());
        // Each on the annotation, with the WIT line and a caret under the column (javac indents the lines after the
        // first).
        assertTrue(errors.get(0).contains("3 |   record point { x: f32, y: flaot }\n"), errors.get(0));
        assertTrue(errors.get(0).endsWith(" |" + " ".repeat(29) + "^"), errors.get(0));
        assertThat(c).hadErrorContaining("app.wit:5:29").inFile(src).onLine(1);
        assertThat(c).hadNoteContaining("no bindings were generated for world `app` because of 3 error(s) above");
    }

    @Test
    void unknownWorldNamesTheWorldsThatExist() {
        Compilation c = Harness.compile(
                Harness.packageInfo("e.unknown", "nope", "wit/types"), "-Awit4j.projectDir=" + RESOURCES);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("no world named `nope` in package `test:types@1.2.0`; worlds found in");
        assertThat(c).hadErrorContaining("test:types/types@1.2.0");
    }

    @Test
    void unsupportedFeaturesAreEachOneClearErrorAndNothingIsGenerated() {
        JavaFileObject src = Harness.packageInfo("e.unsupported", "w", "wit/unsupported");
        Compilation c = Harness.compile(src, "-Awit4j.projectDir=" + RESOURCES);
        assertThat(c).failed();
        List<String> errors = Harness.messages(c, Diagnostic.Kind.ERROR);
        // Each names the WIT file, line and column of the function declaring it.
        Path wit = RESOURCES.resolve("wit/unsupported/unsupported.wit");
        assertEquals(
                List.of(
                        "not supported yet: " + wit
                                + ":4:3: stream<u8> in result of function `read` of imported interface `test:unsupported/s`",
                        "not supported yet: " + wit
                                + ":5:3: future<string> in result of function `later` of imported interface `test:unsupported/s`",
                        "not supported yet: " + wit
                                + ":6:3: async function `wait` in imported interface `test:unsupported/s`"),
                errors);
        assertThat(c).hadErrorContaining("unsupported.wit:4:3").inFile(src).onLine(1);
        assertThat(c)
                .hadNoteContaining(
                        "no bindings were generated for world `test:unsupported/w` because of 3 error(s) above");
    }

    @Test
    void emptyWorldAttributeIsAnError() {
        Compilation c =
                Harness.compile(Harness.packageInfo("e.empty", "", "wit/types"), "-Awit4j.projectDir=" + RESOURCES);
        assertThat(c).hadErrorContaining("@WitWorld needs a world");
    }

    @Test
    void annotationOnATypeGeneratesIntoItsPackage() {
        JavaFileObject src = JavaFileObjects.forSourceString(
                "t.Host",
                "package t;\n@dev.wit4j.annotations.WitWorld(world = \"test:resources/resources\", wit = \"wit/resources\")\n"
                        + "public class Host {}\n");
        Compilation c = Harness.compile(src, "-Awit4j.projectDir=" + RESOURCES);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("t.Files");
        assertThat(c).generatedSourceFile("t.Counters");
    }

    @Test
    void deprecatedTypesUsedFromOtherInterfacesCompileWithoutWarnings(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("d.wit"),
                String.join(
                        "\n",
                        "package ex:dep@2.0.0;",
                        "@since(version = 1.0.0)",
                        "interface a {",
                        "  @since(version = 1.0.0) @deprecated(version = 2.0.0)",
                        "  record old { x: u8 }",
                        "}",
                        "@since(version = 1.0.0)",
                        "interface b {",
                        "  @since(version = 1.0.0) use a.{old};",
                        "  @since(version = 1.0.0) take: func(o: old);",
                        "}",
                        "world w { import b; }",
                        ""));
        Compilation c = Harness.compileWorld("e.dep", "w", dir);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("e.dep.B")
                .contentsAsUtf8String()
                .contains("@SuppressWarnings(\"deprecation\")");
        assertThat(c).generatedSourceFile("e.dep.A").contentsAsUtf8String().contains("@Deprecated");
    }
}
