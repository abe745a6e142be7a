package dev.wit4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds a small project with Maven as a user does ({@code mvn -o compile}, the stock compiler
 * plugin, the processor on its annotation processor path, the {@code refresh} goal) and changes only
 * its WIT, then only its component: each time the next {@code compile} regenerates the bindings,
 * and a build with nothing changed compiles nothing.
 *
 * <p>Runs after the plugin jar is packaged ({@code integration-test} phase), with this build's
 * processor and runtime jars, through a local repository that lays them over the real one.
 */
class RefreshIT {
    private static final Path ROOT =
            Path.of(System.getProperty("wit4j.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "refresh-it").toAbsolutePath();
    private static final Path PROJECT = WORK.resolve("project");
    private static final Path GENERATED = PROJECT.resolve("target/generated-sources/annotations");

    @Test
    void aWitOrComponentChangeAloneRegeneratesOnTheNextCompile() throws Exception {
        Path repo = setUp();

        String first = mvn(repo);
        assertTrue(read(GENERATED.resolve("it/calc/CalcExports.java")).contains(" add("), first);
        assertTrue(read(GENERATED.resolve("it/app/AppExports.java")).contains(" greet("), first);
        assertFalse(first.contains("wit4j: "), "a first build has nothing to refresh:\n" + first);

        // Only the WIT changes: a function is added to the world.
        Path wit = PROJECT.resolve("src/main/wit/calc.wit");
        Files.writeString(wit, read(wit).replace("export add:", "export twice: func(a: s32) -> s32;\n  export add:"));
        String second = mvn(repo);
        assertTrue(
                second.contains("wit4j: src/main/wit/calc.wit changed; regenerating the bindings of "
                        + "src/main/java/it/calc/package-info.java"),
                second);
        assertTrue(read(GENERATED.resolve("it/calc/CalcExports.java")).contains(" twice("), second);

        // Only the component is replaced, by one whose export `greet` is called `hello`.
        Path wasm = PROJECT.resolve("app.wasm");
        Files.write(wasm, rename(Files.readAllBytes(wasm), "greet", "hello"));
        String third = mvn(repo);
        assertTrue(
                third.contains(
                        "wit4j: app.wasm changed; regenerating the bindings of src/main/java/it/app/package-info.java"),
                third);
        String app = read(GENERATED.resolve("it/app/AppExports.java"));
        assertTrue(app.contains(" hello(") && !app.contains(" greet("), app);

        // Nothing changed: nothing is compiled, nothing generated again.
        FileTime generated = Files.getLastModifiedTime(GENERATED.resolve("it/app/App.java"));
        String fourth = mvn(repo);
        assertTrue(fourth.contains("Nothing to compile"), fourth);
        assertFalse(fourth.contains("wit4j: "), fourth);
        assertEquals(generated, Files.getLastModifiedTime(GENERATED.resolve("it/app/App.java")));
    }

    /** The project (from src/test/resources/project) and the local repository for its builds. */
    private static Path setUp() throws IOException {
        deleteTree(WORK);
        String version = System.getProperty("wit4j.version", "0.1.0-SNAPSHOT");
        Path template = Path.of("src/test/resources/project").toAbsolutePath();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = PROJECT.resolve(template.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.writeString(to, read(p).replace("WIT4J_VERSION", version));
            }
        }
        Files.copy(ROOT.resolve("examples/components/calc.wasm"), PROJECT.resolve("app.wasm"));

        Map<String, Path[]> artifacts = new LinkedHashMap<>();
        artifacts.put("wit4j-parent", new Path[] {ROOT.resolve("pom.xml"), null});
        for (String module : List.of("annotations", "witx", "runtime", "processor")) {
            artifacts.put("wit4j-" + module, new Path[] {
                ROOT.resolve(module + "/pom.xml"),
                jar(ROOT.resolve(module + "/target/wit4j-" + module + "-" + version + ".jar"))
            });
        }
        artifacts.put("wit4j-maven-plugin", new Path[] {
            Path.of("pom.xml").toAbsolutePath(),
            jar(Path.of(System.getProperty("wit4j.pluginJar", "target/wit4j-maven-plugin-" + version + ".jar")))
        });
        Path real = Path.of(
                System.getProperty("wit4j.localRepository", System.getProperty("user.home") + "/.m2/repository"));
        return OverlayRepository.create(WORK.resolve("repository"), real, version, artifacts);
    }

    private static Path jar(Path jar) {
        assertTrue(
                Files.isRegularFile(jar),
                jar + " is missing: build this module with its dependencies (mvn verify -am)");
        return jar.toAbsolutePath();
    }

    /** Runs {@code mvn -B -o compile} in the project; its output, after checking it succeeded. */
    private static String mvn(Path repo) throws IOException, InterruptedException {
        Path log = WORK.resolve("mvn.log");
        Process p = new ProcessBuilder("mvn", "-B", "-o", "-Dmaven.repo.local=" + repo, "compile")
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn compile took over 5 minutes:\n" + read(log));
        }
        String out = read(log);
        Files.writeString(WORK.resolve("mvn-all.log"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** {@code bytes} with every occurrence of one ASCII name replaced by another of the same length. */
    private static byte[] rename(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = bytes.clone();
        int found = 0;
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                found++;
            }
        }
        assertTrue(found > 0, from + " is not in the component");
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Deletes a folder; the repository's links to the real one are removed, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException ex) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
