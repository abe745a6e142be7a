package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;

import dev.wit4j.runtime.ValidationFeatures;
import org.junit.jupiter.api.Test;

/**
 * {@code thread.spawn-ref} and {@code thread.spawn-indirect} (CanonicalABI.md, 🧵② "canon
 * thread.spawn-ref"): the function type is {@code (shared? (func (param $c T)))}, shared exactly when
 * the built-in is, {@code T} is {@code i32} (🐘 or {@code i64}), and there are no results.
 */
class SpawnTypeTest {

    private static final String HEADER = "0061736d0d000100";

    /** A component with one core type (hex of the type) and {@code thread.spawn-ref} of it. */
    private static String spawnRef(String coreType, boolean shared) {
        int size = coreType.length() / 2 + 1;
        return HEADER + "03" + String.format("%02x", size) + "01" + coreType + "08040140" + (shared ? "01" : "00")
                + "00";
    }

    @Test
    void theTypeIsSharedExactlyWhenTheBuiltInIs() {
        valid(spawnRef("60017f00", false));
        valid(spawnRef("6560017f00", true));
        assertContains(rejected(spawnRef("60017f00", true)), "spawn type must be shared");
        assertContains(rejected(spawnRef("6560017f00", false)), "spawn type must not be shared");
    }

    @Test
    void theFunctionTakesOneI32AndReturnsNothing() {
        assertContains(rejected(spawnRef("60027f7f00", false)), "must take a single `i32` argument");
        assertContains(rejected(spawnRef("600000", false)), "must take a single `i32` argument");
        assertContains(rejected(spawnRef("60017f017f", false)), "must not return any values");
    }

    @Test
    void anI64ArgumentNeedsTheSixtyFourBitFeature() {
        valid(spawnRef("60017e00", false));
        assertContains(
                rejected(
                        spawnRef("60017e00", false), ValidationFeatures.all().without(ValidationFeatures.Feature.CM64)),
                "requires the component model 64-bit feature");
    }
}
