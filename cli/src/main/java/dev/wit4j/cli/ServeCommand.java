package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.wasi.WasiContext;
import dev.wit4j.wasi.WasiHttpHandler;
import dev.wit4j.wasi.WasiHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j serve FILE}: serve HTTP with a {@code wasi:http/incoming-handler} component. */
@Command(
        name = "serve",
        description = {
            "Serve HTTP with a component exporting wasi:http/incoming-handler@0.2.x (the wasi:http/proxy world), "
                    + "a fresh instance of it per request, its code compiled once (and cached).",
            "Prints the address it listens on; Ctrl-C stops it once the requests in flight are answered. "
                    + "A request whose instance traps is answered 500; one running past --timeout, 503. "
                    + "Environment, directories and outgoing HTTP are opt-in, as for run."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "an HTTP handler component (.wasm)")
    Path file;

    @Option(
            names = "--addr",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:8080",
            description = "the address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one)")
    String addr;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "requests served at a time (default: twice the processors, at least 4)")
    Integer threads;

    @Option(
            names = "--reuse-instances",
            description = "keep each thread's instance for its next request (only for components written for it; "
                    + "requests are then not isolated from each other)")
    boolean reuse;

    @Mixin
    CodeCacheOptions cache = new CodeCacheOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Mixin
    Progress progress = new Progress();

    @Mixin
    WasiOptions wasi = new WasiOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WasiHttpServer server;
        try {
            InetSocketAddress address = address(addr);
            int n = threads != null
                    ? threads
                    : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            if (n < 1) throw new IllegalArgumentException("--threads must be at least 1, not " + n);
            WasiContext context = wasi.builder()
                    .stdout(new WriterOutputStream(out))
                    .stderr(new WriterOutputStream(err))
                    .build();
            Component component = load();
            WasiHttpHandler handler = WasiHttpHandler.builder(component.engine(), component)
                    .wasi(context)
                    .limits(limits.limits())
                    .reuseInstances(reuse)
                    .log(message -> {
                        err.println("wit4j: " + message.replace('\n', ' ').strip());
                        err.flush();
                    })
                    .build();
            try {
                server = WasiHttpServer.start(address, handler, n);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot listen on " + addr + ": " + e.getMessage());
            }
        } catch (IllegalArgumentException | LinkException e) {
            err.println("error: " + e.getMessage().replace('\n', ' ').strip());
            err.flush();
            return Main.BAD_INPUT;
        }
        // Ctrl-C (SIGINT) or SIGTERM: stop accepting, let the requests in flight finish, then exit
        Thread stop = new Thread(server::close, "wit4j-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        InetSocketAddress bound = server.address();
        out.println("Serving HTTP on http://" + bound.getHostString() + ":" + bound.getPort() + "/");
        out.flush();
        server.awaitStop();
        return 0;
    }

    /** HOST:PORT ([v6]:PORT for an IPv6 address) as a socket address, resolved. */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--addr " + text + ": expected HOST:PORT, e.g. 127.0.0.1:8080");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--addr " + text + ": the port must be a number from 0 to 65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--addr " + text + ": unknown host " + host);
        }
        return address;
    }

    /** Loads and compiles the component: a server runs long enough for compiled code to pay. */
    private Component load() {
        byte[] bytes = InputFiles.read(file);
        Engine.Builder b = Engine.builder().executionMode(ExecutionMode.COMPILED);
        if (!cache.noCache) b.cacheDirectory(cache.directory());
        Engine engine = b.build();
        Component component;
        PrintWriter err = spec.commandLine().getErr();
        try (Progress.Step step = progress.step(err, "loading", file, bytes.length)) {
            component = engine.load(bytes);
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        try (Progress.Step step = progress.step(err, "compiling " + file)) {
            engine.precompile(component); // from the cache when it holds the code
        }
        return component;
    }
}
