package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generated Javadoc says matches what the WIT has: no constructor or role that is not there. */
class JavadocTest {

    private static String source(Compilation c, String name) {
        try {
            return c.generatedSourceFile(name)
                    .orElseThrow()
                    .getCharContent(true)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void typesOnlyInterfacesAndResourcesWithoutConstructorsAreDescribedAsTheyAre(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("docs.wit"),
                String.join(
                        "\n",
                        "package ex:docs;",
                        "interface shapes { record point { x: u32 } }",
                        "interface store {",
                        "  use shapes.{point};",
                        "  resource blob { size: func() -> u32; }",
                        "  resource file { constructor(); open: static func() -> file; }",
                        "  resource cache { make: static func() -> cache; }",
                        "  first: func() -> point;",
                        "}",
                        "interface exp { resource thing { size: func() -> u32; } make: func() -> thing; }",
                        "world w { import shapes; import store; export exp; }",
                        ""));
        Compilation c = Harness.compileWorld("e.docs", "w", dir);
        assertThat(c).succeeded();
        String shapes = source(c, "e.docs.Shapes");
        assertTrue(
                shapes.contains("The types of imported interface {@code ex:docs/shapes}; it has no functions."),
                shapes);
        assertFalse(shapes.contains("the host implements it"), shapes);
        String store = source(c, "e.docs.Store");
        assertTrue(store.contains("Imported interface {@code ex:docs/store}: the host implements it."), store);
        String blob = store.substring(store.indexOf("Imported WIT resource {@code blob}"));
        assertFalse(blob.substring(0, blob.indexOf("*/")).contains("constructor"), blob);
        assertTrue(store.contains("Its constructor and static functions are methods of {@link Store}"), store);
        assertTrue(store.contains("Its static functions are methods of {@link Store} ({@code cache…})."), store);
        String exp = source(c, "e.docs.Exp");
        assertTrue(exp.contains("the component (functions returning it)"), exp);
    }

    @Test
    void recordFieldDocsAreMarkdownLikeTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("docs.wit"),
                String.join(
                        "\n",
                        "package ex:md;",
                        "interface shapes {",
                        "  /// A point, *not* a vector.",
                        "  record point {",
                        "    /// The `x` coordinate, <b> shown as text.",
                        "    x: u32,",
                        "  }",
                        "}",
                        "world w { import shapes; }",
                        ""));
        Compilation c = Harness.compileWorld("e.md", "w", dir);
        assertThat(c).succeeded();
        String shapes = source(c, "e.md.Shapes");
        assertTrue(shapes.contains("A point, <em>not</em> a vector."), shapes);
        assertTrue(shapes.contains("@param x The <code>x</code> coordinate, &lt;b&gt; shown as text."), shapes);
    }
}
