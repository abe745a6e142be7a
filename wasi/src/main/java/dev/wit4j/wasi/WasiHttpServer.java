package dev.wit4j.wasi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link WasiHttpHandler} served alone by the JDK's {@link HttpServer} (no dependency), on a pool
 * of threads that each run one request's instance at a time; what {@code wit4j serve} runs.
 *
 * <pre>{@code
 * try (WasiHttpServer server = WasiHttpServer.start(new InetSocketAddress("127.0.0.1", 8080), handler, 16)) {
 *     System.out.println("serving on http://" + server.address());
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class WasiHttpServer implements AutoCloseable {

    /** How long {@link #close()} lets requests in flight finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService threads;
    /** The exchanges being handled. */
    private final AtomicInteger inFlight;

    private final Object stopped = new Object();
    private boolean closed;

    private WasiHttpServer(HttpServer server, ExecutorService threads, AtomicInteger inFlight) {
        this.server = server;
        this.threads = threads;
        this.inFlight = inFlight;
    }

    /**
     * Starts serving {@code handler} on {@code address} (port 0: any free port) with {@code
     * threads} requests at a time.
     *
     * @throws IOException if the address cannot be bound
     */
    public static WasiHttpServer start(InetSocketAddress address, WasiHttpHandler handler, int threads)
            throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "wit4j-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        AtomicInteger inFlight = new AtomicInteger();
        server.createContext("/", exchange -> {
            inFlight.incrementAndGet();
            try {
                handler.handle(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.setExecutor(pool);
        server.start();
        return new WasiHttpServer(server, pool, inFlight);
    }

    /** The address it listens on (with the port chosen if 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Blocks until {@link #close()} is called (from another thread or a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        synchronized (stopped) {
            while (!closed) stopped.wait();
        }
    }

    /**
     * Stops accepting requests and lets those in flight finish, for up to {@code grace}; then
     * stops.
     */
    public void close(Duration grace) {
        synchronized (stopped) {
            if (closed) return;
            closed = true;
            stopped.notifyAll();
        }
        // HttpServer.stop waits until the exchanges in progress have finished or the delay passed; on
        // JDK 17 it notices only an exchange ending while it waits, so with none in flight it would
        // wait the whole delay (JDK-8304065)
        server.stop(inFlight.get() == 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, grace.toSeconds())));
        threads.shutdown();
        try {
            threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        close(DEFAULT_GRACE);
    }
}
