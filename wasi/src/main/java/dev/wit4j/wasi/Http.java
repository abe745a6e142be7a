package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * {@code wasi:http} types and outgoing-handler over {@link HttpClient}. Outgoing requests are a
 * capability: unless the context allows a request's URI, {@code handle} refuses it with
 * {@code HTTP-request-denied} before anything touches the network. Incoming requests are served
 * by {@link WasiHttpHandler} ({@link HttpServed}).
 */
final class Http implements HttpTypes, OutgoingHandler {
    private final Predicate<URI> allowed;
    private final long maxBodyBytes;
    private HttpClient sharedClient;

    /**
     * @param allowed which request URIs may go out ({@code uri -> false} denies all)
     * @param maxBodyBytes the most bytes an outgoing body may hold (it is buffered until sent)
     */
    Http(Predicate<URI> allowed, long maxBodyBytes) {
        this.allowed = allowed;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Fields newFields() {
        return HttpFields.mutable();
    }

    @Override
    public Result<Fields, HeaderError> fieldsFromList(List<Tuple2<String, byte[]>> entries) {
        return HttpFields.fromList(entries);
    }

    @Override
    public OutgoingRequest newOutgoingRequest(Fields headers) {
        return new HttpOutgoing.Request((HttpFields) headers, maxBodyBytes);
    }

    @Override
    public RequestOptions newRequestOptions() {
        return new HttpOutgoing.Options();
    }

    @Override
    public void responseOutparamSet(ResponseOutparam param, Result<OutgoingResponse, ErrorCode> response) {
        ((HttpServed.Outparam) param).set(response);
    }

    @Override
    public FutureTrailers incomingBodyFinish(IncomingBody body) {
        try {
            ((HttpIncoming.Body) body).close();
        } catch (IOException e) {
            // the body was read to its end or abandoned: either way nothing is left to report
        }
        return new HttpIncoming.NoTrailers();
    }

    @Override
    public OutgoingResponse newOutgoingResponse(Fields headers) {
        return new HttpResponseBuilder((HttpFields) headers);
    }

    @Override
    public Result<Void, ErrorCode> outgoingBodyFinish(OutgoingBody body, Optional<Fields> trailers) {
        return body instanceof HttpServed.Body served
                ? served.finish(trailers)
                : ((HttpOutgoing.Body) body).finish(trailers);
    }

    @Override
    public Optional<ErrorCode> httpErrorCode(Error.Error_ err) {
        return err instanceof IoFailure f ? f.httpCode() : Optional.empty();
    }

    @Override
    public Result<FutureIncomingResponse, ErrorCode> handle(OutgoingRequest request, Optional<RequestOptions> options) {
        HttpOutgoing.Request r = (HttpOutgoing.Request) request;
        Result<URI, ErrorCode> target = uri(r);
        if (!target.isOk()) {
            return Result.err(target.errValue().get());
        }
        URI uri = target.okValue().get();
        if (!allowed.test(uri)) {
            return Result.err(new ErrorCode.HttpRequestDenied());
        }
        HttpOutgoing.Options opts = (HttpOutgoing.Options) options.orElse(null);
        HttpClient client = client(opts);
        String method = methodName(r.method());
        List<Tuple2<String, byte[]>> headers = r.headerFields().entries();
        CompletableFuture<Result<IncomingResponse, ErrorCode>> response = r.bodyOrEmpty()
                .completion()
                .thenCompose(body -> {
                    Result<HttpRequest, ErrorCode> built = build(uri, method, headers, body, opts);
                    if (!built.isOk()) {
                        return CompletableFuture.completedFuture(Result.<IncomingResponse, ErrorCode>err(
                                built.errValue().get()));
                    }
                    return client.sendAsync(built.okValue().get(), HttpResponse.BodyHandlers.ofInputStream())
                            .thenApply(Http::received);
                })
                .exceptionally(e -> Result.err(errorCode(e)));
        return Result.ok(new HttpIncoming.FutureResponse(response));
    }

    private static Result<IncomingResponse, ErrorCode> received(HttpResponse<InputStream> response) {
        List<Tuple2<String, byte[]>> fields = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-headers are not fields
            }
            for (String v : e.getValue()) {
                fields.add(new Tuple2<>(e.getKey(), v.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return Result.ok(
                new HttpIncoming.Response(response.statusCode(), HttpFields.immutableOf(fields), response.body()));
    }

    /** scheme://authority/path-with-query; no scheme means https, as in wasmtime. */
    private static Result<URI, ErrorCode> uri(HttpOutgoing.Request r) {
        if (r.authority().isEmpty()) {
            return Result.err(new ErrorCode.HttpRequestUriInvalid());
        }
        String scheme;
        HttpTypes.Scheme s = r.scheme().orElse(new Scheme.Https());
        if (s instanceof Scheme.Http) {
            scheme = "http";
        } else if (s instanceof Scheme.Https) {
            scheme = "https";
        } else {
            return Result.err(new ErrorCode.HttpProtocolError()); // java.net.http speaks only http and https
        }
        String path = r.pathWithQuery().orElse("/");
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        try {
            URI uri = new URI(scheme + "://" + r.authority().get() + path);
            if (uri.getHost() == null) {
                return Result.err(new ErrorCode.HttpRequestUriInvalid());
            }
            return Result.ok(uri);
        } catch (URISyntaxException e) {
            return Result.err(new ErrorCode.HttpRequestUriInvalid());
        }
    }

    private static Result<HttpRequest, ErrorCode> build(
            URI uri, String method, List<Tuple2<String, byte[]>> headers, byte[] body, HttpOutgoing.Options opts) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Tuple2<String, byte[]> h : headers) {
            String name = h.first().toLowerCase(Locale.ROOT);
            String value = new String(h.second(), StandardCharsets.ISO_8859_1);
            if (name.equals("content-length")) {
                // the client sends the length of the body it has; a header that says otherwise is an error
                if (!value.strip().equals(Long.toString(body.length))) {
                    return Result.err(new ErrorCode.HttpRequestBodySize(Optional.of((long) body.length)));
                }
                continue;
            }
            if (name.equals("expect")) {
                continue; // the client decides on 100-continue itself; the body is already complete
            }
            try {
                b.header(h.first(), value);
            } catch (IllegalArgumentException e) {
                return Result.err(
                        new ErrorCode.InternalError(Optional.of("header " + h.first() + ": " + e.getMessage())));
            }
        }
        if (opts != null && opts.firstByteTimeout().isPresent()) {
            b.timeout(Duration.ofNanos(Math.max(1, opts.firstByteTimeout().get())));
        }
        return Result.ok(b.build());
    }

    private synchronized HttpClient client(HttpOutgoing.Options opts) {
        if (opts != null && opts.connectTimeout().isPresent()) {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(
                            Duration.ofNanos(Math.max(1, opts.connectTimeout().get())))
                    .build();
        }
        if (sharedClient == null) {
            // redirects are the guest's business: it sees every response as the server sent it
            sharedClient = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return sharedClient;
    }

    private static String methodName(Method m) {
        if (m instanceof Method.Other o) {
            return o.value();
        }
        return m.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    /** The WASI error code for a failed exchange. */
    static ErrorCode errorCode(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HttpOutgoing.HttpFailure f) {
            return f.code();
        } else if (t instanceof HttpConnectTimeoutException) {
            return new ErrorCode.ConnectionTimeout();
        } else if (t instanceof HttpTimeoutException) {
            return new ErrorCode.HttpResponseTimeout();
        } else if (t instanceof ConnectException) {
            return t.getCause() instanceof UnresolvedAddressException
                    ? new ErrorCode.DnsError(new DnsErrorPayload(Optional.empty(), Optional.empty()))
                    : new ErrorCode.ConnectionRefused();
        } else if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return new ErrorCode.DnsError(new DnsErrorPayload(Optional.empty(), Optional.empty()));
        } else if (t instanceof SSLException) {
            return new ErrorCode.TlsProtocolError();
        } else if (t instanceof IOException) {
            return new ErrorCode.ConnectionTerminated();
        }
        return new ErrorCode.InternalError(Optional.of(String.valueOf(t.getMessage())));
    }
}
