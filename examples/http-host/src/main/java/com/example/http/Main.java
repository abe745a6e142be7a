package com.example.http;

import com.sun.net.httpserver.HttpServer;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.wasi.WasiContext;
import dev.wit4j.wasi.WasiHttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An application's own HTTP server (the JDK's) with a Java handler at {@code /health} and a
 * component at {@code /api/}: the JavaScript handler of examples/wasi-apps ({@code http.js}), a
 * fresh instance of it per request, its code compiled once.
 *
 * <pre>
 * mvn -q exec:java -Dexec.args="../wasi-apps/target/app-http.wasm 8080"
 * curl -s 'http://127.0.0.1:8080/api/hello?x=1'
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException {
        Path wasm = Path.of(args.length > 0 ? args[0] : "../wasi-apps/target/app-http.wasm");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        HttpServer server = start(wasm, new InetSocketAddress("127.0.0.1", port));
        System.out.println(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/ (the component), /health (Java)");
    }

    /** The server, listening: the component answers under {@code /api/}, Java at {@code /health}. */
    static HttpServer start(Path wasm, InetSocketAddress address) throws IOException {
        Engine engine = Engine.create();
        Component component = engine.load(wasm);
        engine.precompile(component); // compile before the first request rather than during it
        WasiHttpHandler api = WasiHttpHandler.builder(engine, component)
                .wasi(WasiContext.builder().env("GREETING", "hello").build()) // what every request's instance may see
                .deadline(Duration.ofSeconds(10)) // a request running longer is answered 503
                .log(System.err::println)
                .build();

        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/api/", api);
        server.createContext("/health", exchange -> {
            byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(16); // one request per thread at a time
        server.setExecutor(threads);
        server.start();
        return server;
    }
}
