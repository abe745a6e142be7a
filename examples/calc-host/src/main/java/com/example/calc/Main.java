package com.example.calc;

import dev.wit4j.runtime.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Instantiates the calc component and calls its exports with Java values. */
public final class Main {
    private Main() {}

    /** The component binary, shipped as a resource of this example. */
    static byte[] componentBytes() {
        try (InputStream in = Main.class.getResourceAsStream("/calc.wasm")) {
            if (in == null) {
                throw new IllegalStateException("calc.wasm is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance of the calc component. */
    static Calc instantiate() {
        return Calc.instantiate(Engine.create(), componentBytes());
    }

    public static void main(String[] args) {
        Calc calc = instantiate();
        Math math = calc.math();
        System.out.println("shout(\"hello, wit4j\") = " + calc.shout("hello, wit4j"));
        System.out.println("add(1, 2) = " + math.add(1, 2));
        System.out.println("translate(Point[x=1, y=2], 3) = " + math.translate(new Math.Point(1, 2), 3));
        System.out.println("area(Circle[value=2]) = " + Integer.toUnsignedLong(math.area(new Math.Shape.Circle(2))));
        System.out.println(
                "area(Rect[value=Point[x=3, y=4]]) = " + math.area(new Math.Shape.Rect(new Math.Point(3, 4))));
        System.out.println("area(Empty[]) = " + math.area(new Math.Shape.Empty()));
        System.out.println("sum([1, 2, 3, 4]) = " + math.sum(new int[] {1, 2, 3, 4}));
        System.out.println("first([7, 8]) = " + math.first(new int[] {7, 8}));
        System.out.println("first([]) = " + math.first(new int[0]));
        System.out.println("safeDiv(7, 2) = " + math.safeDiv(7, 2));
        System.out.println("safeDiv(1, 0) = " + math.safeDiv(1, 0));
    }
}
