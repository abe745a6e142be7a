package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Trap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes component calls back into Java: a world function and a host resource. */
class NotesTest {
    private final List<String> calls = new ArrayList<>();
    private final List<NotePad> pads = new ArrayList<>();

    private Notes instantiate(Store store) {
        Notes.Imports imports = Notes.Imports.builder()
                .store(store)
                .notesImports(msg -> calls.add("log(" + msg + ")"))
                .build();
        return Notes.instantiate(Engine.create(), Main.componentBytes(), imports);
    }

    private NotePad newPad(String title) {
        calls.add("new pad(" + title + ")");
        NotePad pad = new NotePad(title);
        pads.add(pad);
        return pad;
    }

    @Test
    void runsWithJavaImports() {
        Notes notes = instantiate(this::newPad);
        assertEquals(3, notes.run("groceries", List.of("milk", "eggs", "bread")));
        assertEquals(List.of("new pad(groceries)", "log(groceries)"), calls);
        assertEquals(1, pads.size());
        assertEquals(List.of("milk", "eggs", "bread"), pads.get(0).lines());
        assertTrue(pads.get(0).isClosed(), "the component dropped its handle: close() ran");
    }

    @Test
    void eachCallGetsItsOwnResource() {
        Notes notes = instantiate(this::newPad);
        assertEquals(0, notes.run("empty", List.of()));
        assertEquals(1, notes.run("ünïcode ☃", List.of("x")));
        assertEquals(2, pads.size());
        assertEquals("ünïcode ☃", pads.get(1).title());
        assertEquals(List.of("new pad(empty)", "log(empty)", "new pad(ünïcode ☃)", "log(ünïcode ☃)"), calls);
        assertTrue(pads.stream().allMatch(NotePad::isClosed));
    }

    @Test
    void hostExceptionsTrapTheComponent() {
        Notes notes = instantiate(title -> {
            throw new IllegalStateException("no pads today");
        });
        Trap t = assertThrows(Trap.class, () -> notes.run("x", List.of()));
        assertTrue(t.getMessage().contains("no pads today"), t.getMessage());
        assertTrue(t.getMessage().contains("example:notes/store#[constructor]pad"), t.getMessage());
        // the host sees its own exception
        assertTrue(t.hostException().orElseThrow() instanceof IllegalStateException, String.valueOf(t.hostException()));
        assertTrue(notes.instance().isPoisoned());
    }

    @Test
    void missingImportsAreNamed() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Notes.Imports.builder().notesImports(msg -> {}).build());
        assertTrue(e.getMessage().contains("imported interface `example:notes/store`"), e.getMessage());
        assertTrue(e.getMessage().contains("store(...)"), e.getMessage());
    }
}
