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
final class HostDescriptor implements Types.Descriptor {
    private final Path root;
    private final Path path;
    private final boolean readOnly;

    HostDescriptor(Path root, Path path, boolean readOnly) {
        this.root = root;
        this.path = path;
        this.readOnly = readOnly;
    }

    private static <T> Result<T, Types.ErrorCode> err(Types.ErrorCode code) {
        return Result.err(code);
    }

    /** {@code relative} resolved against this directory, or why it may not be reached. */
    private Result<Path, Types.ErrorCode> resolve(String relative) {
        if (!Files.isDirectory(path)) {
            return err(Types.ErrorCode.NOT_DIRECTORY);
        }
        if (relative.startsWith("/") || relative.indexOf('\0') >= 0) {
            return err(Types.ErrorCode.NOT_PERMITTED);
        }
        Path target = path.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            return err(Types.ErrorCode.NOT_PERMITTED);
        }
        try { // symbolic links: the deepest existing ancestor must stay inside the root too
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
                return err(Types.ErrorCode.NOT_PERMITTED);
            }
        } catch (IOException e) {
            return err(code(e));
        }
        return Result.ok(target);
    }

    static Types.ErrorCode code(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Types.ErrorCode.NO_ENTRY;
        } else if (e instanceof FileAlreadyExistsException) {
            return Types.ErrorCode.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return Types.ErrorCode.NOT_EMPTY;
        } else if (e instanceof NotDirectoryException) {
            return Types.ErrorCode.NOT_DIRECTORY;
        } else if (e instanceof AccessDeniedException) {
            return Types.ErrorCode.ACCESS;
        }
        return Types.ErrorCode.IO;
    }

    private static Types.DescriptorType typeOf(BasicFileAttributes a) {
        return a.isDirectory() ? Types.DescriptorType.DIRECTORY
                : a.isRegularFile() ? Types.DescriptorType.REGULAR_FILE
                : a.isSymbolicLink() ? Types.DescriptorType.SYMBOLIC_LINK : Types.DescriptorType.UNKNOWN;
    }

    private static Result<Types.DescriptorStat, Types.ErrorCode> stat(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Result.ok(new Types.DescriptorStat(typeOf(a), 1, a.size(), Optional.of(datetime(a.lastAccessTime().toInstant())),
                    Optional.of(datetime(a.lastModifiedTime().toInstant())), Optional.empty()));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    private static WallClock.Datetime datetime(java.time.Instant i) {
        return new WallClock.Datetime(i.getEpochSecond(), i.getNano());
    }

    @Override
    public Result<Streams.InputStream, Types.ErrorCode> readViaStream(long offset) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ).position(offset);
            return Result.ok(new HostInputStream(Channels.newInputStream(ch)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Streams.OutputStream, Types.ErrorCode> writeViaStream(long offset) {
        if (readOnly) {
            return err(Types.ErrorCode.READ_ONLY);
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE).position(offset);
            return Result.ok(new HostOutputStream(Channels.newOutputStream(ch)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Streams.OutputStream, Types.ErrorCode> appendViaStream() {
        if (readOnly) {
            return err(Types.ErrorCode.READ_ONLY);
        }
        try {
            return Result.ok(new HostOutputStream(Files.newOutputStream(path, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Void, Types.ErrorCode> advise(long offset, long length, Types.Advice advice) {
        return Result.ok();
    }

    @Override
    public Result<Void, Types.ErrorCode> syncData() {
        return Result.ok();
    }

    @Override
    public Result<Set<Types.DescriptorFlags>, Types.ErrorCode> getFlags() {
        Set<Types.DescriptorFlags> flags = EnumSet.of(Types.DescriptorFlags.READ);
        if (!readOnly) {
            flags.add(Types.DescriptorFlags.WRITE);
            if (Files.isDirectory(path)) {
                flags.add(Types.DescriptorFlags.MUTATE_DIRECTORY);
            }
        }
        return Result.ok(flags);
    }

    @Override
    public Result<Types.DescriptorType, Types.ErrorCode> getType() {
        return stat().okValue().<Result<Types.DescriptorType, Types.ErrorCode>>map(s -> Result.ok(s.type()))
                .orElse(err(Types.ErrorCode.IO));
    }

    @Override
    public Result<Void, Types.ErrorCode> setSize(long size) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, Types.ErrorCode> setTimes(Types.NewTimestamp dataAccessTimestamp, Types.NewTimestamp dataModificationTimestamp) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Tuple2<byte[], Boolean>, Types.ErrorCode> read(long length, long offset) {
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
    public Result<Long, Types.ErrorCode> write(byte[] buffer, long offset) {
        if (readOnly) {
            return err(Types.ErrorCode.READ_ONLY);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            return Result.ok((long) ch.write(ByteBuffer.wrap(buffer), offset));
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Types.DirectoryEntryStream, Types.ErrorCode> readDirectory() {
        List<Types.DirectoryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(path)) {
            for (Path p : dir) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.add(new Types.DirectoryEntry(typeOf(a), p.getFileName().toString()));
            }
        } catch (IOException e) {
            return err(code(e));
        }
        Iterator<Types.DirectoryEntry> it = entries.iterator();
        return Result.ok(() -> Result.ok(it.hasNext() ? Optional.of(it.next()) : Optional.empty()));
    }

    @Override
    public Result<Void, Types.ErrorCode> sync() {
        return Result.ok();
    }

    @Override
    public Result<Void, Types.ErrorCode> createDirectoryAt(String relative) {
        return change(relative, p -> Files.createDirectory(p));
    }

    @Override
    public Result<Types.DescriptorStat, Types.ErrorCode> stat() {
        return stat(path);
    }

    @Override
    public Result<Types.DescriptorStat, Types.ErrorCode> statAt(Set<Types.PathFlags> pathFlags, String relative) {
        Result<Path, Types.ErrorCode> target = resolve(relative);
        return target instanceof Result.Ok<Path, Types.ErrorCode> ok ? stat(ok.value()) : err(((Result.Err<Path, Types.ErrorCode>) target).error());
    }

    @Override
    public Result<Void, Types.ErrorCode> setTimesAt(Set<Types.PathFlags> pathFlags, String relative,
            Types.NewTimestamp dataAccessTimestamp, Types.NewTimestamp dataModificationTimestamp) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, Types.ErrorCode> linkAt(Set<Types.PathFlags> oldPathFlags, String oldPath, Types.Descriptor newDescriptor, String newPath) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Types.Descriptor, Types.ErrorCode> openAt(Set<Types.PathFlags> pathFlags, String relative,
            Set<Types.OpenFlags> openFlags, Set<Types.DescriptorFlags> flags) {
        Result<Path, Types.ErrorCode> resolved = resolve(relative);
        if (resolved instanceof Result.Err<Path, Types.ErrorCode> e) {
            return err(e.error());
        }
        Path target = ((Result.Ok<Path, Types.ErrorCode>) resolved).value();
        boolean writes = flags.contains(Types.DescriptorFlags.WRITE) || openFlags.contains(Types.OpenFlags.CREATE)
                || openFlags.contains(Types.OpenFlags.TRUNCATE);
        if (readOnly && writes) {
            return err(Types.ErrorCode.READ_ONLY);
        }
        try {
            if (openFlags.contains(Types.OpenFlags.CREATE)) {
                List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.WRITE,
                        openFlags.contains(Types.OpenFlags.EXCLUSIVE) ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE));
                Files.newByteChannel(target, options.toArray(OpenOption[]::new)).close();
            } else if (!Files.exists(target)) {
                return err(Types.ErrorCode.NO_ENTRY);
            } else if (openFlags.contains(Types.OpenFlags.EXCLUSIVE)) {
                return err(Types.ErrorCode.EXIST);
            }
            if (openFlags.contains(Types.OpenFlags.DIRECTORY) && !Files.isDirectory(target)) {
                return err(Types.ErrorCode.NOT_DIRECTORY);
            }
            if (openFlags.contains(Types.OpenFlags.TRUNCATE)) {
                Files.newByteChannel(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).close();
            }
        } catch (IOException e) {
            return err(code(e));
        }
        return Result.ok(new HostDescriptor(root, target, readOnly || !flags.contains(Types.DescriptorFlags.WRITE) && !Files.isDirectory(target)));
    }

    @Override
    public Result<String, Types.ErrorCode> readlinkAt(String relative) {
        return err(Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, Types.ErrorCode> removeDirectoryAt(String relative) {
        return change(relative, p -> {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(relative);
            }
            Files.delete(p);
        });
    }

    @Override
    public Result<Void, Types.ErrorCode> renameAt(String oldPath, Types.Descriptor newDescriptor, String newPath) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.UNSUPPORTED);
    }

    @Override
    public Result<Void, Types.ErrorCode> symlinkAt(String oldPath, String newPath) {
        return err(readOnly ? Types.ErrorCode.READ_ONLY : Types.ErrorCode.NOT_PERMITTED);
    }

    @Override
    public Result<Void, Types.ErrorCode> unlinkFileAt(String relative) {
        return change(relative, p -> {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("is a directory");
            }
            Files.delete(p);
        });
    }

    @Override
    public boolean isSameObject(Types.Descriptor other) {
        return other instanceof HostDescriptor d && d.path.equals(path);
    }

    @Override
    public Result<Types.MetadataHashValue, Types.ErrorCode> metadataHash() {
        return Result.ok(new Types.MetadataHashValue(path.hashCode(), root.hashCode()));
    }

    @Override
    public Result<Types.MetadataHashValue, Types.ErrorCode> metadataHashAt(Set<Types.PathFlags> pathFlags, String relative) {
        Result<Path, Types.ErrorCode> target = resolve(relative);
        return target instanceof Result.Ok<Path, Types.ErrorCode> ok
                ? Result.ok(new Types.MetadataHashValue(ok.value().hashCode(), root.hashCode()))
                : err(((Result.Err<Path, Types.ErrorCode>) target).error());
    }

    private interface PathAction {
        void apply(Path p) throws IOException;
    }

    private Result<Void, Types.ErrorCode> change(String relative, PathAction action) {
        if (readOnly) {
            return err(Types.ErrorCode.READ_ONLY);
        }
        Result<Path, Types.ErrorCode> target = resolve(relative);
        if (target instanceof Result.Err<Path, Types.ErrorCode> e) {
            return err(e.error());
        }
        try {
            action.apply(((Result.Ok<Path, Types.ErrorCode>) target).value());
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }
}
