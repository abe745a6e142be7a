package com.example.textkit;

import com.example.textkit.wit.Textkit;
import dev.wit4j.runtime.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Instantiates the textkit component with a Java logger and calls its exports. */
public final class Main {
    private Main() {}

    /** The component binary, shipped as a resource of this example. */
    static byte[] componentBytes() {
        return resource("/textkit.wasm");
    }

    /** A class path resource of this example. */
    static byte[] resource(String name) {
        try (InputStream in = Main.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance of the textkit component whose {@code logger} import is {@code logger}. */
    static Textkit instantiate(Logger logger) {
        return Textkit.instantiate(
                Engine.create(),
                componentBytes(),
                Textkit.Imports.builder().logger(logger).build());
    }

    public static void main(String[] args) {
        ListLogger logger = new ListLogger();
        TextTools tools = instantiate(logger).textTools();
        System.out.println("shout(\"hello, wit4j\") = " + tools.shout("hello, wit4j"));
        System.out.println("count([a, b, c]) = " + Integer.toUnsignedLong(tools.count(List.of("a", "b", "c"))));
        System.out.println("total([1, 2, 3]) = " + tools.total(new int[] {1, 2, 3}));
        TextTools.Span span = new TextTools.Span(2, 5);
        System.out.println("align(" + span + ", RIGHT, 80) = " + tools.align(span, TextTools.Side.RIGHT, 80));
        System.out.println("fit(" + span + ", 6) = " + tools.fit(span, 6));
        System.out.println("twice(Num[value=21]) = " + tools.twice(new TextTools.Num(21)));
        try (TextTools.Tally tally = tools.newTally()) {
            tally.add(40);
            tally.add(2);
            System.out.println("tally after adding 40 and 2 = " + tally.sum());
        }
        System.out.println("logged by the component: " + logger.messages());
    }
}
