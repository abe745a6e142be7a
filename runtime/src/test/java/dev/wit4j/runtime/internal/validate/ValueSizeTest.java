package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;

import org.junit.jupiter.api.Test;

/** Binary.md: {@code elem_size(t, 'i64') < 2^28} for every defvaltype, with 64-bit pointers. */
class ValueSizeTest {

    // (component (type (list string 16777216)))          16 bytes each with i64 pointers
    // (component (type (list string 16777215)))
    // (component (type (list (tuple u8 string) 16777216)))
    static final String LIST_STRING_TOO_BIG = "0061736d0d000100070701677380808008";
    static final String LIST_STRING_MAX = "0061736d0d0001000707016773ffffff07";
    static final String RECORD_OF_STRINGS_TOO_BIG = "0061736d0d000100070b026f027d73670080808008";

    @Test
    void stringsAreSizedWith64BitPointers() {
        assertContains(rejected(LIST_STRING_TOO_BIG), "exceeds maximum byte size");
        assertContains(rejected(RECORD_OF_STRINGS_TOO_BIG), "exceeds maximum byte size");
        valid(LIST_STRING_MAX);
    }
}
