package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.TestComponents.rejected;
import static dev.wit4j.runtime.internal.validate.TestComponents.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.ValidationFeatures.Feature;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each gated construct is accepted with its feature and rejected, naming it, without. */
class ValidationFeaturesTest {

    // (component (import "a" (implements "a:b/c") (instance)))
    // (component (import "a" (external-id "x") (func)))
    // (component (type (func async)))
    // (component (type (stream u8)))
    // (component (type (future)))
    // (component (type (list error-context)))
    // (component (type (list u8 4)))
    // (component (type (map string u32)))
    // (component (type (component (import "v" (value string)))))
    // (component (core func (canon task.cancel)))
    // (component (core func (canon thread.index)))
    // (component (core func (canon subtask.cancel async)))
    // STACKFUL_LIFT: (func (type $ft) (canon lift (core func $i "f") async)) with $ft = (func async)
    // CALLBACK_LIFT: the same with (callback (core func $i "cb"))
    // (component (core func (canon error-context.drop)))
    static final String IMPLEMENTS_NAME = "0061736d0d00010007030142000a0e01020161010005613a622f630500";
    static final String EXTERNAL_ID_NAME = "0061736d0d000100070501400001000a0a01020161010201780100";
    static final String ASYNC_FUNC = "0061736d0d00010007050143000100";
    static final String STREAM_TYPE = "0061736d0d00010007040166017d";
    static final String FUTURE_TYPE = "0061736d0d0001000703016500";
    static final String ERROR_CONTEXT_TYPE = "0061736d0d0001000703017064";
    static final String FIXED_LIST = "0061736d0d000100070401677d04";
    static final String MAP_TYPE = "0061736d0d000100070401637379";
    static final String VALUE_IMPORT = "0061736d0d000100070a01410103000176020173"; // in a component type
    static final String TASK_CANCEL = "0061736d0d00010008020105";
    static final String THREAD_INDEX = "0061736d0d00010008020126";
    static final String ASYNC_SUBTASK_CANCEL = "0061736d0d0001000803010601";
    static final String STACKFUL_LIFT =
            "0061736d0d00010007050143000100012a0061736d0100000001040160000003020100070501016600000a040102000b"
                    + "0009046e616d650002016d02040100000006070100000100016608070100000001060000270e636f6d706f6e656e742d"
                    + "6e616d65010600110100016d01060012010001690106030100026674";
    static final String CALLBACK_LIFT =
            "0061736d0d00010007050143000100013d0061736d01000000010c026000017f60037f7f7f017f0303020001070a0201"
                    + "66000002636200010a09020300000b0300000b0009046e616d650002016d020401000000060e02000001000166000001"
                    + "00026362080901000000020607010000270e636f6d706f6e656e742d6e616d65010600110100016d0106001201000169"
                    + "0106030100026674";
    static final String ERROR_CONTEXT_DROP = "0061736d0d0001000802011e";

    private static final Map<String, Gate> GATES = Map.ofEntries(
            Map.entry(IMPLEMENTS_NAME, new Gate(Feature.IMPLEMENTS, "the `cm-implements` feature is not active")),
            Map.entry(EXTERNAL_ID_NAME, new Gate(Feature.IMPLEMENTS, "the `cm-implements` feature is not active")),
            Map.entry(
                    ASYNC_FUNC,
                    new Gate(Feature.ASYNC, "async component functions requires the component model async feature")),
            Map.entry(STREAM_TYPE, new Gate(Feature.ASYNC, "`stream` requires the component model async feature")),
            Map.entry(FUTURE_TYPE, new Gate(Feature.ASYNC, "`future` requires the component model async feature")),
            Map.entry(
                    ERROR_CONTEXT_TYPE,
                    new Gate(
                            Feature.ERROR_CONTEXT,
                            "`error-context` requires the component model error-context feature")),
            Map.entry(
                    FIXED_LIST,
                    new Gate(
                            Feature.FIXED_LENGTH_LISTS,
                            "Fixed-length lists require the component model fixed-length lists feature")),
            Map.entry(MAP_TYPE, new Gate(Feature.MAP, "Maps require the component model map feature")),
            Map.entry(VALUE_IMPORT, new Gate(Feature.VALUES, "support for component model `value`s is not enabled")),
            Map.entry(TASK_CANCEL, new Gate(Feature.ASYNC, "`task.cancel` requires the component model async feature")),
            Map.entry(
                    THREAD_INDEX,
                    new Gate(Feature.THREADING, "`thread.index` requires the component model threading feature")),
            Map.entry(
                    ASYNC_SUBTASK_CANCEL,
                    new Gate(
                            Feature.MORE_ASYNC_BUILTINS,
                            "async `subtask.cancel` requires the component model more async builtins feature")),
            Map.entry(
                    STACKFUL_LIFT,
                    new Gate(Feature.ASYNC_STACKFUL, "requires the component model async stackful feature")),
            Map.entry(
                    ERROR_CONTEXT_DROP,
                    new Gate(
                            Feature.ERROR_CONTEXT,
                            "`error-context.drop` requires the component model error-context feature")));

    private record Gate(Feature feature, String message) {}

    @Test
    void everyGatedConstructNeedsItsFeature() {
        GATES.forEach((hex, gate) -> {
            valid(hex);
            valid(hex, ValidationFeatures.all());
            assertEquals(
                    gate.message(),
                    rejected(hex, ValidationFeatures.all().without(gate.feature())),
                    gate.feature().flag());
        });
    }

    @Test
    void callbackLiftIsNotStackful() {
        valid(CALLBACK_LIFT, ValidationFeatures.all().without(Feature.ASYNC_STACKFUL));
    }

    @Test
    void noneAndWithCompose() {
        ValidationFeatures none = ValidationFeatures.none();
        assertTrue(none.enabled().isEmpty());
        ValidationFeatures implementsOnly = none.with(Feature.IMPLEMENTS);
        assertTrue(implementsOnly.isEnabled(Feature.IMPLEMENTS));
        assertFalse(implementsOnly.isEnabled(Feature.ASYNC));
        assertFalse(none.isEnabled(Feature.IMPLEMENTS), "instances are immutable");
        valid(IMPLEMENTS_NAME, implementsOnly);
        // every feature of the Component Model; the extension beyond it only when asked for
        assertEquals(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Feature.STAGING_BY_CLOSURE)),
                ValidationFeatures.all().enabled());
    }
}
