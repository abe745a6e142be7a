package dev.wit4j.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wit4j.runtime.fuzz.Wat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A component that hands one of its three imports to a nested component, which lowers it into a
 * core instance: the import reaches exactly those instances, the others reach nothing, and the
 * export is traced to the nested instance.
 */
class InspectionTest {

    private static final String COMPONENT = InspectionTestComponent.TEXT;

    private static byte[] component;

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test component");
        Wat.Assembled a = Wat.assemble(List.of(COMPONENT, "(module)")).get(0);
        assertNull(a.error(), a.error());
        component = a.wasm();
    }

    @Test
    void importsReachWhatTheyAreHandedTo() {
        Inspection inspection = Inspection.of(component);
        assertEquals(3, inspection.imports().size());
        Inspection.Import clock = inspection.imports().get(0);
        assertEquals("wasi:clocks/wall-clock@0.2.12", clock.name());
        assertEquals("clocks", clock.family());
        assertEquals("instance", clock.kind());
        assertEquals("{ now: func() -> u64 }", clock.type());
        assertEquals(
                List.of("instance 2", "instance 2 / core instance 0", "instance 2 / core instance 1"), clock.reaches());

        Inspection.Import log = inspection.imports().get(1);
        assertEquals("func(msg: string)", log.type());
        assertEquals("custom", log.family());
        assertEquals(List.of(), log.reaches());
        assertEquals(List.of(), inspection.imports().get(2).reaches(), "the vault is imported but given to nothing");
        assertEquals(List.of(log, inspection.imports().get(2)), inspection.importsOf("custom"));
    }

    @Test
    void exportsAreTracedAndTheTreeNests() {
        Inspection inspection = Inspection.of(component);
        Inspection.Export go = inspection.exports().get(0);
        assertEquals("go", go.name());
        assertEquals("func() -> u64", go.type());
        assertEquals("export `go` of instance 2", go.from());

        List<Inspection.Node> tree = inspection.tree();
        Inspection.Node instance = tree.stream()
                .filter(n -> n.id().equals("instance 2"))
                .findFirst()
                .orElseThrow();
        assertEquals("instantiates component 0", instance.description());
        assertEquals(List.of("wasi:clocks/wall-clock@0.2.12"), instance.receives());
        assertEquals(
                List.of("instance 2 / module 0", "instance 2 / core instance 0", "instance 2 / core instance 1"),
                instance.children().stream().map(Inspection.Node::id).toList());
        assertEquals("instantiates module 0", instance.children().get(2).description());
        assertTrue(
                tree.stream()
                        .anyMatch(n ->
                                n.id().equals("component 1") && n.description().equals("not instantiated")),
                tree.toString());
    }

    @Test
    void textAndJsonSayTheSame() {
        Inspection inspection = Inspection.of(component);
        String text = inspection.toText();
        assertTrue(
                text.startsWith(
                        "imports (3)\n  clocks\n    wasi:clocks/wall-clock@0.2.12 (instance)\n      now: func() -> u64\n"
                                + "      reaches: instance 2, instance 2 / core instance 0, instance 2 / core instance 1\n"),
                text);
        assertTrue(text.contains("  go (func), from export `go` of instance 2\n"), text);

        JsonObject json = JsonParser.parseString(inspection.toJson()).getAsJsonObject();
        JsonArray imports = json.getAsJsonArray("imports");
        assertEquals(3, imports.size());
        assertEquals("clocks", imports.get(0).getAsJsonObject().get("family").getAsString());
        assertEquals(
                3, imports.get(0).getAsJsonObject().getAsJsonArray("reaches").size());
        JsonObject instance = json.getAsJsonArray("tree").asList().stream()
                .map(e -> e.getAsJsonObject())
                .filter(o -> o.get("id").getAsString().equals("instance 2"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, instance.getAsJsonArray("children").size());
        assertEquals(
                "export `go` of instance 2",
                json.getAsJsonArray("exports")
                        .get(0)
                        .getAsJsonObject()
                        .get("from")
                        .getAsString());
    }

    @Test
    void aCoreModuleIsNotAComponent() throws Exception {
        byte[] module = Wat.assemble(List.of("(module)")).get(0).wasm();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inspection.of(module));
        assertTrue(e.getMessage().contains("not a component"), e.getMessage());
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Reports.quote("a\"b\\c\n\u0001"));
    }
}
