package dev.wit4j.cli;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.WasmFormatException;
import dev.wit4j.wasi.WasiContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j run FILE [ARGS…]}: run a {@code wasi:cli/run} command component with the host's stdio. */
@Command(
        name = "run",
        description = {
            "Run a WASI 0.2 command component (one exporting wasi:cli/run) with this process's stdin, stdout and stderr.",
            "The component sees FILE as argument 0, then ARGS. Environment, directories, HTTP and sockets are opt-in. "
                    + "Its exit code becomes this command's; a trap or a missing import exits 1 with one line."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CodeCacheOptions cache = new CodeCacheOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "a command component (.wasm)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the component")
    List<String> args = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "set an environment variable for the component")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env", description = "give the component this process's environment")
    boolean inheritEnv;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]", description = "grant a host directory, read-write, as GUEST (default: HOST)")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--dir-ro", paramLabel = "HOST[::GUEST]", description = "grant a host directory read-only")
    List<String> readOnlyDirs = new ArrayList<>();

    @Option(names = "--allow-http", description = "let the component send HTTP requests through wasi:http (default: every request is denied)")
    boolean allowHttp;

    @Option(names = "--allow-network", description = "let the component use wasi:sockets with any address (default: none)")
    boolean allowNetwork;

    @Option(names = "--allow-loopback-network", description = "let the component use wasi:sockets on loopback addresses only")
    boolean allowLoopbackNetwork;

    @Override
    public Integer call() {
        try {
            WasiContext context = context();
            var limits = this.limits.limits();
            Component command = load();
            return context.run(command.engine().linker().limits(limits), command);
        } catch (IllegalArgumentException | LinkException e) {
            return fail("error: " + e.getMessage());
        } catch (Trap trap) {
            return fail("trap: " + trap.getMessage());
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
        }
    }

    private Component load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        // One run per process: compiled code only if it is cached, else interpreted (see CodeCacheOptions).
        Engine engine = cache.engine();
        try {
            return engine.load(bytes);
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private WasiContext context() {
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        WasiContext.Builder b = WasiContext.builder()
                .args(argv)
                .stdin(System.in)
                .stdout(new WriterOutputStream(spec.commandLine().getOut()))
                .stderr(new WriterOutputStream(spec.commandLine().getErr()));
        if (inheritEnv) {
            b.inheritEnv();
        }
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env wants KEY=VALUE, got `" + kv + "`");
            }
            b.env(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (allowNetwork) {
            b.allowNetwork(address -> true);
        } else if (allowLoopbackNetwork) {
            b.allowNetwork(address -> address.getAddress() != null && address.getAddress().isLoopbackAddress());
        }
        if (allowHttp) {
            b.allowHttp(uri -> true);
        }
        dirs.forEach(d -> preopen(b, d, false));
        readOnlyDirs.forEach(d -> preopen(b, d, true));
        return b.build();
    }

    private static void preopen(WasiContext.Builder b, String spec, boolean readOnly) {
        int sep = spec.indexOf("::");
        String host = sep < 0 ? spec : spec.substring(0, sep);
        String guest = sep < 0 ? spec : spec.substring(sep + 2);
        b.preopenedDir(Path.of(host), guest, readOnly);
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(message.replace('\n', ' ').strip());
        return Main.BAD_INPUT;
    }
}
