package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.assertContains;
import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;

import org.junit.jupiter.api.Test;

/**
 * An import cannot be a type equal to a resource the component defines (by a resource type or by
 * instantiating a component that exports one), directly or inside an imported instance or component
 * type: whoever instantiates the component cannot supply a resource that exists only inside it.
 */
class LocalResourceImportTest {

    // (component (component $C (type $r (resource (rep i32))) (export "r" (type $r)))
    //   (instance $c (instantiate $C)) (alias export $c "r" (type $r)) (import "b" (type (eq $r))))
    static final String FROM_AN_INSTANCE =
            "0061736d0d00010004330061736d0d0001000704013f7f000b0701000172030000001a0e636f6d706f6e656e742d6e616d65000201430105030100017205040100000006060103000001720a070100016203000000240e636f6d706f6e656e742d6e616d65010503010001720105040100014301050501000163";
    // (component (type $r (resource (rep i32))) (import "i" (instance (export "b" (type (eq $r))))))
    static final String IN_AN_INSTANCE =
            "0061736d0d0001000712023f7f0042020203020100040001620300000a0601000169050100160e636f6d706f6e656e742d6e616d6501050301000172";
    // (component (type $r (resource (rep i32))) (import "c" (component (export "b" (type (eq $r))))))
    static final String IN_A_COMPONENT =
            "0061736d0d0001000712023f7f0041020203020100040001620300000a0601000163040100160e636f6d706f6e656e742d6e616d6501050301000172";
    // (component (import "a" (type $a (sub resource))) (import "b" (type (eq $a))))
    static final String OF_AN_IMPORTED_RESOURCE =
            "0061736d0d0001000a0c02000161030100016203000000160e636f6d706f6e656e742d6e616d6501050301000161";

    @Test
    void aResourceDefinedHereCannotBeImported() {
        assertContains(rejected(FROM_AN_INSTANCE), "local resource type found in imports");
        assertContains(rejected(IN_AN_INSTANCE), "local resource type found in imports");
        assertContains(rejected(IN_A_COMPONENT), "local resource type found in imports");
        valid(OF_AN_IMPORTED_RESOURCE);
    }
}
