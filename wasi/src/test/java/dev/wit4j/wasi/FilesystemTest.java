package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemTest {
    @TempDir
    Path tmp;

    private FilesystemTypes.Descriptor preopen(boolean readOnly) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Filesystem fs = new Filesystem(List.of(new WasiContext.Preopen(root, "/data", readOnly)));
        List<Tuple2<FilesystemTypes.Descriptor, String>> dirs = fs.getDirectories();
        assertEquals(1, dirs.size());
        assertEquals("/data", dirs.get(0).second());
        return dirs.get(0).first();
    }

    @Test
    void nothingIsPreopenedUnlessGranted() {
        assertEquals(List.of(), new Filesystem(List.of()).getDirectories());
    }

    @Test
    void opensReadsAndWritesInsideThePreopen() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        assertEquals(Result.ok(FilesystemTypes.DescriptorType.DIRECTORY), dir.getType());
        FilesystemTypes.Descriptor file = dir.openAt(Set.of(), "a.txt", EnumSet.of(FilesystemTypes.OpenFlags.CREATE),
                EnumSet.of(FilesystemTypes.DescriptorFlags.READ, FilesystemTypes.DescriptorFlags.WRITE)).okValue().orElseThrow();
        assertEquals(Result.ok(2L), file.write("hi".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals("hi", Files.readString(tmp.resolve("root/a.txt")));
        assertEquals(FilesystemTypes.DescriptorType.REGULAR_FILE, dir.statAt(Set.of(), "a.txt").okValue().orElseThrow().type());
        assertEquals("a.txt", dir.readDirectory().okValue().orElseThrow().readDirectoryEntry().okValue().orElseThrow().orElseThrow().name());
    }

    @Test
    void pathsCannotEscape() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Files.writeString(tmp.resolve("secret"), "x");
        Files.createSymbolicLink(tmp.resolve("root/link"), tmp);
        for (String path : List.of("../secret", "/etc/passwd", "sub/../../secret", "link/secret")) {
            assertEquals(Result.err(FilesystemTypes.ErrorCode.NOT_PERMITTED), dir.statAt(Set.of(), path), path);
            assertEquals(Result.err(FilesystemTypes.ErrorCode.NOT_PERMITTED),
                    dir.openAt(Set.of(), path, Set.of(), EnumSet.of(FilesystemTypes.DescriptorFlags.READ)), path);
        }
        assertTrue(dir.statAt(Set.of(), "sub/..").isOk());
    }

    @Test
    void readOnlyPreopensRefuseChanges() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(true);
        assertEquals(Result.err(FilesystemTypes.ErrorCode.READ_ONLY), dir.createDirectoryAt("d"));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.READ_ONLY),
                dir.openAt(Set.of(), "new", EnumSet.of(FilesystemTypes.OpenFlags.CREATE), EnumSet.of(FilesystemTypes.DescriptorFlags.WRITE)));
    }
}
