package dev.wit4j.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one {@code @WitWorld}'s bindings were made from: the WIT files and component read (size and
 * last-modified time, taken before reading them), the WIT folders whose set of {@code .wit} files
 * matters, and the places looked for the WIT or component that did not exist then.
 *
 * <p>javac runs only when a Java source changed, so a build tool that is to regenerate bindings
 * after a WIT or component change needs these: {@code wit4j-maven-plugin} reads the record at the
 * start of the next build and marks the annotated source changed when any entry no longer holds.
 * The format (UTF-8, one entry a line, fields separated by tabs, the path last) is read by that
 * plugin's {@code InputRecord}; change both together:
 * <pre>
 * wit4j-inputs 1
 * source  /abs/src/main/java/com/acme/package-info.java
 * tree    /abs/src/main/wit
 * file    SIZE  MILLIS  /abs/src/main/wit/calc.wit
 * absent  /abs/src/main/java/com/acme/src/main/wit
 * </pre>
 */
final class Inputs {
    /** The first line of a record; a reader refuses (and so treats as changed) any other. */
    static final String HEADER = "wit4j-inputs 1";
    /** The folder beside the class output folder that holds the records, one subfolder per class output. */
    static final String FOLDER = "wit4j-inputs";

    private final Set<String> lines = new LinkedHashSet<>();

    /** A WIT folder: every {@code .wit} file under it (deps included), and the folder itself, whose set of files matters. */
    void witFolder(Path dir) {
        lines.add("tree\t" + dir.toAbsolutePath());
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(p -> p.getFileName().toString().endsWith(".wit"))
                    .sorted()
                    .forEach(this::file);
        } catch (IOException | UncheckedIOException ex) {
            // The resolver reports an unreadable folder; a record without its files just regenerates next time.
        }
    }

    /** A file read: a WIT file or a component. */
    void file(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                lines.add("file\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\t" + file.toAbsolutePath());
            }
        } catch (IOException ex) {
            // Unreadable: reading it fails too, with its own error.
        }
    }

    /** A place looked for the WIT or component that had nothing: if something appears there, the result may differ. */
    void absent(Path path) {
        lines.add("absent\t" + path.toAbsolutePath());
    }

    /**
     * Writes the record of the bindings generated for {@code element} (a qualified name) from
     * {@code source}, under {@code <class output>/../wit4j-inputs/<class output folder name>/}.
     */
    void write(Path classOutput, Path source, String element) throws IOException {
        Path parent = classOutput.toAbsolutePath().getParent();
        if (parent == null || classOutput.getFileName() == null) {
            return;
        }
        Path dir = parent.resolve(FOLDER).resolve(classOutput.getFileName().toString());
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        out.add("source\t" + source.toAbsolutePath());
        out.addAll(lines);
        Files.createDirectories(dir);
        Files.write(
                dir.resolve((element.isEmpty() ? "unnamed-package" : element) + ".txt"), out, StandardCharsets.UTF_8);
    }
}
