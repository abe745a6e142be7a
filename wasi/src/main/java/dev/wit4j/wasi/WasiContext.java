package dev.wit4j.wasi;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.value.Value;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What a component may see of the host through WASI 0.2: its arguments, environment, standard
 * streams, preopened directories, clocks and randomness. Nothing is granted unless asked for: no
 * environment, no directories, stdin empty, stdout and stderr discarded.
 *
 * <pre>{@code
 * WasiContext wasi = WasiContext.builder()
 *         .args("hello.wasm", "--verbose")
 *         .env("LANG", "C")
 *         .inheritStdio()
 *         .preopenedDir(Path.of("data"), "/data", true)
 *         .build();
 * int exitCode = wasi.run(engine, engine.load(Path.of("hello.wasm")));
 * }</pre>
 *
 * <p>Implemented: {@code wasi:io} (error, poll, streams), {@code wasi:clocks} (wall-clock,
 * monotonic-clock), {@code wasi:random} (random, insecure, insecure-seed), {@code wasi:cli}
 * (environment, exit, stdin/stdout/stderr, terminal-* without terminals) and
 * {@code wasi:filesystem} (types, preopens; paths confined to their preopen) and {@code wasi:http}
 * (types, outgoing-handler; every request refused with {@code HTTP-request-denied} unless
 * {@link Builder#allowHttp(Predicate)} grants it) and {@code wasi:sockets} (TCP, UDP, name lookup;
 * nothing reachable unless {@link Builder#allowNetwork(Predicate)} grants addresses), all at 0.2.12;
 * the linker matches imports of any 0.2.x version. For a component that imports more than WASI,
 * {@link #addToLinker(Linker)} adds WASI to a linker that also holds the other definitions.
 */
public final class WasiContext {

    /** A host directory granted to the component as {@code guestPath}. */
    record Preopen(Path root, String guestPath, boolean readOnly) {}

    private final Host.Imports imports;

    private WasiContext(Builder b) {
        Cli cli = new Cli(b.args, b.env, b.stdin, b.stdout, b.stderr);
        Monotonic monotonic = new Monotonic(b.nanoTime);
        Randomness random = new Randomness(b.secureRandom, b.insecureRandom);
        NoTerminal terminal = new NoTerminal();
        Filesystem fs = new Filesystem(List.copyOf(b.preopens));
        Http http = new Http(b.httpAllowed, b.maxHttpBodyBytes);
        Sockets sockets = new Sockets(b.networkAllowed);
        this.imports = Host.Imports.builder()
                .poll(new Pollables())
                .monotonicClock(monotonic)
                .wallClock(new Wall(b.wallClock))
                .random(random)
                .insecure(random)
                .insecureSeed(random)
                .environment(cli)
                .exit(cli)
                .stdin(cli)
                .stdout(cli)
                .stderr(cli)
                .terminalStdin(terminal)
                .terminalStdout(terminal)
                .terminalStderr(terminal)
                .filesystemTypes(fs)
                .preopens(fs)
                .httpTypes(http)
                .outgoingHandler(http)
                .instanceNetwork(sockets)
                .ipNameLookup(sockets)
                .tcpCreateSocket(sockets)
                .udpCreateSocket(sockets)
                .build();
    }

    /** The implementations of the WASI imports, for the bindings of a world that includes them. */
    Host.Imports imports() {
        return imports;
    }

    /** A builder granting nothing. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds every WASI interface this host implements to {@code linker}, backed by this context:
     * {@code wasi:io} (error, poll, streams), {@code wasi:clocks}, {@code wasi:random},
     * {@code wasi:cli}, {@code wasi:filesystem} (types, preopens), {@code wasi:http} (types,
     * outgoing-handler) and {@code wasi:sockets} (network, instance-network, ip-name-lookup, tcp,
     * tcp-create-socket, udp, udp-create-socket), each defined at version
     * {@code 0.2.12}, which through the linker's semver matching also satisfies imports of any
     * earlier {@code 0.2.x} version. The caller defines the component's other imports:
     *
     * <pre>{@code
     * Linker linker = engine.linker();
     * wasi.addToLinker(linker)
     *         .func("log", args -> { System.out.println(args.get(0)); return Optional.empty(); });
     * Instance instance = linker.instantiate(component);
     * }</pre>
     *
     * <p>Each call defines new resource types (streams, pollables, descriptors), so handles do not
     * pass between components linked by different calls.
     *
     * @param linker the linker to add the interfaces to
     * @return {@code linker}, for chaining
     * @throws IllegalArgumentException if {@code linker} already defines one of these WASI
     *     functions or resources
     */
    public Linker addToLinker(Linker linker) {
        return Host.link(linker, imports);
    }

    /**
     * Instantiates {@code component} with all WASI imports defined by this context (see
     * {@link #addToLinker(Linker)}).
     *
     * @throws dev.wit4j.runtime.LinkException if the component imports something else
     */
    public Instance instantiate(Engine engine, Component component) {
        Objects.requireNonNull(component, "component");
        return addToLinker(engine.linker()).instantiate(component);
    }

    /**
     * Instantiates a command component (one exporting {@code wasi:cli/run@0.2.x}) and calls
     * {@code run}: returns 0 when it returns {@code ok}, 1 for {@code err}, and the code it passed
     * to {@code wasi:cli/exit}.
     *
     * @throws IllegalArgumentException if the component exports no {@code wasi:cli/run@0.2.x}
     * @throws dev.wit4j.runtime.Trap if it traps
     */
    public int run(Engine engine, Component component) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(component, "component");
        return exitCode(() -> instantiate(engine, component));
    }

    /**
     * {@link #run(Engine, Component)} with the definitions of {@code linker} besides WASI, and its
     * {@linkplain Linker#limits(dev.wit4j.runtime.Limits) limits}.
     */
    public int run(Linker linker, Component component) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(component, "component");
        return exitCode(() -> addToLinker(linker).instantiate(component));
    }

    /**
     * Calls {@code wasi:cli/run} on a command instance made with a linker this context was
     * {@linkplain #addToLinker(Linker) added to} (for example from an {@link dev.wit4j.runtime.InstancePre}
     * prepared once): returns 0 for {@code ok}, 1 for {@code err}, and the code it passed to
     * {@code wasi:cli/exit}.
     *
     * @throws IllegalArgumentException if the instance exports no {@code wasi:cli/run@0.2.x}
     * @throws dev.wit4j.runtime.Trap if it traps
     */
    public static int run(Instance instance) {
        Objects.requireNonNull(instance, "instance");
        return exitCode(() -> instance);
    }

    private static int exitCode(java.util.function.Supplier<Instance> instance) {
        try {
            Optional<Value> result = runFunc(instance.get()).call();
            return result.isPresent() && result.get() instanceof Value.ResultValue r && !r.isOk() ? 1 : 0;
        } catch (RuntimeException e) {
            WasiExit exit = WasiExit.find(e);
            if (exit != null) {
                return exit.code();
            }
            throw e;
        }
    }

    private static Func runFunc(Instance instance) {
        return instance.exportNames().stream()
                .filter(n -> n.startsWith("wasi:cli/run@0.2."))
                .findFirst()
                .map(n -> instance.func(n + "#run"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a WASI command: the component exports no wasi:cli/run@0.2.x (exports: "
                                + instance.exportNames() + ")"));
    }

    /** Collects the grants; each setter replaces what it sets. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private Clock wallClock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private java.util.Random secureRandom = new SecureRandom();
        private java.util.Random insecureRandom = new java.util.Random();
        private Predicate<URI> httpAllowed = uri -> false;
        private long maxHttpBodyBytes = HttpOutgoing.Body.DEFAULT_MAX_BYTES;
        private Predicate<InetSocketAddress> networkAllowed;

        private Builder() {}

        /** The arguments the component sees (by convention the first is the program name). */
        public Builder args(String... args) {
            return args(List.of(args));
        }

        /** The arguments the component sees (by convention the first is the program name). */
        public Builder args(List<String> args) {
            this.args.clear();
            this.args.addAll(args);
            return this;
        }

        /** Adds the environment variable {@code key=value}. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds all of the host process's environment variables. */
        public Builder inheritEnv() {
            env.putAll(System.getenv());
            return this;
        }

        /** The component's stdin (default: empty). */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in, "stdin");
            return this;
        }

        /** Where the component's stdout goes (default: discarded). */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "stdout");
            return this;
        }

        /** Where the component's stderr goes (default: discarded). */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "stderr");
            return this;
        }

        /** Gives the component the host process's {@code System.in}, {@code System.out} and {@code System.err}. */
        public Builder inheritStdio() {
            return stdin(System.in).stdout(System.out).stderr(System.err);
        }

        /**
         * Grants the host directory {@code host} as {@code guestPath}; with {@code readOnly} every
         * change fails with {@code read-only}.
         *
         * @throws IllegalArgumentException if {@code host} is not a directory
         */
        public Builder preopenedDir(Path host, String guestPath, boolean readOnly) {
            Path root = host.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("not a directory: " + host);
            }
            preopens.add(new Preopen(root, Objects.requireNonNull(guestPath, "guestPath"), readOnly));
            return this;
        }

        /** The wall clock (default: the system's UTC clock); a fixed clock makes tests deterministic. */
        public Builder wallClock(Clock clock) {
            this.wallClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The monotonic clock as a nanosecond counter (default {@code System::nanoTime}). */
        public Builder monotonicClock(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * One generator for {@code wasi:random/random}, {@code insecure} and {@code insecure-seed}
         * (default: a {@link SecureRandom} and a separate fast generator); a seeded
         * {@link java.util.Random} makes tests deterministic. Never weaken production randomness this way.
         */
        public Builder random(java.util.Random random) {
            this.secureRandom = Objects.requireNonNull(random, "random");
            this.insecureRandom = random;
            return this;
        }

        /**
         * Lets the component send the HTTP requests whose URI {@code allowed} accepts, through
         * {@code wasi:http/outgoing-handler} (default: none; a refused request fails with
         * {@code HTTP-request-denied} without touching the network). {@code uri -> true} allows all;
         * {@code uri -> uri.getHost().equals("localhost")} only loopback by name.
         */
        public Builder allowHttp(Predicate<URI> allowed) {
            this.httpAllowed = Objects.requireNonNull(allowed, "allowed");
            return this;
        }

        /**
         * The most bytes the body of one outgoing HTTP request may hold (default 64 MiB): a body is
         * buffered in the host until the request is sent, so a guest may not make it grow without
         * end; a write past the limit fails the body's stream with {@code last-operation-failed}.
         */
        public Builder maxHttpBodyBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxHttpBodyBytes must not be negative: " + bytes);
            }
            this.maxHttpBodyBytes = bytes;
            return this;
        }

        /**
         * Grants {@code wasi:sockets}: the component may bind, connect and send to the socket
         * addresses {@code allowed} accepts, and look names up (default: no network; the component
         * still gets its {@code instance-network}, but every use fails with {@code access-denied}).
         * {@code a -> a.getAddress().isLoopbackAddress()} grants loopback only.
         */
        public Builder allowNetwork(Predicate<InetSocketAddress> allowed) {
            this.networkAllowed = Objects.requireNonNull(allowed, "allowed");
            return this;
        }

        /** The context. */
        public WasiContext build() {
            return new WasiContext(this);
        }
    }
}
