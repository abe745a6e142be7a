package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Core module types: unique two-level import names and memory limits (item for core modules too). */
class CoreTypeRulesTest {

    // (component (core type (module (import "" "a" (func)) (import "" "a" (func)))))
    // (component (core type (module (import "" "m" (memory 70000)))))
    // (component (core type (module (import "" "m" (memory 1 65537)))))
    // (component (core type (module (import "" "m" (memory 2 1)))))
    // (component (core type (module (import "" "m" (memory i64 70000)))))
    // (component (core type (module (import "" "m" (memory 65536 65536)))))
    // (component (core module (memory 70000)))
    static final String MODULE_TYPE_DUP_IMPORT = "0061736d0d00010003170150040160000000000161000001600000000001610001";
    static final String MODULE_TYPE_BIG_MEMORY = "0061736d0d000100030c0150010000016d0200f0a204";
    static final String MODULE_TYPE_BIG_MAX = "0061736d0d000100030d0150010000016d020101818004";
    static final String MODULE_TYPE_MIN_ABOVE_MAX = "0061736d0d000100030b0150010000016d02010201";
    static final String MODULE_TYPE_MEMORY64 = "0061736d0d000100030c0150010000016d0204f0a204";
    static final String MODULE_TYPE_MAX_MEMORY = "0061736d0d000100030f0150010000016d0201808004808004";
    static final String CORE_MODULE_BIG_MEMORY = "0061736d0d000100010f0061736d0100000005050100f0a204";

    @Test
    void moduleTypeMayNotImportTheSameNameTwice() {
        assertContains(rejected(MODULE_TYPE_DUP_IMPORT), "duplicate import name `:a`");
    }

    @Test
    void moduleTypeMemoryIsAtMost65536Pages() {
        assertTrue(rejected(MODULE_TYPE_BIG_MEMORY).startsWith("memory size must be at most 65536 pages"));
        assertTrue(rejected(MODULE_TYPE_BIG_MAX).startsWith("memory size must be at most 65536 pages"));
        valid(MODULE_TYPE_MAX_MEMORY);
    }

    @Test
    void moduleTypeMemoryMinimumIsAtMostItsMaximum() {
        assertEquals("size minimum must not be greater than maximum", rejected(MODULE_TYPE_MIN_ABOVE_MAX));
    }

    @Test
    void memory64HasItsOwnBound() {
        valid(MODULE_TYPE_MEMORY64);
    }

    @Test
    void coreModuleMemoryIsAtMost65536Pages() {
        assertContains(rejected(CORE_MODULE_BIG_MEMORY), "memory size must be at most");
    }

    // (component (core type (module (export "t" (table 0 shared funcref)))))
    // the same with (ref null (shared func)), and (global shared funcref) / (global shared i32)
    static final String SHARED_TABLE_OF_FUNCREF = "0061736d0d000100030a01500103017401700200";
    static final String SHARED_TABLE_OF_SHARED_FUNC = "0061736d0d000100030b0150010301740165700200";
    static final String SHARED_GLOBAL_OF_FUNCREF = "0061736d0d00010003090150010301670370" + "02";
    static final String SHARED_GLOBAL_OF_I32 = "0061736d0d000100030901500103016703" + "7f02";

    @Test
    void sharedTablesAndGlobalsHoldSharedValues() {
        assertEquals("shared tables must have a shared element type", rejected(SHARED_TABLE_OF_FUNCREF));
        valid(SHARED_TABLE_OF_SHARED_FUNC);
        assertEquals("shared globals must have a shared value type", rejected(SHARED_GLOBAL_OF_FUNCREF));
        valid(SHARED_GLOBAL_OF_I32);
    }
}
