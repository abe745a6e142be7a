package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Generated} is claimed only in rounds where wit4j generated every source carrying it: other
 * tools' generated sources still reach the processors that ask for them.
 */
class GeneratedClaimTest {

    /** A processor after wit4j's that asks for {@code @Generated} and records whom it was given. */
    static final class Watcher extends AbstractProcessor {
        final Set<String> seen = new TreeSet<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("javax.annotation.processing.Generated");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (TypeElement a : annotations) {
                for (Element e : round.getElementsAnnotatedWith(a)) {
                    seen.add(((TypeElement) e).getQualifiedName().toString());
                }
            }
            return false;
        }
    }

    private static final JavaFileObject WORLD = Harness.packageInfo("example.claim", "types", "wit/types");

    @Test
    void anotherToolsGeneratedSourceReachesTheProcessorsAfterWit4j() {
        JavaFileObject other = JavaFileObjects.forSourceString(
                "other.Made",
                "package other;\n@javax.annotation.processing.Generated(\"other.Tool\")\npublic class Made {}\n");
        Watcher watcher = new Watcher();
        Compilation c = javac().withProcessors(new WitWorldProcessor(), watcher)
                .withOptions("-Awit4j.projectDir=" + GoldenTest.RESOURCES)
                .compile(WORLD, other);
        assertThat(c).succeeded();
        assertEquals(Set.of("other.Made"), watcher.seen);
    }

    @Test
    void wit4jsOwnGeneratedSourcesAreClaimedSoLintHasNothingToSay() {
        Watcher watcher = new Watcher();
        Compilation c = javac().withProcessors(new WitWorldProcessor(), watcher)
                .withOptions("-Xlint:all", "-Awit4j.projectDir=" + GoldenTest.RESOURCES)
                .compile(WORLD);
        assertThat(c).succeeded();
        assertEquals(Set.of(), watcher.seen);
        assertEquals(List.of(), Harness.messages(c, Diagnostic.Kind.WARNING));
    }
}
