package dev.wit4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;

/**
 * Goal {@code refresh}: makes the next compile regenerate bindings whose WIT or component changed.
 *
 * <p>The annotation processor runs only when javac does, and the compiler plugin runs javac only
 * when a Java source changed. The processor records, for each {@code @WitWorld}, what it read
 * ({@link InputRecord}); when any of that changed, this goal sets the annotated source's
 * last-modified time to now, which is what a stale-source check of any compiler plugin looks at,
 * and deletes the record (the processor writes a new one when it runs, and a record left behind by
 * a removed annotation must not mark its source changed on every build).
 *
 * <p>No record (a first build, a clean one, or no {@code @WitWorld}) means nothing to do: the
 * compiler then compiles the annotated sources anyway.
 */
public final class RefreshMojo extends AbstractMojo {
    /** Set by Maven from the plugin descriptor. */
    private File inputsDirectory;

    private File basedir;
    private boolean skip;

    @Override
    public void execute() {
        if (skip) {
            getLog().debug("wit4j: skipped");
            return;
        }
        Path dir = inputsDirectory.toPath();
        if (!Files.isDirectory(dir)) {
            return;
        }
        // A problem here never fails the build: at worst the bindings stay as they are, which is
        // what a build without this goal does; the warning says how to get out of it.
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path record : s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted()
                    .toList()) {
                refresh(record);
            }
        } catch (IOException | RuntimeException ex) {
            getLog().warn("wit4j: cannot check what the bindings were made from (" + ex.getMessage()
                    + "); after changing WIT or a component, run mvn clean compile");
        }
    }

    /** Checks one record (one annotated element) and marks its source changed if its inputs did. */
    private void refresh(Path record) throws IOException {
        InputRecord r = InputRecord.read(record);
        Optional<String> change = r.change();
        if (change.isEmpty()) {
            return;
        }
        Optional<Path> source = r.source().filter(Files::isRegularFile);
        if (source.isPresent()) {
            getLog().info("wit4j: " + shorter(change.get()) + "; regenerating the bindings of "
                    + shorter(source.get().toString()));
            Files.setLastModifiedTime(source.get(), FileTime.fromMillis(System.currentTimeMillis()));
        }
        Files.delete(record);
    }

    /** {@code text} with the project's folder left out of the paths in it. */
    private String shorter(String text) {
        String base = basedir.getAbsolutePath() + File.separator;
        return text.replace(base, "");
    }
}
