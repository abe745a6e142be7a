package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Rejection reasons worded as wasm-tools words them. */
class MessagesTest {

    // (component (import "a:b/c@1." (func)))
    // (component (import "a:b/c@2.0x0" (func)))
    // INST_RECORD_FOR_PRIMITIVE: $c imports (type (eq $t)) with (type $t u32), given a record
    // INST_RESULT_MISMATCH: $c imports (func), given (func (result string))
    static final String BAD_SEMVER = "0061736d0d000100070501400001000a0d010008613a622f6340312e0100";
    static final String BAD_SEMVER_CHAR = "0061736d0d000100070501400001000a1001000b613a622f6340322e3078300100";
    static final String INST_RECORD_FOR_PRIMITIVE =
            "0061736d0d00010004310061736d0d000100070201790a0701000178030000001a0e636f6d706f6e656e742d6e616d65"
                    + "0002016301050301000174070601720101667905080100000101780300001d0e636f6d706f6e656e742d6e616d650105"
                    + "030100017801050401000163";
    static final String INST_RESULT_MISMATCH =
            "0061736d0d000100070501400000730a06010001660100042c0061736d0d000100070501400001000a06010001660100"
                    + "00130e636f6d706f6e656e742d6e616d650002016305080100000101660100001d0e636f6d706f6e656e742d6e616d65"
                    + "0105010100016601050401000163";

    @Test
    void semverProblemsAsTheSemverCrateWordsThem() {
        assertContains(rejected(BAD_SEMVER), "unexpected end of input while parsing minor version number");
        assertContains(rejected(BAD_SEMVER_CHAR), "unexpected character 'x' after minor version number");
        assertNull(Semver.problem("1.2.3-rc.1+build.5"));
        assertEquals("empty string, expected a semver version", Semver.problem(""));
        assertEquals("empty identifier segment in pre-release identifier", Semver.problem("2.0.0-"));
        assertEquals("empty identifier segment in build metadata", Semver.problem("2.0.0+"));
        assertEquals("invalid leading zero in major version number", Semver.problem("01.0.0"));
        assertEquals("invalid leading zero in pre-release identifier", Semver.problem("1.0.0-01"));
        assertEquals("unexpected character 'a' while parsing major version number", Semver.problem("a.2"));
    }

    @Test
    void subtypingMismatchesAsWasmToolsWordsThem() {
        assertContains(rejected(INST_RECORD_FOR_PRIMITIVE), "expected primitive, found record");
        assertContains(rejected(INST_RESULT_MISMATCH), "expected a result, found none");
    }
}
