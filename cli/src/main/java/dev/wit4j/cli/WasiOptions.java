package dev.wit4j.cli;

import dev.wit4j.runtime.Trap;
import dev.wit4j.wasi.WasiContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code invoke} grant a component through WASI: nothing unless asked, as
 * wasmtime's flags do (environment, directories, HTTP, sockets).
 */
final class WasiOptions {

    @Option(
            names = "--env",
            paramLabel = "KEY=VALUE|NAME",
            description =
                    "set an environment variable for the component; NAME alone passes this process's value (none if it has none)")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env", description = "give the component this process's environment")
    boolean inheritEnv;

    @Option(
            names = "--dir",
            paramLabel = "HOST[::GUEST]",
            description = "grant a host directory, read-write, as GUEST (default: HOST)")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--dir-ro", paramLabel = "HOST[::GUEST]", description = "grant a host directory read-only")
    List<String> readOnlyDirs = new ArrayList<>();

    @Option(
            names = "--allow-http",
            description = "let the component send HTTP requests through wasi:http (default: every request is denied)")
    boolean allowHttp;

    @Option(
            names = "--allow-network",
            description = "let the component use wasi:sockets with any address (default: none)")
    boolean allowNetwork;

    @Option(
            names = "--allow-loopback-network",
            description = "let the component use wasi:sockets on loopback addresses only")
    boolean allowLoopbackNetwork;

    /**
     * A builder with these grants; the caller adds arguments and standard streams.
     *
     * @throws IllegalArgumentException for a malformed option, naming it
     */
    WasiContext.Builder builder() {
        WasiContext.Builder b = WasiContext.builder();
        if (inheritEnv) {
            b.inheritEnv();
        }
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq == 0 || kv.isEmpty()) {
                throw new IllegalArgumentException("--env wants KEY=VALUE or NAME, got `" + kv + "`");
            }
            if (eq < 0) {
                String value = System.getenv(kv);
                if (value != null) b.env(kv, value);
            } else {
                b.env(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        if (allowNetwork) {
            b.allowNetwork(address -> true);
        } else if (allowLoopbackNetwork) {
            b.allowNetwork(address ->
                    address.getAddress() != null && address.getAddress().isLoopbackAddress());
        }
        if (allowHttp) {
            b.allowHttp(uri -> true);
        }
        dirs.forEach(d -> preopen(b, d, false));
        readOnlyDirs.forEach(d -> preopen(b, d, true));
        return b;
    }

    private static void preopen(WasiContext.Builder b, String spec, boolean readOnly) {
        int sep = spec.indexOf("::");
        String host = sep < 0 ? spec : spec.substring(0, sep);
        String guest = sep < 0 ? spec : spec.substring(sep + 2);
        b.preopenedDir(Path.of(host), guest, readOnly);
    }

    /**
     * A trap as the command line prints it, on one line: {@code trap: } and the reason once (a
     * trap of core code says what the core engine said, without a second "wasm trap").
     */
    static String describe(Trap trap) {
        String message = trap.getMessage();
        String core = Trap.Reason.CORE_TRAP.message() + ": ";
        if (trap.reason() == Trap.Reason.CORE_TRAP && message.startsWith(core)) {
            message = message.substring(core.length());
        }
        return "trap: " + message.replace('\n', ' ').strip();
    }
}
