package dev.wit4j.runtime.internal.validate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.runtime.ValidationFeatures;
import java.util.HexFormat;

/**
 * Test binaries for the validator, written as hex. Each was produced from the WebAssembly text
 * quoted next to it in the tests by the wasm-tools text parser ({@code tools/wasm}).
 */
final class TestComponents {

    private TestComponents() {}

    static Component decode(String hex) {
        return ComponentDecoder.decodeComponent(HexFormat.of().parseHex(hex));
    }

    /** Validates with every feature; throws when invalid. */
    static ValidatedComponent valid(String hex) {
        return ComponentValidator.validate(decode(hex));
    }

    /** Validates with {@code features}; throws when invalid. */
    static ValidatedComponent valid(String hex, ValidationFeatures features) {
        return ComponentValidator.validate(decode(hex), features);
    }

    /** The reason the component is rejected with every feature on. */
    static String rejected(String hex) {
        return rejected(hex, ValidationFeatures.all());
    }

    /** The reason the component is rejected with {@code features}. */
    static String rejected(String hex, ValidationFeatures features) {
        Component component = decode(hex);
        return assertThrows(ValidationException.class, () -> ComponentValidator.validate(component, features))
                .reason();
    }

    static void assertContains(String actual, String expected) {
        assertTrue(
                actual.contains(expected),
                () -> "expected a message containing \"" + expected + "\" but got \"" + actual + "\"");
    }
}
