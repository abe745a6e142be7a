package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code wasi:filesystem} descriptor: a file or directory inside one preopened directory
 * ({@code root}). Every path a component passes is confined to the preopen: absolute paths,
 * {@code ..} above the root and symbolic links leading out of it fail with {@code not-permitted};
 * a read-only preopen refuses every change with {@code read-only}.
 */
final class HostDescriptor implements FilesystemTypes.Descriptor {
    private final Path root;
    private final Path path;
    private final boolean readOnly;

    HostDescriptor(Path root, Path path, boolean readOnly) {
        this.root = root;
        this.path = path;
        this.readOnly = readOnly;
    }

    private static <T> Result<T, FilesystemTypes.ErrorCode> err(FilesystemTypes.ErrorCode code) {
        return Result.err(code);
    }

    /** {@code relative} resolved against this directory, or why it may not be reached. */
    private Result<Path, FilesystemTypes.ErrorCode> resolve(String relative) {
        if (!Files.isDirectory(path)) {
            return err(FilesystemTypes.ErrorCode.NOT_DIRECTORY);
        }
        if (relative.startsWith("/") || relative.indexOf('\0') >= 0) {
            return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
        }
        Path target = path.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
        }
        try { // symbolic links: the deepest existing ancestor must stay inside the root too
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
                return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
            }
        } catch (IOException e) {
            return err(code(e));
        }
        return Result.ok(target);
    }

    static FilesystemTypes.ErrorCode code(IOException e) {
        if (e instanceof NoSuchFileException) {
            return FilesystemTypes.ErrorCode.NO_ENTRY;
        } else if (e instanceof FileAlreadyExistsException) {
            return FilesystemTypes.ErrorCode.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return FilesystemTypes.ErrorCode.NOT_EMPTY;
        } else if (e instanceof NotDirectoryException) {
            return FilesystemTypes.ErrorCode.NOT_DIRECTORY;
        } else if (e instanceof AccessDeniedException) {
            return FilesystemTypes.ErrorCode.ACCESS;
        }
        return FilesystemTypes.ErrorCode.IO;
    }

    private static FilesystemTypes.DescriptorType typeOf(BasicFileAttributes a) {
        return a.isDirectory() ? FilesystemTypes.DescriptorType.DIRECTORY
                : a.isRegularFile() ? FilesystemTypes.DescriptorType.REGULAR_FILE
                : a.isSymbolicLink() ? FilesystemTypes.DescriptorType.SYMBOLIC_LINK : FilesystemTypes.DescriptorType.UNKNOWN;
    }

    private static Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> stat(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Result.ok(new FilesystemTypes.DescriptorStat(typeOf(a), 1, a.size(), Optional.of(datetime(a.lastAccessTime().toInstant())),
                    Optional.of(datetime(a.lastModifiedTime().toInstant())), Optional.empty()));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    private static WallClock.Datetime datetime(java.time.Instant i) {
        return new WallClock.Datetime(i.getEpochSecond(), i.getNano());
    }

    @Override
    public Result<Streams.InputStream, FilesystemTypes.ErrorCode> readViaStream(long offset) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ).position(offset);
            return Result.ok(new HostInputStream(Channels.newInputStream(ch)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Streams.OutputStream, FilesystemTypes.ErrorCode> writeViaStream(long offset) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE).position(offset);
            return Result.ok(new HostOutputStream(Channels.newOutputStream(ch)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Streams.OutputStream, FilesystemTypes.ErrorCode> appendViaStream() {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        try {
            return Result.ok(new HostOutputStream(Files.newOutputStream(path, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> advise(long offset, long length, FilesystemTypes.Advice advice) {
        return Result.ok();
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> syncData() {
        return Result.ok();
    }

    @Override
    public Result<Set<FilesystemTypes.DescriptorFlags>, FilesystemTypes.ErrorCode> getFlags() {
        Set<FilesystemTypes.DescriptorFlags> flags = EnumSet.of(FilesystemTypes.DescriptorFlags.READ);
        if (!readOnly) {
            flags.add(FilesystemTypes.DescriptorFlags.WRITE);
            if (Files.isDirectory(path)) {
                flags.add(FilesystemTypes.DescriptorFlags.MUTATE_DIRECTORY);
            }
        }
        return Result.ok(flags);
    }

    @Override
    public Result<FilesystemTypes.DescriptorType, FilesystemTypes.ErrorCode> getType() {
        return stat().okValue().<Result<FilesystemTypes.DescriptorType, FilesystemTypes.ErrorCode>>map(s -> Result.ok(s.type()))
                .orElse(err(FilesystemTypes.ErrorCode.IO));
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setSize(long size) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setTimes(FilesystemTypes.NewTimestamp dataAccessTimestamp, FilesystemTypes.NewTimestamp dataModificationTimestamp) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Tuple2<byte[], Boolean>, FilesystemTypes.ErrorCode> read(long length, long offset) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
            int n = ch.read(buffer, offset);
            byte[] bytes = new byte[Math.max(n, 0)];
            buffer.flip().get(bytes);
            return Result.ok(new Tuple2<>(bytes, n < 0 || offset + n >= ch.size()));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Long, FilesystemTypes.ErrorCode> write(byte[] buffer, long offset) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            return Result.ok((long) ch.write(ByteBuffer.wrap(buffer), offset));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<FilesystemTypes.DirectoryEntryStream, FilesystemTypes.ErrorCode> readDirectory() {
        List<FilesystemTypes.DirectoryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(path)) {
            for (Path p : dir) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.add(new FilesystemTypes.DirectoryEntry(typeOf(a), p.getFileName().toString()));
            }
        } catch (IOException e) {
            return err(code(e));
        }
        Iterator<FilesystemTypes.DirectoryEntry> it = entries.iterator();
        return Result.ok(() -> Result.ok(it.hasNext() ? Optional.of(it.next()) : Optional.empty()));
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> sync() {
        return Result.ok();
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> createDirectoryAt(String relative) {
        return change(relative, p -> Files.createDirectory(p));
    }

    @Override
    public Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> stat() {
        return stat(path);
    }

    @Override
    public Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> statAt(Set<FilesystemTypes.PathFlags> pathFlags, String relative) {
        Result<Path, FilesystemTypes.ErrorCode> target = resolve(relative);
        return target instanceof Result.Ok<Path, FilesystemTypes.ErrorCode> ok ? stat(ok.value()) : err(((Result.Err<Path, FilesystemTypes.ErrorCode>) target).error());
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setTimesAt(Set<FilesystemTypes.PathFlags> pathFlags, String relative,
            FilesystemTypes.NewTimestamp dataAccessTimestamp, FilesystemTypes.NewTimestamp dataModificationTimestamp) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> linkAt(Set<FilesystemTypes.PathFlags> oldPathFlags, String oldPath, FilesystemTypes.Descriptor newDescriptor, String newPath) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<FilesystemTypes.Descriptor, FilesystemTypes.ErrorCode> openAt(Set<FilesystemTypes.PathFlags> pathFlags, String relative,
            Set<FilesystemTypes.OpenFlags> openFlags, Set<FilesystemTypes.DescriptorFlags> flags) {
        Result<Path, FilesystemTypes.ErrorCode> resolved = resolve(relative);
        if (resolved instanceof Result.Err<Path, FilesystemTypes.ErrorCode> e) {
            return err(e.error());
        }
        Path target = ((Result.Ok<Path, FilesystemTypes.ErrorCode>) resolved).value();
        boolean writes = flags.contains(FilesystemTypes.DescriptorFlags.WRITE) || openFlags.contains(FilesystemTypes.OpenFlags.CREATE)
                || openFlags.contains(FilesystemTypes.OpenFlags.TRUNCATE);
        if (readOnly && writes) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        try {
            if (openFlags.contains(FilesystemTypes.OpenFlags.CREATE)) {
                List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.WRITE,
                        openFlags.contains(FilesystemTypes.OpenFlags.EXCLUSIVE) ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE));
                Files.newByteChannel(target, options.toArray(OpenOption[]::new)).close();
            } else if (!Files.exists(target)) {
                return err(FilesystemTypes.ErrorCode.NO_ENTRY);
            } else if (openFlags.contains(FilesystemTypes.OpenFlags.EXCLUSIVE)) {
                return err(FilesystemTypes.ErrorCode.EXIST);
            }
            if (openFlags.contains(FilesystemTypes.OpenFlags.DIRECTORY) && !Files.isDirectory(target)) {
                return err(FilesystemTypes.ErrorCode.NOT_DIRECTORY);
            }
            if (openFlags.contains(FilesystemTypes.OpenFlags.TRUNCATE)) {
                Files.newByteChannel(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).close();
            }
        } catch (IOException e) {
            return err(code(e));
        }
        return Result.ok(new HostDescriptor(root, target, readOnly || !flags.contains(FilesystemTypes.DescriptorFlags.WRITE) && !Files.isDirectory(target)));
    }

    @Override
    public Result<String, FilesystemTypes.ErrorCode> readlinkAt(String relative) {
        return err(FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> removeDirectoryAt(String relative) {
        return change(relative, p -> {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(relative);
            }
            Files.delete(p);
        });
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> renameAt(String oldPath, FilesystemTypes.Descriptor newDescriptor, String newPath) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> symlinkAt(String oldPath, String newPath) {
        return err(readOnly ? FilesystemTypes.ErrorCode.READ_ONLY : FilesystemTypes.ErrorCode.NOT_PERMITTED);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> unlinkFileAt(String relative) {
        return change(relative, p -> {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("is a directory");
            }
            Files.delete(p);
        });
    }

    @Override
    public boolean isSameObject(FilesystemTypes.Descriptor other) {
        return other instanceof HostDescriptor d && d.path.equals(path);
    }

    @Override
    public Result<FilesystemTypes.MetadataHashValue, FilesystemTypes.ErrorCode> metadataHash() {
        return Result.ok(new FilesystemTypes.MetadataHashValue(path.hashCode(), root.hashCode()));
    }

    @Override
    public Result<FilesystemTypes.MetadataHashValue, FilesystemTypes.ErrorCode> metadataHashAt(Set<FilesystemTypes.PathFlags> pathFlags, String relative) {
        Result<Path, FilesystemTypes.ErrorCode> target = resolve(relative);
        return target instanceof Result.Ok<Path, FilesystemTypes.ErrorCode> ok
                ? Result.ok(new FilesystemTypes.MetadataHashValue(ok.value().hashCode(), root.hashCode()))
                : err(((Result.Err<Path, FilesystemTypes.ErrorCode>) target).error());
    }

    private interface PathAction {
        void apply(Path p) throws IOException;
    }

    private Result<Void, FilesystemTypes.ErrorCode> change(String relative, PathAction action) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        Result<Path, FilesystemTypes.ErrorCode> target = resolve(relative);
        if (target instanceof Result.Err<Path, FilesystemTypes.ErrorCode> e) {
            return err(e.error());
        }
        try {
            action.apply(((Result.Ok<Path, FilesystemTypes.ErrorCode>) target).value());
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }
}
