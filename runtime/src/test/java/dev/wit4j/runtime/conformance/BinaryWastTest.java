package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.BinaryFormatException;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.runtime.conformance.SExpr.Atom;
import dev.wit4j.runtime.conformance.SExpr.SList;
import dev.wit4j.runtime.conformance.SExpr.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        int valid = 0, malformed = 0, invalid = 0;
        for (SExpr f : SExpr.readAll(Files.readString(wast))) {
            SList form = (SList) f;
            String head = form.head();
            if (head.equals("component")) {
                byte[] bytes = binary(form);
                assertArrayEquals(bytes, ComponentEncoder.encode(ComponentDecoder.decode(bytes)));
                valid++;
            } else if (head.equals("assert_malformed") || head.equals("assert_invalid")) {
                byte[] bytes = binary((SList) form.get(1));
                String message = ((Text) form.get(2)).utf8();
                if (head.equals("assert_malformed")) {
                    BinaryFormatException e = assertThrows(
                            BinaryFormatException.class,
                            () -> ComponentDecoder.decode(bytes),
                            () -> "accepted malformed: " + message);
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
    private static byte[] binary(SList component) {
        int i = component.items().indexOf(new Atom("binary"));
        assertFalse(i < 0, "not a binary component");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SExpr part : component.items().subList(i + 1, component.size())) {
            out.writeBytes(((Text) part).bytes());
        }
        return out.toByteArray();
    }
}
