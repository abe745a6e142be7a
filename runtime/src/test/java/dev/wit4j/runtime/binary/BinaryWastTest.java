package dev.wit4j.runtime.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code (component binary ...)} forms of the conformance suite's binary.wast, which need
 * no text parser: well-formed ones must decode and re-encode byte for byte, assert_malformed ones
 * must be rejected with the expected message, and assert_invalid ones must decode (validation,
 * not decoding, rejects them) unless they are also malformed.
 */
class BinaryWastTest {

    /** The one assert_invalid case that wasmparser already rejects while decoding, as we do. */
    private static final String DECODE_TIME_INVALID = "invalid leading byte";

    @Test
    void binaryWast() throws IOException {
        String shared = System.getProperty("wit4j.shared", System.getenv("WIT4J_SHARED"));
        assumeTrue(shared != null, "wit4j.shared is not set");
        Path wast = Path.of(shared, "conformance/wast/component-model/binary/binary.wast");
        assumeTrue(Files.exists(wast), "no " + wast);
        List<Object> forms = new Parser(Files.readString(wast)).forms();
        int valid = 0, malformed = 0, invalid = 0;
        for (Object f : forms) {
            List<?> form = (List<?>) f;
            String head = (String) form.get(0);
            if (head.equals("component")) {
                byte[] bytes = binary(form);
                assertArrayEquals(bytes, ComponentEncoder.encode(ComponentDecoder.decode(bytes)));
                valid++;
            } else if (head.equals("assert_malformed") || head.equals("assert_invalid")) {
                byte[] bytes = binary((List<?>) form.get(1));
                String message = new String((byte[]) form.get(2), java.nio.charset.StandardCharsets.UTF_8);
                if (head.equals("assert_malformed")) {
                    BinaryFormatException e = assertThrows(BinaryFormatException.class,
                            () -> ComponentDecoder.decode(bytes), () -> "accepted malformed: " + message);
                    assertTrue(e.reason().contains(message), () -> e.reason() + " does not say: " + message);
                    malformed++;
                } else if (!message.equals(DECODE_TIME_INVALID)) {
                    ComponentDecoder.decode(bytes);
                    invalid++;
                }
            }
        }
        assertTrue(valid > 30 && malformed > 50 && invalid > 10, valid + "/" + malformed + "/" + invalid);
    }

    /** The bytes of {@code (component [definition] [$id] binary "..."*)}. */
    private static byte[] binary(List<?> component) {
        int i = component.indexOf("binary");
        assertFalse(i < 0, "not a binary component");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : component.subList(i + 1, component.size())) {
            out.writeBytes((byte[]) part);
        }
        return out.toByteArray();
    }

    /** Just enough of an s-expression reader: lists, atoms (String) and strings (byte[]). */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        List<Object> forms() {
            List<Object> out = new ArrayList<>();
            while (skip()) {
                out.add(read());
            }
            return out;
        }

        private boolean skip() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith(";;", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("(;", i)) {
                    int depth = 0;
                    do {
                        if (s.startsWith("(;", i)) {
                            depth++;
                            i += 2;
                        } else if (s.startsWith(";)", i)) {
                            depth--;
                            i += 2;
                        } else {
                            i++;
                        }
                    } while (depth > 0);
                } else {
                    return true;
                }
            }
            return false;
        }

        private Object read() {
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                List<Object> list = new ArrayList<>();
                while (skip() && s.charAt(i) != ')') {
                    list.add(read());
                }
                i++;
                return list;
            }
            if (c == '"') {
                int start = ++i;
                while (s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                return BinaryTestSupport.bin(s.substring(start, i++));
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()\";".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }
    }
}
