package dev.wit4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Maven local repository for a nested build: this build's own wit4j artifacts (the jars just
 * packaged, and their poms) over the real local repository, whose other entries are linked in.
 * The nested build so runs the plugin and processor under test without installing them, and
 * offline, with everything else it needs already in the real repository.
 */
final class OverlayRepository {
    private static final String GROUP = "dev/wit4j";

    private OverlayRepository() {}

    /**
     * Lays out {@code dir} with {@code artifacts} (artifactId to its pom and jar, the jar null for a
     * pom-only artifact) of version {@code version}, linking every other entry of {@code real}.
     */
    static Path create(Path dir, Path real, String version, Map<String, Path[]> artifacts) throws IOException {
        Path group = dir.resolve(GROUP);
        Files.createDirectories(group);
        // Link everything of the real repository except the path down to this group's artifacts.
        linkAllBut(real, dir, "dev");
        linkAllBut(real.resolve("dev"), dir.resolve("dev"), "wit4j");
        Path realGroup = real.resolve(GROUP);
        for (var e : artifacts.entrySet()) {
            Path versionDir = group.resolve(e.getKey()).resolve(version);
            Files.createDirectories(versionDir);
            String base = e.getKey() + "-" + version;
            Files.copy(e.getValue()[0], versionDir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            if (e.getValue()[1] != null) {
                Files.copy(e.getValue()[1], versionDir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.isDirectory(realGroup)) {
            try (Stream<Path> s = Files.list(realGroup)) {
                for (Path p : s.toList()) {
                    if (!artifacts.containsKey(p.getFileName().toString())) {
                        Files.createSymbolicLink(group.resolve(p.getFileName().toString()), p);
                    }
                }
            }
        }
        return dir;
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals(except)) {
                    Files.createSymbolicLink(to.resolve(name), p);
                }
            }
        }
    }
}
