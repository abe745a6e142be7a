package dev.wit4j.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wit4j.runtime.fuzz.Wat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Versions of one component compared with the first: each change gets the verdict of the
 * component model's subtyping rules, and a new import is a capability gained.
 */
class ComponentDiffTest {

    private static final String CLOCK =
            "(import \"wasi:clocks/wall-clock@0.2.12\" (instance (export \"now\" (func (result u64)))))\n";
    private static final String RANDOM =
            "(import \"wasi:random/random@0.2.12\" (instance (export \"get-random-u64\" (func (result u64)))))\n";
    private static final String CORE = """
            (core module $m
              (memory (export "mem") 1)
              (func (export "get") (result i32) i32.const 1)
              (func (export "get64") (result i64) i64.const 1)
              (func (export "put") (param i32))
              (func (export "info") (result i32) i32.const 8))
            (core instance $i (instantiate $m))
            (alias core export $i "mem" (core memory $mem))
            """;
    private static final String GET = "(func (export \"get\") (result u32) (canon lift (core func $i \"get\")))\n";
    private static final String PUT = "(func (export \"put\") (param \"v\" u32) (canon lift (core func $i \"put\")))\n";
    private static final String INFO = """
            (type $r0 (record (field "a" u32) (field "b" u32)))
            (export $r "r" (type $r0))
            (func (export "info") (result $r) (canon lift (core func $i "info") (memory $mem)))
            """;

    private static String component(String... parts) {
        return "(component\n" + String.join("", parts) + ")";
    }

    private static final List<String> VERSIONS = List.of(
            component(CLOCK, CORE, GET, PUT, INFO), // 0: the old version
            component(CLOCK, CORE, GET, PUT, INFO), // 1: the same
            component(CLOCK, RANDOM, CORE, GET, PUT, INFO), // 2: a new capability
            component(CLOCK, CORE, GET, INFO), // 3: an export removed
            component(
                    CLOCK,
                    CORE,
                    GET.replace("(result u32)", "(result u64)").replace("\"get\")))", "\"get64\")))"),
                    PUT,
                    INFO), // 4: a result widened
            component(
                    CLOCK,
                    CORE,
                    GET,
                    PUT,
                    INFO.replace("(field \"b\" u32)", "(field \"b\" u32) (field \"c\" (option u32))")),
            // 5: an optional field added
            component(
                    CLOCK,
                    CORE,
                    GET,
                    PUT.replace("(export \"put\")", "(export \"store\")"),
                    INFO), // 6: a function renamed
            component(
                    CORE,
                    GET,
                    PUT,
                    INFO,
                    "(func (export \"extra\") (result u32) (canon lift (core func $i \"get\")))\n"));
    // 7: an import dropped and an export added

    private static final List<byte[]> binaries = new ArrayList<>();

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test components");
        for (Wat.Assembled a : Wat.assemble(VERSIONS)) {
            assertNull(a.error(), a.error());
            binaries.add(a.wasm());
        }
    }

    private static ComponentDiff against(int version) {
        return ComponentDiff.of(binaries.get(0), binaries.get(version));
    }

    @Test
    void theSameComponentHasNoChanges() {
        ComponentDiff diff = against(1);
        assertEquals(List.of(), diff.changes());
        assertTrue(diff.canReplace());
        assertEquals("no changes\n", diff.toText());
    }

    @Test
    void aNewImportIsACapabilityGained() {
        ComponentDiff diff = against(2);
        assertEquals(1, diff.changes().size(), diff.toText());
        ComponentDiff.Change c = diff.changes().get(0);
        assertEquals(ComponentDiff.Kind.IMPORT_ADDED, c.kind());
        assertEquals("wasi:random/random@0.2.12", c.name());
        assertTrue(c.detail().startsWith("random, { get-random-u64: func() -> u64 }; reaches nothing"), c.detail());
        assertTrue(c.gainsCapability());
        assertFalse(c.breaking());
        assertFalse(diff.canReplace());
    }

    @Test
    void aRemovedExportBreaksItsUsers() {
        ComponentDiff diff = against(3);
        assertEquals(
                List.of(new ComponentDiff.Change(ComponentDiff.Kind.EXPORT_REMOVED, "put", "func(v: u32)", true)),
                diff.changes());
        assertFalse(diff.canReplace());
    }

    @Test
    void aWidenedResultIsIncompatible() {
        ComponentDiff diff = against(4);
        assertEquals(1, diff.changes().size(), diff.toText());
        ComponentDiff.Change c = diff.changes().get(0);
        assertEquals(ComponentDiff.Kind.EXPORT_CHANGED, c.kind());
        assertEquals("get", c.name());
        assertTrue(
                c.detail().startsWith("was `func() -> u32`, now `func() -> u64` (type mismatch with result type: "),
                c.detail());
        assertTrue(c.breaking());
    }

    @Test
    void anAddedFieldIsIncompatibleEvenIfOptional() {
        ComponentDiff diff = against(5);
        assertEquals(
                List.of("r", "info"),
                diff.changes().stream().map(ComponentDiff.Change::name).toList(),
                diff.toText());
        assertTrue(diff.changes().stream().allMatch(ComponentDiff.Change::breaking), diff.toText());
        assertEquals(
                "was `record { a: u32, b: u32 }`, now `record { a: u32, b: u32, c: option<u32> }` (expected 2 fields,"
                        + " found 3)",
                diff.changes().get(0).detail());
        assertEquals(
                "type mismatch with result type: expected 2 fields, found 3",
                diff.changes().get(1).detail());
    }

    @Test
    void aRenamedFunctionIsARemovalAndAnAddition() {
        ComponentDiff diff = against(6);
        assertEquals(
                List.of(ComponentDiff.Kind.EXPORT_ADDED, ComponentDiff.Kind.EXPORT_REMOVED),
                diff.changes().stream().map(ComponentDiff.Change::kind).toList(),
                diff.toText());
        assertFalse(diff.canReplace());
        assertTrue(diff.toText().contains("breaking  export removed put: func(v: u32)\n"), diff.toText());
    }

    @Test
    void droppingAnImportAndAddingAnExportIsCompatible() {
        ComponentDiff diff = against(7);
        assertEquals(
                List.of(ComponentDiff.Kind.IMPORT_REMOVED, ComponentDiff.Kind.EXPORT_ADDED),
                diff.changes().stream().map(ComponentDiff.Change::kind).toList(),
                diff.toText());
        assertTrue(diff.canReplace());
        assertTrue(diff.toText().endsWith("the new version can replace the old one\n"), diff.toText());
        JsonObject json = JsonParser.parseString(diff.toJson()).getAsJsonObject();
        assertTrue(json.get("canReplace").getAsBoolean());
        assertEquals(
                "import-removed",
                json.getAsJsonArray("changes")
                        .get(0)
                        .getAsJsonObject()
                        .get("kind")
                        .getAsString());
    }
}
