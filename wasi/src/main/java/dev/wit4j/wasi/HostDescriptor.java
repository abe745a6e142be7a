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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
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

    /**
     * {@code relative} resolved against this directory following every symbolic link, or why it
     * may not be reached: absolute paths, {@code ..} above the root and links leading out of it are
     * refused with {@code not-permitted}.
     */
    private Result<Path, FilesystemTypes.ErrorCode> resolve(String relative) {
        Result<Path, FilesystemTypes.ErrorCode> target = lexical(relative);
        return target.isOk() ? confined(target.okValue().get(), target.okValue().get()) : target;
    }

    /**
     * {@code relative} resolved against this directory without following its last component (the
     * name an operation acts on itself: a link to read, rename or remove); the directories on the
     * way must stay inside the root.
     */
    private Result<Path, FilesystemTypes.ErrorCode> resolveNoFollow(String relative) {
        Result<Path, FilesystemTypes.ErrorCode> target = lexical(relative);
        if (!target.isOk() || target.okValue().get().equals(root)) {
            return target;
        }
        return confined(target.okValue().get().getParent(), target.okValue().get());
    }

    /**
     * {@code result} if {@code checked}, with every symbolic link on the way followed, stays inside
     * the root: its deepest existing ancestor's real path must lie under the root's real path.
     */
    private Result<Path, FilesystemTypes.ErrorCode> confined(Path checked, Path result) {
        try {
            Path existing = checked;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
                return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
            }
            return Result.ok(result);
        } catch (IOException e) {
            return err(code(e));
        }
    }

    /** The lexically normalised path, refused if absolute or above the root. */
    private Result<Path, FilesystemTypes.ErrorCode> lexical(String relative) {
        if (!Files.isDirectory(path)) {
            return err(FilesystemTypes.ErrorCode.NOT_DIRECTORY);
        }
        if (relative.startsWith("/") || relative.indexOf('\0') >= 0) {
            return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
        }
        Path target = path.resolve(relative).normalize();
        return target.startsWith(root) ? Result.ok(target) : err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
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
        } else if (e instanceof IsADirectory) {
            return FilesystemTypes.ErrorCode.IS_DIRECTORY;
        } else if (e instanceof java.nio.file.FileSystemLoopException) {
            return FilesystemTypes.ErrorCode.LOOP;
        } else if (e instanceof AccessDeniedException) {
            return FilesystemTypes.ErrorCode.ACCESS;
        }
        return FilesystemTypes.ErrorCode.IO;
    }

    private static FilesystemTypes.DescriptorType typeOf(BasicFileAttributes a) {
        return a.isDirectory()
                ? FilesystemTypes.DescriptorType.DIRECTORY
                : a.isRegularFile()
                        ? FilesystemTypes.DescriptorType.REGULAR_FILE
                        : a.isSymbolicLink()
                                ? FilesystemTypes.DescriptorType.SYMBOLIC_LINK
                                : FilesystemTypes.DescriptorType.UNKNOWN;
    }

    private static Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> stat(Path p, boolean follow) {
        try {
            BasicFileAttributes a = follow
                    ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Result.ok(new FilesystemTypes.DescriptorStat(
                    typeOf(a),
                    1,
                    a.size(),
                    Optional.of(datetime(a.lastAccessTime().toInstant())),
                    Optional.of(datetime(a.lastModifiedTime().toInstant())),
                    Optional.empty()));
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

    /** Advice changes nothing a component can observe; the range is checked as the interface says. */
    @Override
    public Result<Void, FilesystemTypes.ErrorCode> advise(long offset, long length, FilesystemTypes.Advice advice) {
        if (offset < 0 || length < 0) {
            return err(FilesystemTypes.ErrorCode.INVALID);
        }
        return Files.isDirectory(path) ? err(FilesystemTypes.ErrorCode.BAD_DESCRIPTOR) : Result.ok();
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> syncData() {
        return force(false);
    }

    /** Flushes a file's data (and with {@code metadata} its metadata) to the device; directories need nothing. */
    private Result<Void, FilesystemTypes.ErrorCode> force(boolean metadata) {
        if (Files.isDirectory(path)) {
            return Result.ok();
        }
        try (FileChannel ch = FileChannel.open(path, readOnly ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(metadata);
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
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
        return stat().okValue()
                .<Result<FilesystemTypes.DescriptorType, FilesystemTypes.ErrorCode>>map(s -> Result.ok(s.type()))
                .orElse(err(FilesystemTypes.ErrorCode.IO));
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setSize(long size) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        if (Files.isDirectory(path)) {
            return err(FilesystemTypes.ErrorCode.IS_DIRECTORY);
        }
        if (size < 0) {
            return err(FilesystemTypes.ErrorCode.INVALID);
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size); // grows with zeroes or truncates, as ftruncate does
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setTimes(
            FilesystemTypes.NewTimestamp dataAccessTimestamp, FilesystemTypes.NewTimestamp dataModificationTimestamp) {
        return readOnly
                ? err(FilesystemTypes.ErrorCode.READ_ONLY)
                : setTimes(path, true, dataAccessTimestamp, dataModificationTimestamp);
    }

    private static Result<Void, FilesystemTypes.ErrorCode> setTimes(
            Path p, boolean follow, FilesystemTypes.NewTimestamp access, FilesystemTypes.NewTimestamp modification) {
        FileTime now = FileTime.from(java.time.Instant.now());
        try {
            BasicFileAttributeView view = follow
                    ? Files.getFileAttributeView(p, BasicFileAttributeView.class)
                    : Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setTimes(fileTime(modification, now), fileTime(access, now), null); // null: leave unchanged
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }

    private static FileTime fileTime(FilesystemTypes.NewTimestamp t, FileTime now) {
        if (t instanceof FilesystemTypes.NewTimestamp.Timestamp ts) {
            return FileTime.from(java.time.Instant.ofEpochSecond(
                    ts.value().seconds(), ts.value().nanoseconds()));
        }
        return t instanceof FilesystemTypes.NewTimestamp.Now ? now : null;
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
                entries.add(new FilesystemTypes.DirectoryEntry(
                        typeOf(a), p.getFileName().toString()));
            }
        } catch (IOException e) {
            return err(code(e));
        }
        Iterator<FilesystemTypes.DirectoryEntry> it = entries.iterator();
        return Result.ok(() -> Result.ok(it.hasNext() ? Optional.of(it.next()) : Optional.empty()));
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> sync() {
        return force(true);
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> createDirectoryAt(String relative) {
        return change(relative, p -> Files.createDirectory(p));
    }

    @Override
    public Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> stat() {
        return stat(path, true);
    }

    @Override
    public Result<FilesystemTypes.DescriptorStat, FilesystemTypes.ErrorCode> statAt(
            Set<FilesystemTypes.PathFlags> pathFlags, String relative) {
        boolean follow = pathFlags.contains(FilesystemTypes.PathFlags.SYMLINK_FOLLOW);
        Result<Path, FilesystemTypes.ErrorCode> target = follow ? resolve(relative) : resolveNoFollow(relative);
        return target.isOk()
                ? stat(target.okValue().get(), follow)
                : err(target.errValue().get());
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> setTimesAt(
            Set<FilesystemTypes.PathFlags> pathFlags,
            String relative,
            FilesystemTypes.NewTimestamp dataAccessTimestamp,
            FilesystemTypes.NewTimestamp dataModificationTimestamp) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        boolean follow = pathFlags.contains(FilesystemTypes.PathFlags.SYMLINK_FOLLOW);
        Result<Path, FilesystemTypes.ErrorCode> target = follow ? resolve(relative) : resolveNoFollow(relative);
        if (!target.isOk()) {
            return err(target.errValue().get());
        }
        return setTimes(target.okValue().get(), follow, dataAccessTimestamp, dataModificationTimestamp);
    }

    /** A hard link: both names confined; the new one is made in {@code newDescriptor}'s directory. */
    @Override
    public Result<Void, FilesystemTypes.ErrorCode> linkAt(
            Set<FilesystemTypes.PathFlags> oldPathFlags,
            String oldPath,
            FilesystemTypes.Descriptor newDescriptor,
            String newPath) {
        HostDescriptor to = (HostDescriptor) newDescriptor;
        if (readOnly || to.readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        Result<Path, FilesystemTypes.ErrorCode> from = oldPathFlags.contains(FilesystemTypes.PathFlags.SYMLINK_FOLLOW)
                ? resolve(oldPath)
                : resolveNoFollow(oldPath);
        Result<Path, FilesystemTypes.ErrorCode> target = to.resolveNoFollow(newPath);
        if (!from.isOk() || !target.isOk()) {
            return err(from.isOk() ? target.errValue().get() : from.errValue().get());
        }
        if (Files.isDirectory(from.okValue().get(), LinkOption.NOFOLLOW_LINKS)) {
            return err(FilesystemTypes.ErrorCode.NOT_PERMITTED); // no hard links to directories (EPERM)
        }
        try {
            Files.createLink(target.okValue().get(), from.okValue().get());
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<FilesystemTypes.Descriptor, FilesystemTypes.ErrorCode> openAt(
            Set<FilesystemTypes.PathFlags> pathFlags,
            String relative,
            Set<FilesystemTypes.OpenFlags> openFlags,
            Set<FilesystemTypes.DescriptorFlags> flags) {
        boolean follow = pathFlags.contains(FilesystemTypes.PathFlags.SYMLINK_FOLLOW);
        Result<Path, FilesystemTypes.ErrorCode> resolved = follow ? resolve(relative) : resolveNoFollow(relative);
        if (resolved instanceof Result.Err<Path, FilesystemTypes.ErrorCode> e) {
            return err(e.error());
        }
        Path target = ((Result.Ok<Path, FilesystemTypes.ErrorCode>) resolved).value();
        if (!follow && Files.isSymbolicLink(target)) {
            return err(FilesystemTypes.ErrorCode.LOOP); // O_NOFOLLOW on a link: ELOOP
        }
        boolean writes = flags.contains(FilesystemTypes.DescriptorFlags.WRITE)
                || openFlags.contains(FilesystemTypes.OpenFlags.CREATE)
                || openFlags.contains(FilesystemTypes.OpenFlags.TRUNCATE);
        if (readOnly && writes) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        try {
            if (openFlags.contains(FilesystemTypes.OpenFlags.CREATE)) {
                List<OpenOption> options = new ArrayList<>(List.of(
                        StandardOpenOption.WRITE,
                        openFlags.contains(FilesystemTypes.OpenFlags.EXCLUSIVE)
                                ? StandardOpenOption.CREATE_NEW
                                : StandardOpenOption.CREATE));
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
                Files.newByteChannel(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                        .close();
            }
        } catch (IOException e) {
            return err(code(e));
        }
        return Result.ok(new HostDescriptor(
                root,
                target,
                readOnly || !flags.contains(FilesystemTypes.DescriptorFlags.WRITE) && !Files.isDirectory(target)));
    }

    /** The link's text as stored; reading it never follows it. */
    @Override
    public Result<String, FilesystemTypes.ErrorCode> readlinkAt(String relative) {
        Result<Path, FilesystemTypes.ErrorCode> target = resolveNoFollow(relative);
        if (!target.isOk()) {
            return err(target.errValue().get());
        }
        try {
            if (!Files.isSymbolicLink(target.okValue().get())) {
                return Files.exists(target.okValue().get(), LinkOption.NOFOLLOW_LINKS)
                        ? err(FilesystemTypes.ErrorCode.INVALID)
                        : err(FilesystemTypes.ErrorCode.NO_ENTRY);
            }
            return Result.ok(Files.readSymbolicLink(target.okValue().get()).toString());
        } catch (IOException e) {
            return err(code(e));
        }
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

    /** Moves within the preopens, replacing a file (or empty directory) at the new name, as rename(2) does. */
    @Override
    public Result<Void, FilesystemTypes.ErrorCode> renameAt(
            String oldPath, FilesystemTypes.Descriptor newDescriptor, String newPath) {
        HostDescriptor to = (HostDescriptor) newDescriptor;
        if (readOnly || to.readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        Result<Path, FilesystemTypes.ErrorCode> from = resolveNoFollow(oldPath);
        Result<Path, FilesystemTypes.ErrorCode> target = to.resolveNoFollow(newPath);
        if (!from.isOk() || !target.isOk()) {
            return err(from.isOk() ? target.errValue().get() : from.errValue().get());
        }
        if (from.okValue().get().equals(root) || target.okValue().get().equals(to.root)) {
            return err(FilesystemTypes.ErrorCode.BUSY); // a preopen itself stays where it is
        }
        try {
            Files.move(from.okValue().get(), target.okValue().get(), StandardCopyOption.ATOMIC_MOVE);
            return Result.ok();
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            return err(FilesystemTypes.ErrorCode.CROSS_DEVICE);
        } catch (IOException e) {
            return err(code(e));
        }
    }

    /**
     * Creates a symbolic link whose text must itself stay inside the preopen: absolute targets and
     * targets that climb above the root from the link's directory are refused with
     * {@code not-permitted}, so the guest cannot plant a way out for others.
     */
    @Override
    public Result<Void, FilesystemTypes.ErrorCode> symlinkAt(String oldPath, String newPath) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        Result<Path, FilesystemTypes.ErrorCode> link = resolveNoFollow(newPath);
        if (!link.isOk()) {
            return err(link.errValue().get());
        }
        if (oldPath.isEmpty()
                || oldPath.startsWith("/")
                || oldPath.indexOf('\0') >= 0
                || !link.okValue()
                        .get()
                        .getParent()
                        .resolve(oldPath)
                        .normalize()
                        .startsWith(root)) {
            return err(FilesystemTypes.ErrorCode.NOT_PERMITTED);
        }
        try {
            Files.createSymbolicLink(link.okValue().get(), Path.of(oldPath));
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }

    @Override
    public Result<Void, FilesystemTypes.ErrorCode> unlinkFileAt(String relative) {
        return change(relative, p -> {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new IsADirectory(relative);
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
        return metadataHash(path, true);
    }

    @Override
    public Result<FilesystemTypes.MetadataHashValue, FilesystemTypes.ErrorCode> metadataHashAt(
            Set<FilesystemTypes.PathFlags> pathFlags, String relative) {
        boolean follow = pathFlags.contains(FilesystemTypes.PathFlags.SYMLINK_FOLLOW);
        Result<Path, FilesystemTypes.ErrorCode> target = follow ? resolve(relative) : resolveNoFollow(relative);
        return target.isOk()
                ? metadataHash(target.okValue().get(), follow)
                : err(target.errValue().get());
    }

    /**
     * Equal for the same file under any name (hard links included): the device and inode where
     * the file system reports them, else the file key Java offers.
     */
    private static Result<FilesystemTypes.MetadataHashValue, FilesystemTypes.ErrorCode> metadataHash(
            Path p, boolean follow) {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            try {
                long ino = (Long) Files.getAttribute(p, "unix:ino", options);
                long dev = (Long) Files.getAttribute(p, "unix:dev", options);
                return Result.ok(new FilesystemTypes.MetadataHashValue(ino, dev));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                Object key = Files.readAttributes(p, BasicFileAttributes.class, options)
                        .fileKey();
                long lower = key != null ? key.hashCode() : p.toRealPath().hashCode();
                return Result.ok(new FilesystemTypes.MetadataHashValue(lower, 0));
            }
        } catch (IOException e) {
            return err(code(e));
        }
    }

    /** unlink-file-at on a directory: {@code is-directory}. */
    private static final class IsADirectory extends IOException {
        private static final long serialVersionUID = 1L;

        IsADirectory(String path) {
            super(path + ": is a directory");
        }
    }

    private interface PathAction {
        void apply(Path p) throws IOException;
    }

    private Result<Void, FilesystemTypes.ErrorCode> change(String relative, PathAction action) {
        if (readOnly) {
            return err(FilesystemTypes.ErrorCode.READ_ONLY);
        }
        Result<Path, FilesystemTypes.ErrorCode> target = resolveNoFollow(relative);
        if (target instanceof Result.Err<Path, FilesystemTypes.ErrorCode> e) {
            return err(e.error());
        }
        if (target.okValue().get().equals(root)) {
            return err(FilesystemTypes.ErrorCode.BUSY); // the preopen itself cannot be removed or replaced
        }
        try {
            action.apply(((Result.Ok<Path, FilesystemTypes.ErrorCode>) target).value());
            return Result.ok();
        } catch (IOException e) {
            return err(code(e));
        }
    }
}
