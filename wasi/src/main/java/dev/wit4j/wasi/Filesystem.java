package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Tuple2;
import java.util.List;
import java.util.Optional;

/** {@code wasi:filesystem} types (the free function) and preopens: the directories the context grants. */
final class Filesystem implements FilesystemTypes, Preopens {
    private final List<WasiContext.Preopen> preopens;

    Filesystem(List<WasiContext.Preopen> preopens) {
        this.preopens = preopens;
    }

    @Override
    public Optional<ErrorCode> filesystemErrorCode(Error.Error_ err) {
        return err instanceof IoFailure f ? f.code() : Optional.empty();
    }

    @Override
    public List<Tuple2<FilesystemTypes.Descriptor, String>> getDirectories() {
        return preopens.stream()
                .map(p -> new Tuple2<FilesystemTypes.Descriptor, String>(
                        new HostDescriptor(p.root(), p.root(), p.readOnly()), p.guestPath()))
                .toList();
    }
}
