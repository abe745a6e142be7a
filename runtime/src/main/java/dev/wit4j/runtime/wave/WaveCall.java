package dev.wit4j.runtime.wave;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A function call written in WAVE, {@code name(arg, ...)}, as given to a command line's
 * {@code invoke}. The name is read eagerly; the arguments are parsed by {@link #arguments} once
 * the caller has looked the function up and knows its parameter types.
 *
 * <p>The name is taken as written and not resolved. Besides wasm-wave's {@code f},
 * {@code iface.f} and {@code ns:pkg/iface.f@1.0.0} it accepts the component-model spellings
 * {@code iface#f}, {@code ns:pkg/iface@1.0.0#f}, {@code [method]res.f}, {@code [static]res.f}
 * and {@code [constructor]res}.
 */
public final class WaveCall {

    private final String text;
    private final String functionName;
    private final int argumentsStart;

    private WaveCall(String text, String functionName, int argumentsStart) {
        this.text = text;
        this.functionName = functionName;
        this.argumentsStart = argumentsStart;
    }

    static WaveCall parse(String text) {
        int pos = 0;
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int nameStart = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == nameStart) {
            throw new WaveException("expected a function name, as in `f(1, 2)`", text, nameStart);
        }
        String name = text.substring(nameStart, pos);
        int nameEnd = pos;
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            throw new WaveException("expected `(` after the function name `" + name + "`", text, pos);
        }
        if (text.charAt(pos) != '(') {
            String c = Character.toString(text.codePointAt(pos));
            throw new WaveException(
                    pos == nameEnd
                            ? "unexpected character `" + c + "` in the function name"
                            : "expected `(` after the function name `" + name + "`, found `" + c + "`",
                    text,
                    pos);
        }
        return new WaveCall(text, name, pos + 1);
    }

    /** The function name as written, for example {@code wasi:cli/run@0.2.0#run}. */
    public String functionName() {
        return functionName;
    }

    /**
     * Parses the arguments for the given parameter types. Trailing {@code option} arguments may be
     * left out (they become {@code none}). Error positions count from the start of the whole call.
     *
     * @throws WaveException if the arguments do not match the parameters or the call is malformed
     */
    public List<Value> arguments(List<ValueType> params) {
        return arguments(params, null);
    }

    /**
     * {@link #arguments(List)} where a resource handle may be passed: WAVE has no syntax for
     * handles, so an {@code own<r>} or {@code borrow<r>} argument is written as a name that
     * {@code handles} resolves (an owned handle is moved; lent when the parameter borrows).
     */
    public List<Value> arguments(List<ValueType> params, Function<String, Optional<Value>> handles) {
        Lexer lex = new Lexer(text, argumentsStart, text.length());
        List<Value> args = new Parser(lex, handles).arguments(List.copyOf(params), Lexer.Kind.RPAREN);
        lex.next(); // the closing parenthesis, checked by arguments()
        Lexer.Token after = lex.next();
        if (after.kind() != Lexer.Kind.END) {
            throw lex.error("unexpected " + Parser.found(after) + " after the call", after.start());
        }
        return args;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-:/#.@[]%+_".indexOf(c) >= 0;
    }
}
