package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code wasi:cli} environment, exit and the standard streams, as the {@link WasiContext} grants them. */
final class Cli implements Environment, Exit, Stdin, Stdout, Stderr {
    private final List<String> args;
    private final List<Tuple2<String, String>> env;
    private final AsyncInput stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;

    Cli(List<String> args, Map<String, String> env, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this.args = List.copyOf(args);
        this.env = env.entrySet().stream()
                .map(e -> new Tuple2<>(e.getKey(), e.getValue()))
                .toList();
        this.stdin = new AsyncInput(stdin, "stdin");
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public List<Tuple2<String, String>> getEnvironment() {
        return env;
    }

    @Override
    public List<String> getArguments() {
        return args;
    }

    /** No working directory is granted: a component resolves relative paths against its preopens. */
    @Override
    public Optional<String> initialCwd() {
        return Optional.empty();
    }

    @Override
    public void exit(Result<Void, Void> status) {
        throw new WasiExit(status.isOk() ? 0 : 1);
    }

    @Override
    public void exitWithCode(byte statusCode) {
        throw new WasiExit(Byte.toUnsignedInt(statusCode));
    }

    // Each call hands out a new stream object over the shared Java stream: the component may drop
    // one handle and ask again. Stdin is read ahead in the background (once the guest first reads
    // or polls it), so its pollable tells when input has arrived and non-blocking reads never wait.

    @Override
    public Streams.InputStream getStdin() {
        return new AsyncInputStream(stdin);
    }

    @Override
    public Streams.OutputStream getStdout() {
        return new HostOutputStream(stdout);
    }

    @Override
    public Streams.OutputStream getStderr() {
        return new HostOutputStream(stderr);
    }
}
