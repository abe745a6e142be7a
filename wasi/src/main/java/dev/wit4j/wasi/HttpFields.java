package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code wasi:http/types.fields}: HTTP header or trailer fields in their original order and
 * casing; names compare case-insensitively. Names must be RFC 9110 tokens and values may not
 * hold CR, LF or NUL ({@code invalid-syntax}); hop-by-hop fields the host manages itself are
 * {@code forbidden}; fields handed out as part of a request or response are {@code immutable}.
 */
final class HttpFields implements HttpTypes.Fields {
    /** Connection-level fields a guest may not set (the same set wasmtime refuses). */
    private static final Set<String> FORBIDDEN = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "upgrade",
            "host",
            "http2-settings",
            "te");

    private final List<Tuple2<String, byte[]>> entries = new ArrayList<>();
    private final boolean immutable;

    private HttpFields(boolean immutable) {
        this.immutable = immutable;
    }

    static HttpFields mutable() {
        return new HttpFields(false);
    }

    /** Checked entries, or the first problem. */
    static Result<HttpTypes.Fields, HttpTypes.HeaderError> fromList(List<Tuple2<String, byte[]>> list) {
        HttpFields fields = new HttpFields(false);
        for (Tuple2<String, byte[]> e : list) {
            Result<Void, HttpTypes.HeaderError> r = fields.append(e.first(), e.second());
            if (!r.isOk()) {
                return Result.err(((Result.Err<Void, HttpTypes.HeaderError>) r).error());
            }
        }
        return Result.ok(fields);
    }

    /** An immutable copy (what a request or response hands out), without the forbidden-name check. */
    static HttpFields immutableOf(List<Tuple2<String, byte[]>> list) {
        HttpFields fields = new HttpFields(true);
        for (Tuple2<String, byte[]> e : list) {
            fields.entries.add(new Tuple2<>(e.first(), e.second().clone()));
        }
        return fields;
    }

    HttpFields frozen() {
        return immutableOf(entries);
    }

    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean validValue(byte[] value) {
        for (byte b : value) {
            if (b == '\r' || b == '\n' || b == 0) {
                return false;
            }
        }
        return true;
    }

    private Result<Void, HttpTypes.HeaderError> checkChange(String name) {
        if (immutable) {
            return Result.err(new HttpTypes.HeaderError.Immutable());
        }
        if (!isToken(name)) {
            return Result.err(new HttpTypes.HeaderError.InvalidSyntax());
        }
        if (FORBIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
            return Result.err(new HttpTypes.HeaderError.Forbidden());
        }
        return Result.ok();
    }

    @Override
    public List<byte[]> get(String name) {
        List<byte[]> values = new ArrayList<>();
        for (Tuple2<String, byte[]> e : entries) {
            if (e.first().equalsIgnoreCase(name)) {
                values.add(e.second().clone());
            }
        }
        return values;
    }

    @Override
    public boolean has(String name) {
        return entries.stream().anyMatch(e -> e.first().equalsIgnoreCase(name));
    }

    @Override
    public Result<Void, HttpTypes.HeaderError> set(String name, List<byte[]> value) {
        Result<Void, HttpTypes.HeaderError> check = checkChange(name);
        if (!check.isOk()) {
            return check;
        }
        if (!value.stream().allMatch(HttpFields::validValue)) {
            return Result.err(new HttpTypes.HeaderError.InvalidSyntax());
        }
        entries.removeIf(e -> e.first().equalsIgnoreCase(name));
        value.forEach(v -> entries.add(new Tuple2<>(name, v.clone())));
        return Result.ok();
    }

    @Override
    public Result<Void, HttpTypes.HeaderError> delete(String name) {
        Result<Void, HttpTypes.HeaderError> check = checkChange(name);
        if (check.isOk()) {
            entries.removeIf(e -> e.first().equalsIgnoreCase(name));
        }
        return check;
    }

    @Override
    public Result<Void, HttpTypes.HeaderError> append(String name, byte[] value) {
        Result<Void, HttpTypes.HeaderError> check = checkChange(name);
        if (!check.isOk()) {
            return check;
        }
        if (!validValue(value)) {
            return Result.err(new HttpTypes.HeaderError.InvalidSyntax());
        }
        entries.add(new Tuple2<>(name, value.clone()));
        return Result.ok();
    }

    @Override
    public List<Tuple2<String, byte[]>> entries() {
        return entries.stream()
                .map(e -> new Tuple2<>(e.first(), e.second().clone()))
                .toList();
    }

    @Override
    public HttpTypes.Fields clone_() {
        HttpFields copy = new HttpFields(false);
        copy.entries.addAll(entries());
        return copy;
    }
}
