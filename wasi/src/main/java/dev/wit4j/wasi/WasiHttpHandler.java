package dev.wit4j.wasi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.Trap;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Serves HTTP with a component exporting {@code wasi:http/incoming-handler@0.2.x} (the {@code
 * wasi:http/proxy} world, as {@code jco componentize} builds it from a {@code fetch} handler): a
 * {@link HttpHandler} that any {@link com.sun.net.httpserver.HttpServer} mounts, next to its other
 * handlers, or that {@link WasiHttpServer} serves alone.
 *
 * <p>Each request gets a fresh instance of the component (shared-nothing: nothing a request does is
 * seen by the next; {@link Builder#reuseInstances} trades that for instantiation), made from the
 * code the engine compiled once; the requests of a server run in
 * parallel, each on the thread that handles its exchange. The component sees the request's method,
 * target, headers (but those of the connection) and body, and its WASI imports are this handler's
 * {@link WasiContext}: its grants (environment, directories, outgoing HTTP) are the same for every
 * request.
 *
 * <p>The response's status and headers go out with its body: a body the component finishes at once
 * is sent with its length, a longer one in chunks as the component writes it. A request whose
 * instance traps is answered {@code 500}, one still running after the {@linkplain
 * Builder#deadline deadline} is stopped and answered {@code 503}; if part of the response had
 * gone out, the connection is closed instead. Neither disturbs other requests.
 *
 * <pre>{@code
 * Engine engine = Engine.create();
 * WasiHttpHandler handler = WasiHttpHandler.builder(engine, engine.load(Path.of("handler.wasm")))
 *         .deadline(Duration.ofSeconds(10))
 *         .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/", handler);
 * server.setExecutor(Executors.newFixedThreadPool(16));
 * server.start();
 * }</pre>
 */
public final class WasiHttpHandler implements HttpHandler {

    private final Engine engine;
    private final Component component;
    private final WasiContext wasi;
    private final Limits limits;
    private final Consumer<String> log;
    private final boolean reuse;
    /** With {@link Builder#reuseInstances}: each server thread's instance, kept between its requests. */
    private final ThreadLocal<Host> kept = new ThreadLocal<>();

    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private WasiHttpHandler(Builder b) {
        this.engine = b.engine;
        this.component = b.component;
        this.wasi = b.wasi;
        this.limits = b.limits(); // validated before the first request
        this.log = b.log;
        this.reuse = b.reuse;
    }

    /**
     * A builder for a handler of {@code component}, loaded by {@code engine}.
     *
     * @throws IllegalArgumentException if the component exports no {@code wasi:http/incoming-handler@0.2.x}
     */
    public static Builder builder(Engine engine, Component component) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(component, "component");
        if (component.exports().keySet().stream().noneMatch(WasiHttpHandler::isHandler)) {
            throw new IllegalArgumentException(
                    "not an HTTP handler: the component exports no wasi:http/incoming-handler@0.2.x (exports: "
                            + component.exports().keySet() + ")");
        }
        return new Builder(engine, component);
    }

    static boolean isHandler(String exportName) {
        return exportName.startsWith("wasi:http/incoming-handler@0.2.");
    }

    /** The requests answered so far. */
    public long served() {
        return served.get();
    }

    /** The requests whose instance trapped, ran past the deadline or left its response unfinished. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpServed.Outparam outparam = new HttpServed.Outparam(exchange);
            String failure = null;
            int failureStatus = 500;
            Host host = reuse ? kept.get() : null;
            kept.remove(); // kept again only if this request goes well
            try {
                if (host == null) host = Host.instantiate(engine.linker().limits(limits), component, wasi.imports());
                host.incomingHandler()
                        .handle(new HttpServed.Request(exchange, exchange instanceof HttpsExchange), outparam);
            } catch (Trap e) {
                failure = "trap: " + e.getMessage();
                if (e.reason() == Trap.Reason.DEADLINE) failureStatus = 503;
            } catch (RuntimeException e) {
                failure = "failed: " + e;
            }
            if (finish(exchange, outparam, failure, failureStatus) && reuse) kept.set(host);
        }
    }

    /** Completes the exchange after the component returned (or failed); whether it answered in full. */
    private boolean finish(HttpExchange exchange, HttpServed.Outparam outparam, String failure, int failureStatus)
            throws IOException {
        HttpServed.Sink sink = outparam.sink();
        if (failure == null && sink != null && sink.finished()) {
            served.incrementAndGet();
            return true;
        }
        if (failure == null) {
            failure = outparam.response() == null
                    ? "the handler returned without setting a response"
                    : !outparam.response().isOk()
                            ? "the handler set the error "
                                    + outparam.response().errValue().get()
                            : "the handler returned before finishing the response body";
        }
        served.incrementAndGet();
        failed.incrementAndGet();
        log.accept(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + failure);
        if (sink == null || !sink.started()) {
            exchange.sendResponseHeaders(failureStatus, -1); // no body, as jco's and wasmtime's servers answer
        } // else part of the response went out: closing the exchange cuts it short
        return false;
    }

    /** Sets what a {@link WasiHttpHandler} grants and limits. */
    public static final class Builder {
        private final Engine engine;
        private final Component component;
        private WasiContext wasi = WasiContext.builder().build();
        private Limits base = Limits.NONE;
        private Optional<Duration> deadline = Optional.empty();
        private Consumer<String> log = message -> {};
        private boolean reuse;

        private Builder(Engine engine, Component component) {
            this.engine = engine;
            this.component = component;
        }

        /** The WASI grants of every request's instance (default: none; outgoing HTTP refused). */
        public Builder wasi(WasiContext wasi) {
            this.wasi = Objects.requireNonNull(wasi, "wasi");
            return this;
        }

        /** The limits of every request's instance (memory, tables, handles); see {@link #deadline}. */
        public Builder limits(Limits limits) {
            this.base = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long the component may run for one request: past it, the instance stops at its next
         * loop back edge or indirect call and the request is answered {@code 503}. Overrides the
         * limits' call timeout.
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the deadline must be positive, not " + deadline);
            }
            this.deadline = Optional.of(deadline);
            return this;
        }

        /**
         * Whether a server thread keeps its instance for its next request (default: a fresh instance
         * per request). Only for components written to serve several requests, one after another,
         * from the same instance: a later request then sees what earlier ones left in the instance's
         * memory, so nothing isolates requests from each other any more (a request that fails still
         * discards its instance). JavaScript handlers built by {@code jco componentize} cannot: their
         * {@code fetch} event answers once per instance, and a second request fails.
         */
        public Builder reuseInstances(boolean reuse) {
            this.reuse = reuse;
            return this;
        }

        /** Where a request that failed is described (one line each; default: nowhere). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        private Limits limits() {
            return deadline.map(base::withCallTimeout).orElse(base);
        }

        /**
         * The handler, its component's imports checked against the WASI host (as every request's
         * instance will be linked), so that a component that cannot be served fails here, not on
         * its first request.
         *
         * @throws dev.wit4j.runtime.LinkException naming an import the WASI host does not define
         */
        public WasiHttpHandler build() {
            wasi.addToLinker(engine.linker()).instantiatePre(component);
            return new WasiHttpHandler(this);
        }
    }
}
