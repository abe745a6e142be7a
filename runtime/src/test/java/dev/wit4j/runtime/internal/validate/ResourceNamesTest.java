package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Resource names per index-space entry (Explainer, "External Visibility of Types"): exporting a
 * resource creates a new entry; types written with the old entry stay unnamed.
 */
class ResourceNamesTest {

    // core module $m (func (export "f") (result i32) unreachable), core instance $i,
    // (type $R (resource (rep i32))) (func $f (result (own $R)) (canon lift (core func $i "f")))
    // (export $R' "r" (type $R)), then:
    //   EXPORT_UNNAMED_ALIAS:   (export "f" (func $f))
    //   EXPORT_ASCRIBED_ALIAS:  (export "f" (func $f) (func (result (own $R'))))
    //   CONSTRUCTOR_VIA_ALIAS:  (export "[constructor]r" (func $f) (func (result (own $R'))))
    // BAG_CONSTRUCTOR: (instance (export "a" (type $T)) (export "[constructor]a" (func $f)))
    // IMPORTED_INSTANCE_RESOURCE: (import "i" (instance $i (export "t" (type (sub resource)))
    //   (export "[constructor]t" (func (result (own 0)))))) (alias export $i "t" (type $t))
    //   (import "f" (func (param "x" (own $t))))
    static final String EXPORT_UNNAMED_ALIAS =
            "0061736d0d000100012c0061736d010000000105016000017f03020100070501016600000a05010300000b0009046e61"
                    + "6d650002016d020401000000070a033f7f0069004000000106070100000100016608060100000000020b0d0200017203"
                    + "000000016601000000310e636f6d706f6e656e742d6e616d65010600110100016d010600120100016901050101000166"
                    + "0109030200015203025227";
    static final String EXPORT_ASCRIBED_ALIAS =
            "0061736d0d000100012c0061736d010000000105016000017f03020100070501016600000a05010300000b0009046e61"
                    + "6d650002016d020401000000070a033f7f0069004000000106070100000100016608060100000000020b070100017203"
                    + "00000707026903400000040b0901000166010001010500310e636f6d706f6e656e742d6e616d65010600110100016d01"
                    + "06001201000169010501010001660109030200015203025227";
    static final String CONSTRUCTOR_VIA_ALIAS =
            "0061736d0d000100012c0061736d010000000105016000017f03020100070501016600000a05010300000b0009046e61"
                    + "6d650002016d020401000000070a033f7f0069004000000106070100000100016608060100000000020b070100017203"
                    + "00000707026903400000040b1601000e5b636f6e7374727563746f725d72010001010500310e636f6d706f6e656e742d"
                    + "6e616d65010600110100016d0106001201000169010501010001660109030200015203025227";
    static final String BAG_CONSTRUCTOR =
            "0061736d0d0001000704013f7f00012c0061736d010000000105016000017f03020100070501016100000a0501030000"
                    + "0b0009046e616d650002016d0204010000000707026900400000010607010000010001610806010000000002051a0101"
                    + "020001610300000e5b636f6e7374727563746f725d610100002d0e636f6d706f6e656e742d6e616d6501060011010001"
                    + "6d01060012010001690105010100016601050301000154";
    static final String IMPORTED_INSTANCE_RESOURCE =
            "0061736d0d0001000724014204040001740301016900014000000104000e5b636f6e7374727563746f725d7401020a06"
                    + "0100016905000606010300000174070a026901400101780201000a06010001660103001d0e636f6d706f6e656e742d6e"
                    + "616d650105030101017401050501000169";

    @Test
    void functionTypedWithTheUnexportedEntryIsNotExportable() {
        assertEquals("func not valid to be used as export", rejected(EXPORT_UNNAMED_ALIAS));
    }

    @Test
    void ascribingTheExportedEntryNamesIt() {
        valid(EXPORT_ASCRIBED_ALIAS);
        valid(CONSTRUCTOR_VIA_ALIAS);
    }

    @Test
    void bagOfExportsGivesNoResourceAName() {
        assertContains(rejected(BAG_CONSTRUCTOR), "resource used in function does not have a name in this context");
    }

    @Test
    void aliasOfAnImportedInstanceExportKeepsItsName() {
        valid(IMPORTED_INSTANCE_RESOURCE);
    }
}
