package dev.wit4j.runtime.core;

/**
 * A core WebAssembly value type, as seen by the component validator: a number type, {@code v128}
 * or a reference type. Reference types are identified by their text-format spelling (for example
 * {@code funcref}, {@code externref} or {@code (ref null 3)}), so two values are equal exactly when
 * they denote the same type within one module.
 */
public record CoreValType(String name) {

    public static final CoreValType I32 = new CoreValType("i32");
    public static final CoreValType I64 = new CoreValType("i64");
    public static final CoreValType F32 = new CoreValType("f32");
    public static final CoreValType F64 = new CoreValType("f64");
    public static final CoreValType V128 = new CoreValType("v128");
    public static final CoreValType FUNCREF = new CoreValType("funcref");
    public static final CoreValType EXTERNREF = new CoreValType("externref");
    public static final CoreValType EXNREF = new CoreValType("exnref");

    @Override
    public String toString() {
        return name;
    }
}
