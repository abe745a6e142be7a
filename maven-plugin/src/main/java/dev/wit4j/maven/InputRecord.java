package dev.wit4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the annotation processor recorded about one {@code @WitWorld}: the annotated source file and
 * what its bindings were made from. Written by the processor's {@code Inputs} (which documents the
 * format); change both together.
 *
 * <p>Checking it stats the recorded files and lists the recorded WIT folders, and parses nothing,
 * so a build in which nothing changed pays next to nothing for it.
 */
final class InputRecord {
    static final String HEADER = "wit4j-inputs 1";

    private final List<String> lines;

    private InputRecord(List<String> lines) {
        this.lines = lines;
    }

    static InputRecord read(Path file) throws IOException {
        return new InputRecord(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The annotated source file, if the record names one. */
    Optional<Path> source() {
        for (String line : lines) {
            if (line.startsWith("source\t")) {
                return Optional.of(Path.of(line.substring("source\t".length())));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the bindings no longer match their inputs (a WIT file or component changed, was
     * removed, or a WIT file was added to a recorded folder; something appeared where the processor
     * found nothing), or empty while everything recorded still holds.
     */
    Optional<String> change() {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Optional.of("its record of inputs is from another wit4j version");
        }
        try {
            Set<Path> files = new HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Optional<String> change = switch (f[0]) {
                    case "source" -> Optional.empty();
                    case "file" -> f.length == 4 ? fileChange(f, files) : unreadable();
                    case "absent" ->
                        f.length != 2
                                ? unreadable()
                                : Files.exists(Path.of(f[1])) ? Optional.of(f[1] + " appeared") : Optional.empty();
                    case "tree" -> Optional.empty(); // checked below, once every recorded file is known
                    default -> unreadable();
                };
                if (change.isPresent()) {
                    return change;
                }
            }
            for (String line : lines) {
                if (line.startsWith("tree\t")) {
                    Optional<String> added = addedWit(Path.of(line.substring("tree\t".length())), files);
                    if (added.isPresent()) {
                        return added;
                    }
                }
            }
            return Optional.empty();
        } catch (InvalidPathException ex) {
            return unreadable();
        }
    }

    private static Optional<String> fileChange(String[] f, Set<Path> files) {
        Path path = Path.of(f[3]);
        files.add(path);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException ex) {
            return Optional.of(path + " was removed");
        }
        if (!String.valueOf(a.size()).equals(f[1])
                || !String.valueOf(a.lastModifiedTime().toMillis()).equals(f[2])) {
            return Optional.of(path + " changed");
        }
        return Optional.empty();
    }

    /** A {@code .wit} file under {@code dir} that was not there (the processor lists them as it does: following links). */
    private static Optional<String> addedWit(Path dir, Set<Path> known) {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " was removed");
        }
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".wit"))
                    .filter(p -> !known.contains(p.toAbsolutePath()))
                    .findFirst()
                    .map(p -> p + " was added");
        } catch (IOException | UncheckedIOException ex) {
            return Optional.of(dir + " cannot be listed (" + ex.getMessage() + ")");
        }
    }

    private static Optional<String> unreadable() {
        return Optional.of("its record of inputs cannot be read");
    }
}
