package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        FilesystemTypes.Descriptor file = dir.openAt(
                        Set.of(),
                        "a.txt",
                        EnumSet.of(FilesystemTypes.OpenFlags.CREATE),
                        EnumSet.of(FilesystemTypes.DescriptorFlags.READ, FilesystemTypes.DescriptorFlags.WRITE))
                .okValue()
                .orElseThrow();
        assertEquals(Result.ok(2L), file.write("hi".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals("hi", Files.readString(tmp.resolve("root/a.txt")));
        assertEquals(
                FilesystemTypes.DescriptorType.REGULAR_FILE,
                dir.statAt(Set.of(), "a.txt").okValue().orElseThrow().type());
        assertEquals(
                "a.txt",
                dir.readDirectory()
                        .okValue()
                        .orElseThrow()
                        .readDirectoryEntry()
                        .okValue()
                        .orElseThrow()
                        .orElseThrow()
                        .name());
    }

    @Test
    void pathsCannotEscape() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Files.writeString(tmp.resolve("secret"), "x");
        Files.createSymbolicLink(tmp.resolve("root/link"), tmp);
        for (String path : List.of("../secret", "/etc/passwd", "sub/../../secret", "link/secret")) {
            assertEquals(Result.err(FilesystemTypes.ErrorCode.NOT_PERMITTED), dir.statAt(Set.of(), path), path);
            assertEquals(
                    Result.err(FilesystemTypes.ErrorCode.NOT_PERMITTED),
                    dir.openAt(Set.of(), path, Set.of(), EnumSet.of(FilesystemTypes.DescriptorFlags.READ)),
                    path);
        }
        assertTrue(dir.statAt(Set.of(), "sub/..").isOk());
    }

    @Test
    void readOnlyPreopensRefuseChanges() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(true);
        assertEquals(Result.err(FilesystemTypes.ErrorCode.READ_ONLY), dir.createDirectoryAt("d"));
        assertEquals(
                Result.err(FilesystemTypes.ErrorCode.READ_ONLY),
                dir.openAt(
                        Set.of(),
                        "new",
                        EnumSet.of(FilesystemTypes.OpenFlags.CREATE),
                        EnumSet.of(FilesystemTypes.DescriptorFlags.WRITE)));
    }

    private static final Set<FilesystemTypes.PathFlags> FOLLOW = EnumSet.of(FilesystemTypes.PathFlags.SYMLINK_FOLLOW);
    private static final Result<Void, FilesystemTypes.ErrorCode> NOT_PERMITTED =
            Result.err(FilesystemTypes.ErrorCode.NOT_PERMITTED);

    /** A second preopen beside the first, with a file outside both as the sentinel. */
    private Path outsideSentinel() throws IOException {
        return Files.writeString(tmp.resolve("sentinel"), "outside");
    }

    @Test
    void renameMovesInsideAndRefusesToLeave() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Path root = tmp.resolve("root");
        Files.writeString(root.resolve("a"), "A");
        Files.createDirectories(root.resolve("d"));
        assertEquals(Result.ok(), dir.renameAt("a", dir, "d/b"));
        assertEquals("A", Files.readString(root.resolve("d/b")));
        Files.writeString(root.resolve("c"), "C");
        assertEquals(Result.ok(), dir.renameAt("c", dir, "d/b")); // replaces, as rename(2)
        assertEquals("C", Files.readString(root.resolve("d/b")));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.NO_ENTRY), dir.renameAt("missing", dir, "x"));

        Path sentinel = outsideSentinel();
        Files.createSymbolicLink(root.resolve("out"), tmp);
        assertEquals(NOT_PERMITTED, dir.renameAt("d/b", dir, "../moved"));
        assertEquals(NOT_PERMITTED, dir.renameAt("d/b", dir, "out/moved"));
        assertEquals(NOT_PERMITTED, dir.renameAt("../sentinel", dir, "stolen"));
        assertEquals(NOT_PERMITTED, dir.renameAt("d/b", dir, "/tmp/moved"));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.BUSY), dir.renameAt(".", dir, "elsewhere"));
        assertEquals("outside", Files.readString(sentinel));
        assertFalse(Files.exists(tmp.resolve("moved")));
        // renaming a link moves the link, not what it points to
        assertEquals(Result.ok(), dir.renameAt("out", dir, "out2"));
        assertTrue(Files.isSymbolicLink(root.resolve("out2")));
        assertEquals(
                Result.err(FilesystemTypes.ErrorCode.READ_ONLY),
                preopenReadOnlyBeside().renameAt("x", dir, "y"));
    }

    private FilesystemTypes.Descriptor preopenReadOnlyBeside() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        return new Filesystem(List.of(new WasiContext.Preopen(other, "/other", true)))
                .getDirectories()
                .get(0)
                .first();
    }

    @Test
    void hardLinksStayInside() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Path root = tmp.resolve("root");
        Files.writeString(root.resolve("a"), "A");
        assertEquals(Result.ok(), dir.linkAt(Set.of(), "a", dir, "b"));
        assertEquals("A", Files.readString(root.resolve("b")));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.EXIST), dir.linkAt(Set.of(), "a", dir, "b"));
        assertEquals(dir.metadataHashAt(Set.of(), "a"), dir.metadataHashAt(Set.of(), "b")); // one file, two names
        assertTrue(!dir.metadataHashAt(Set.of(), "a").equals(dir.metadataHash()));
        outsideSentinel();
        assertEquals(NOT_PERMITTED, dir.linkAt(Set.of(), "../sentinel", dir, "stolen"));
        assertEquals(NOT_PERMITTED, dir.linkAt(Set.of(), "a", dir, "../planted"));
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("sentinel"));
        assertEquals(NOT_PERMITTED, dir.linkAt(FOLLOW, "out", dir, "stolen"));
        assertFalse(Files.exists(root.resolve("stolen")));
        assertFalse(Files.exists(tmp.resolve("planted")));
        Files.createDirectories(root.resolve("d"));
        assertEquals(NOT_PERMITTED, dir.linkAt(Set.of(), "d", dir, "d2"));
    }

    @Test
    void symlinksAreMadeAndReadButNeverPointOut() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Path root = tmp.resolve("root");
        Files.writeString(root.resolve("a"), "A");
        Files.createDirectories(root.resolve("d"));
        assertEquals(Result.ok(), dir.symlinkAt("../a", "d/up"));
        assertEquals(Result.ok("../a"), dir.readlinkAt("d/up"));
        assertEquals("A", Files.readString(root.resolve("d/up")));
        assertEquals(
                FilesystemTypes.DescriptorType.SYMBOLIC_LINK,
                dir.statAt(Set.of(), "d/up").okValue().orElseThrow().type());
        assertEquals(
                FilesystemTypes.DescriptorType.REGULAR_FILE,
                dir.statAt(FOLLOW, "d/up").okValue().orElseThrow().type());
        assertEquals(
                Result.err(FilesystemTypes.ErrorCode.LOOP),
                dir.openAt(Set.of(), "d/up", Set.of(), EnumSet.of(FilesystemTypes.DescriptorFlags.READ)));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.INVALID), dir.readlinkAt("a"));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.NO_ENTRY), dir.readlinkAt("nothing"));

        assertEquals(NOT_PERMITTED, dir.symlinkAt("/etc/passwd", "abs"));
        assertEquals(NOT_PERMITTED, dir.symlinkAt("../sentinel", "up"));
        assertEquals(NOT_PERMITTED, dir.symlinkAt("../../sentinel", "d/up2"));
        assertEquals(NOT_PERMITTED, dir.symlinkAt("a", "../planted"));
        assertFalse(Files.exists(root.resolve("abs"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(tmp.resolve("planted"), java.nio.file.LinkOption.NOFOLLOW_LINKS));

        // a link planted from outside can be read and removed, never followed out
        Files.createSymbolicLink(root.resolve("out"), tmp);
        assertEquals(Result.ok(tmp.toString()), dir.readlinkAt("out"));
        assertEquals(NOT_PERMITTED, dir.readlinkAt("out/anything"));
        assertEquals(Result.ok(), dir.unlinkFileAt("out"));
        assertTrue(Files.isDirectory(tmp));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.IS_DIRECTORY), dir.unlinkFileAt("d"));
    }

    @Test
    void timesSizeSyncAndAdvice() throws IOException {
        FilesystemTypes.Descriptor dir = preopen(false);
        Path root = tmp.resolve("root");
        Files.writeString(root.resolve("a"), "hello");
        FilesystemTypes.Descriptor file = dir.openAt(
                        Set.of(),
                        "a",
                        Set.of(),
                        EnumSet.of(FilesystemTypes.DescriptorFlags.READ, FilesystemTypes.DescriptorFlags.WRITE))
                .okValue()
                .orElseThrow();
        WallClock.Datetime t = new WallClock.Datetime(1_000_000_000L, 500);
        assertEquals(
                Result.ok(),
                file.setTimes(
                        new FilesystemTypes.NewTimestamp.NoChange(), new FilesystemTypes.NewTimestamp.Timestamp(t)));
        assertEquals(
                java.time.Instant.ofEpochSecond(1_000_000_000L, 500),
                Files.getLastModifiedTime(root.resolve("a")).toInstant());
        assertEquals(
                t,
                file.stat().okValue().orElseThrow().dataModificationTimestamp().orElseThrow());
        WallClock.Datetime u = new WallClock.Datetime(1_100_000_000L, 0);
        assertEquals(
                Result.ok(),
                dir.setTimesAt(
                        FOLLOW,
                        "a",
                        new FilesystemTypes.NewTimestamp.Timestamp(u),
                        new FilesystemTypes.NewTimestamp.Timestamp(u)));
        assertEquals(
                u,
                dir.statAt(FOLLOW, "a")
                        .okValue()
                        .orElseThrow()
                        .dataModificationTimestamp()
                        .orElseThrow());
        assertEquals(
                Result.ok(),
                dir.setTimesAt(
                        Set.of(),
                        "a",
                        new FilesystemTypes.NewTimestamp.NoChange(),
                        new FilesystemTypes.NewTimestamp.Now()));
        assertTrue(Files.getLastModifiedTime(root.resolve("a"))
                .toInstant()
                .isAfter(java.time.Instant.ofEpochSecond(1_500_000_000L)));

        Path sentinel = outsideSentinel();
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(sentinel);
        assertEquals(
                NOT_PERMITTED,
                dir.setTimesAt(
                        FOLLOW,
                        "../sentinel",
                        new FilesystemTypes.NewTimestamp.Now(),
                        new FilesystemTypes.NewTimestamp.Now()));
        Files.createSymbolicLink(root.resolve("out"), sentinel);
        assertEquals(
                NOT_PERMITTED,
                dir.setTimesAt(
                        FOLLOW, "out", new FilesystemTypes.NewTimestamp.Now(), new FilesystemTypes.NewTimestamp.Now()));
        assertEquals(before, Files.getLastModifiedTime(sentinel));

        assertEquals(Result.ok(), file.setSize(2));
        assertEquals("he", Files.readString(root.resolve("a")));
        assertEquals(Result.ok(), file.setSize(4));
        assertArrayEquals(new byte[] {'h', 'e', 0, 0}, Files.readAllBytes(root.resolve("a")));
        assertEquals(Result.ok(), file.sync());
        assertEquals(Result.ok(), file.syncData());
        assertEquals(Result.ok(), dir.sync());
        assertEquals(Result.ok(), file.advise(0, 4, FilesystemTypes.Advice.SEQUENTIAL));
        assertEquals(
                Result.err(FilesystemTypes.ErrorCode.BAD_DESCRIPTOR), dir.advise(0, 4, FilesystemTypes.Advice.NORMAL));
        assertEquals(Result.err(FilesystemTypes.ErrorCode.IS_DIRECTORY), dir.setSize(0));

        FilesystemTypes.Descriptor readOnly = dir.openAt(
                        Set.of(), "a", Set.of(), EnumSet.of(FilesystemTypes.DescriptorFlags.READ))
                .okValue()
                .orElseThrow();
        assertEquals(Result.err(FilesystemTypes.ErrorCode.READ_ONLY), readOnly.setSize(0));
        assertEquals(
                Result.err(FilesystemTypes.ErrorCode.READ_ONLY),
                readOnly.setTimes(new FilesystemTypes.NewTimestamp.Now(), new FilesystemTypes.NewTimestamp.Now()));
    }
}
