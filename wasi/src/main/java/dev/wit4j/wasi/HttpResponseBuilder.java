package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;

/**
 * {@code outgoing-response}: status, headers and a body, which a component handling a request
 * sets on its {@code response-outparam} ({@link HttpServed}).
 */
final class HttpResponseBuilder implements HttpTypes.OutgoingResponse {
    private final HttpFields headers;
    private short status = 200;
    private HttpServed.Body body;

    HttpResponseBuilder(HttpFields headers) {
        this.headers = headers;
    }

    @Override
    public short statusCode() {
        return status;
    }

    /** Refuses codes outside 100–999, the range an HTTP status line can carry. */
    @Override
    public Result<Void, Void> setStatusCode(short statusCode) {
        int code = Short.toUnsignedInt(statusCode);
        if (code < 100 || code > 999) {
            return Result.err();
        }
        status = statusCode;
        return Result.ok();
    }

    @Override
    public HttpTypes.Fields headers() {
        return headers.frozen();
    }

    @Override
    public Result<HttpTypes.OutgoingBody, Void> body() {
        if (body != null) {
            return Result.err();
        }
        body = new HttpServed.Body();
        return Result.ok(body);
    }

    /** The body the component took, or null. */
    HttpServed.Body takenBody() {
        return body;
    }

    HttpFields headerFields() {
        return headers;
    }
}
