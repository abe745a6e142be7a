package dev.wit4j.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where the project's files are, as an annotation processor can tell: the annotated source file,
 * the class output folder, and a WIT folder or component named relative to the project (found
 * under {@code -Awit4j.projectDir}, above the source file or the class output, or in the current
 * directory).
 */
final class ProjectFiles {
    private final ProcessingEnvironment processingEnv;

    ProjectFiles(ProcessingEnvironment processingEnv) {
        this.processingEnv = processingEnv;
    }

    /**
     * Finds {@code path}: as given if absolute, else under the project directory option, above the
     * annotated source file, above the class output folder (each walk up to the outermost folder
     * with a build file: the project's root), or in the current directory; otherwise
     * {@code notFound} gets the places looked, one per line, each once. {@code inputs} gets every
     * place looked that had nothing: a file appearing there would be found instead.
     */
    Optional<Path> findFile(Element e, String path, Consumer<String> notFound, Inputs inputs) {
        Path rel;
        try {
            rel = Path.of(path);
        } catch (InvalidPathException ex) {
            notFound.accept("\n  (not a valid path: " + ex.getMessage() + ")");
            return Optional.empty();
        }
        List<String> looked = new ArrayList<>();
        if (rel.isAbsolute()) {
            if (Files.exists(rel)) {
                return Optional.of(rel);
            }
            looked.add(rel + " (absolute path)");
            inputs.absent(rel);
        } else {
            String option = processingEnv.getOptions().get(WitWorldProcessor.PROJECT_DIR_OPTION);
            if (option != null) {
                Path p = Path.of(option).toAbsolutePath().resolve(rel).normalize();
                if (Files.exists(p)) {
                    return Optional.of(p);
                }
                looked.add(p + " (option -A" + WitWorldProcessor.PROJECT_DIR_OPTION + "=" + option + ")");
                inputs.absent(p);
            } else {
                looked.add("(option -A" + WitWorldProcessor.PROJECT_DIR_OPTION + " not given)");
            }
            Optional<Path> source = sourceFile(e).map(Path::getParent);
            if (source.isPresent()) {
                Optional<Path> found = walkUp(source.get(), rel, looked, "above the annotated source file", inputs);
                if (found.isPresent()) {
                    return found;
                }
            } else {
                looked.add("(the annotated source file is not on the file system)");
            }
            Optional<Path> output = classOutput();
            if (output.isPresent()) {
                Optional<Path> found = walkUp(output.get(), rel, looked, "above the class output folder", inputs);
                if (found.isPresent()) {
                    return found;
                }
            }
            Path cwd = Path.of("").toAbsolutePath().resolve(rel).normalize();
            if (Files.exists(cwd)) {
                return Optional.of(cwd);
            }
            looked.add(cwd + " (current directory)");
            inputs.absent(cwd);
        }
        // a place reached twice (from the source file and from the class output) is listed the first time
        Set<String> seen = new HashSet<>();
        notFound.accept(looked.stream()
                .filter(s -> seen.add(s.contains(" (") ? s.substring(0, s.indexOf(" (")) : s))
                .map(s -> "\n  " + s)
                .collect(Collectors.joining()));
        return Optional.empty();
    }

    /** Looks for {@code rel} from {@code start} up to the project's root (or the file system's). */
    private static Optional<Path> walkUp(Path start, Path rel, List<String> looked, String how, Inputs inputs) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(rel).normalize();
            if (Files.exists(p)) {
                return Optional.of(p);
            }
            looked.add(p + " (" + how + ")");
            inputs.absent(p);
            if (hasBuildFile(dir) && (dir.getParent() == null || !hasBuildFile(dir.getParent()))) {
                break; // the outermost project folder: above it is not the project
            }
        }
        return Optional.empty();
    }

    private static boolean hasBuildFile(Path dir) {
        for (String name :
                List.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    /** The annotated source file, when javac's tree API is there and the file is on disk. */
    Optional<Path> sourceFile(Element e) {
        try {
            com.sun.source.util.Trees trees = com.sun.source.util.Trees.instance(processingEnv);
            com.sun.source.util.TreePath path = trees.getPath(e);
            if (path == null) {
                return Optional.empty();
            }
            URI uri = path.getCompilationUnit().getSourceFile().toUri();
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(uri).toAbsolutePath());
        } catch (RuntimeException | LinkageError ex) {
            return Optional.empty();
        }
    }

    /** The class output folder (Maven: target/classes), if the filer can tell. */
    Optional<Path> classOutput() {
        try {
            FileObject probe = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", "wit4j-probe");
            URI uri = probe.toUri();
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            return Optional.ofNullable(Path.of(uri).toAbsolutePath().getParent());
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }
}
