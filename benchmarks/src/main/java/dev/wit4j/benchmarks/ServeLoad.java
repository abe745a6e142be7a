package dev.wit4j.benchmarks;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.wasi.WasiHttpHandler;
import dev.wit4j.wasi.WasiHttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on an HTTP handler component, on loopback only: wit4j ({@link WasiHttpServer}, in this
 * process, a fresh instance per request) and {@code jco serve --isolate-requests instance} (node,
 * the same isolation) answer the same requests from the same client, one after the other in one
 * run. Prints requests per second, p50 and p99 latency and failures for each, and this process's
 * heap after a full collection before and after wit4j's run (an instance leaked per request would
 * show).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wit4j.benchmarks.ServeLoad \
 *     examples/wasi-apps/target/app-http.wasm [REQUESTS [CLIENTS [PATH]]]
 * </pre>
 *
 * <p>Defaults: 10,000 requests, 16 clients, {@code /load?x=1}. {@code -Dwit4j.bench.jco=false}
 * measures wit4j alone; {@code -Dwit4j.bench.threads=N} sets the server's threads (default 16).
 */
public final class ServeLoad {

    private ServeLoad() {}

    public static void main(String[] args) throws Exception {
        Path wasm = Path.of(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String path = args.length > 3 ? args[3] : "/load?x=1";
        int threads = Integer.getInteger("wit4j.bench.threads", 16);

        Engine engine = Engine.builder()
                .executionMode(ExecutionMode.COMPILED)
                .cacheDirectory(Path.of(System.getProperty("user.home"), ".cache", "wit4j"))
                .build();
        Component component = engine.load(wasm);
        engine.precompile(component);
        WasiHttpHandler handler = WasiHttpHandler.builder(engine, component).build();
        try (WasiHttpServer server =
                WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler, threads)) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            load("wit4j warm-up", base + path, Math.min(2_000, requests), clients);
            long before = heapAfterGc();
            load("wit4j", base + path, requests, clients);
            long after = heapAfterGc();
            System.out.printf(
                    Locale.ROOT,
                    "wit4j heap after a full GC: before %.1f MB, after %.1f MB; requests served %d, failed %d%n",
                    before / 1e6,
                    after / 1e6,
                    handler.served(),
                    handler.failed());
        }
        if (Boolean.parseBoolean(System.getProperty("wit4j.bench.jco", "true"))) {
            jco(wasm, path, requests, clients);
        }
    }

    private static void jco(Path wasm, String path, int requests, int clients) throws Exception {
        Path tools = Path.of(System.getProperty("wit4j.tools", "tools/wasm")).toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("jco-serve", ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        tools.resolve("node_modules/.bin/jco").toString(),
                        "serve",
                        wasm.toAbsolutePath().toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--isolate-requests",
                        "instance")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("NODE_OPTIONS", "--import " + tools.resolve("preopen-root.mjs"));
        Process jco = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("Server listening")) {
                if (!jco.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("jco serve did not start: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
            String base = "http://127.0.0.1:" + port;
            load("jco serve warm-up", base + path, Math.min(200, requests), clients);
            load("jco serve", base + path, requests, clients);
            if (!jco.isAlive()) System.out.println("jco serve exited: " + Files.readString(log));
        } finally {
            jco.destroy();
            jco.waitFor(10, TimeUnit.SECONDS);
            jco.destroyForcibly();
        }
    }

    /** {@code requests} GETs of {@code url} from {@code clients} clients, each waiting for its answer. */
    static void load(String what, String url, int requests, int clients) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long[] latency = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < requests; ) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .timeout(Duration.ofSeconds(120))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) fail(failed, failures, "status " + r.statusCode());
                    } catch (IOException | InterruptedException e) {
                        fail(failed, failures, e.toString());
                    }
                    latency[k] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latency);
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests, %d clients: %.1f requests/s, p50 %.1f ms, p99 %.1f ms, %d failed%s%n",
                what,
                requests,
                clients,
                requests / seconds,
                latency[requests / 2] / 1e6,
                latency[Math.min(requests - 1, (int) (requests * 0.99))] / 1e6,
                failed.get(),
                failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")");
    }

    private static synchronized void fail(AtomicInteger failed, List<String> failures, String why) {
        failed.incrementAndGet();
        if (failures.size() < 3) failures.add(why);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
