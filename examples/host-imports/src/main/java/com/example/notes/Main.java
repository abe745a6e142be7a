package com.example.notes;

import dev.wit4j.runtime.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the notes component with its imports implemented in Java. */
public final class Main {
    private Main() {}

    /** The component binary, shipped as a resource of this example. */
    static byte[] componentBytes() {
        try (InputStream in = Main.class.getResourceAsStream("/notes.wasm")) {
            if (in == null) {
                throw new IllegalStateException("notes.wasm is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        List<NotePad> pads = new ArrayList<>();
        Notes.Imports imports = Notes.Imports.builder()
                .store(
                        title -> { // Store has one method: the constructor of `pad`
                            NotePad pad = new NotePad(title);
                            pads.add(pad);
                            return pad;
                        })
                .notesImports(msg -> System.out.println("[component] " + msg))
                .build();
        Notes notes = Notes.instantiate(Engine.create(), componentBytes(), imports);
        int count = notes.run("groceries", List.of("milk", "eggs", "bread"));
        System.out.println("run returned " + count);
        NotePad pad = pads.get(0);
        System.out.println("pad " + pad.title() + " " + pad.lines() + (pad.isClosed() ? " (closed)" : ""));
    }
}
