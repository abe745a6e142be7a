package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.runtime.internal.engine.validation.CodeValidation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Function bodies refused by {@link CodeValidation}, one rule each, with the spec's wording, the
 * function and the byte; what it leaves to Endive's validator; and code valid only by the rules of
 * unreachable code. Each refused module is refused by Endive's validator too.
 */
class CodeValidationTest {

    private static final String ENDIVE_ACCEPTS = "Endive accepts";

    /** Module text, expected phrase of the error (null: valid), and whether Endive's validator accepts it. */
    private static final String[][] CASES = {
        {"(module (func (result i32) i64.const 1))", "type mismatch: expected i32, found i64 in function 0"},
        {"(module (func) (func local.get 3 drop))", "unknown local 3 in function 1"},
        {
            "(module (func (result i32) (block (result i32) (block (br_table 0 1 (i32.const 0) (i32.const 1)))"
                    + " (i32.const 2))))",
            "type mismatch: br_table targets take 0 and 1 values"
        },
        {
            "(module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1)))))",
            "type mismatch: an if without else must have results equal to its parameters"
        },
        {
            "(module (func (param funcref) (drop (select (local.get 0) (local.get 0) (i32.const 1)))))",
            "type mismatch: select without a type takes numbers, found funcref"
        },
        // Endive checks only a function's reference to itself (C.refs: core spec, Validation of Modules)
        {
            "(module (func $f) (func (drop (ref.func $f))))",
            "undeclared function reference: function 0 in function 1",
            ENDIVE_ACCEPTS
        },
        {"(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))", "global is immutable: global 0"},
        {
            "(module (table 1 externref) (type $t (func)) (func (call_indirect (type $t) (i32.const 0))))",
            "type mismatch: call_indirect through table 0 of externref"
        },
        {
            "(module (func $f (result i64) i64.const 0) (func (result i32) return_call $f))",
            "type mismatch: a tail call to a function of other results"
        },
        {
            "(module (memory 1) (func (drop (i32.load align=8 (i32.const 0)))))",
            "alignment must not be larger than natural"
        },
        {"(module (func (result i32) unreachable i64.const 0 i32.add))", "type mismatch: expected i32, found i64"},
        {"(module (func (block (br 1)) (br 2)))", "unknown label 2"},
        {"(module (func (drop (i32.add (i32.const 1)))))", "type mismatch: the operand stack is empty"},
        {"(module (func (i32.const 1) (block (drop))))", "type mismatch: the operand stack is empty"},
        {"(module (func (call 7)))", "unknown function 7"},
        // valid: unreachable code's operands are of any type; multi-value blocks; declared references
        {"(module (func (result i32) unreachable i32.add))", null},
        {"(module (func (result i32 i64) (block (result i32 i64) (i32.const 1) (i64.const 2))))", null},
        {"(module (elem declare func $f) (func $f) (func (result funcref) ref.func $f))", null},
        {"(module (func (result f64) (unreachable) (select) (f64.neg)))", null},
        {
            "(module (table 2 funcref) (elem (i32.const 0) func $f) (func $f (param i32) (result i32) local.get 0)"
                    + " (func (result i32) (table.size 0) (call_indirect (param i32) (result i32) (i32.const 0))))",
            null
        },
        {
            "(module (memory 1) (data \"abc\") (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 3)) (data.drop 0)))",
            null
        },
    };

    private static List<Wat.Assembled> modules;

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test modules");
        List<String> texts = new ArrayList<>();
        for (String[] c : CASES) texts.add(c[0]);
        texts.add("(module (func (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))");
        // the start function takes a parameter (a rule of the module), and the code has a mismatch
        texts.add("(module (func $f (param i32) (result i32) i64.const 0) (start $f))");
        texts.add("(module (func $f (param i32)) (start $f))");
        modules = Wat.assemble(texts);
    }

    @Test
    void eachRuleIsCheckedWithTheSpecsWordsAndTheByte() {
        for (int i = 0; i < CASES.length; i++) {
            byte[] wasm = modules.get(i).wasm();
            assertNotNull(wasm, CASES[i][0] + ": " + modules.get(i).error());
            String expected = CASES[i][1];
            if (expected == null) {
                assertNull(CodeValidation.validate(wasm), CASES[i][0]);
                CoreModule.parse(wasm, 0);
                continue;
            }
            CodeValidation.InvalidCodeException e = assertThrows(
                    CodeValidation.InvalidCodeException.class, () -> CodeValidation.validate(wasm), CASES[i][0]);
            assertTrue(e.getMessage().contains(expected), CASES[i][0] + " said: " + e.getMessage());
            // the byte is an instruction of the code section, and the module's error names it
            CoreModuleException error = assertThrows(CoreModuleException.class, () -> CoreModule.parse(wasm, 100));
            assertEquals(100 + e.offset(), error.offset());
            assertTrue(e.offset() > 8 && e.offset() < wasm.length, "offset " + e.offset());
            if (CASES[i].length > 2) {
                CoreModule.parseWorkingAround(wasm, true);
            } else {
                assertThrows(
                        RuntimeException.class,
                        () -> CoreModule.parseWorkingAround(wasm, true),
                        "Endive refuses it too: " + CASES[i][0]);
            }
        }
    }

    @Test
    void aMismatchAtTheEndOfABlockPointsAtItsEnd() {
        byte[] wasm = modules.get(0).wasm();
        CodeValidation.InvalidCodeException e =
                assertThrows(CodeValidation.InvalidCodeException.class, () -> CodeValidation.validate(wasm));
        assertEquals(wasm.length - 1, e.offset(), "the function's end is the module's last byte");
        assertEquals(0x0B, wasm[e.offset()]);
    }

    @Test
    void theRestOfTheModuleIsStillCheckedAndItsErrorComesFirst() {
        for (int k = 1; k <= 2; k++) {
            byte[] wasm = modules.get(CASES.length + k).wasm();
            CoreModuleException e = assertThrows(CoreModuleException.class, () -> CoreModule.parse(wasm, 0));
            assertTrue(e.getMessage().contains("start"), e.getMessage());
            assertFalse(e.getCause() instanceof CodeValidation.InvalidCodeException, e.getMessage());
        }
    }

    @Test
    void vectorsAreLeftToTheEnginesValidator() {
        byte[] wasm = modules.get(CASES.length).wasm();
        String reason = CodeValidation.validate(wasm);
        assertNotNull(reason);
        assertTrue(reason.contains("0x7b") || reason.contains("0xfd"), reason);
        CoreModule.parse(wasm, 0); // and Endive's validator accepts it
    }
}
