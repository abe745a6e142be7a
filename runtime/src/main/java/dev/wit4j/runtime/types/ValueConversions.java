package dev.wit4j.runtime.types;

import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Type-independent conversions between Java values and the runtime's dynamic {@link Value}s.
 *
 * <p><b>Support for generated code:</b> the bindings that the wit4j annotation processor generates
 * call these methods instead of carrying their own copies. They are public only for that reason;
 * they may change together with the processor and are not meant to be called by hand. Conversions
 * that depend on generated named types (records, variants, enums, flags, resources) stay in the
 * generated classes.
 *
 * <p>Unlike the other classes of this package, this one depends on {@link Value}.
 */
public final class ValueConversions {
    private ValueConversions() {}

    /** The elements of a list or fixed-length list value. */
    public static List<Value> elements(Value v) {
        return v instanceof Value.FixedList f ? f.elements() : ((Value.ListValue) v).elements();
    }

    /**
     * Returns {@code elements} if it has exactly {@code length} elements.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static List<Value> checkLength(List<Value> elements, int length) {
        if (elements.size() != length) {
            throw new IllegalArgumentException(
                    "a fixed-length list needs " + length + " elements, found " + elements.size());
        }
        return elements;
    }

    /**
     * The field {@code name} of a record value.
     *
     * @throws IllegalArgumentException if it has no such field
     */
    public static Value field(Value.RecordValue r, String name) {
        return r.field(name)
                .orElseThrow(() -> new IllegalArgumentException("record value has no field `" + name + "`"));
    }

    /**
     * Converts a {@link Result} to a result value; {@code ok} / {@code err} are null for a side
     * without payload.
     *
     * @throws NullPointerException if {@code r} is null, or its payload is where the side has one
     *     (say, {@code Result.ok(null)} for a {@code result<string>}), saying which
     */
    public static <T, E> Value resultToValue(
            Result<T, E> r, Function<? super T, ? extends Value> ok, Function<? super E, ? extends Value> err) {
        if (r instanceof Result.Ok<T, E> o) {
            return ok == null
                    ? Value.ok()
                    : Value.ok(ok.apply(Objects.requireNonNull(o.value(), "`ok` value of result is null")));
        }
        Result.Err<T, E> x = (Result.Err<T, E>) Objects.requireNonNull(r, "result is null");
        return err == null
                ? Value.err()
                : Value.err(err.apply(Objects.requireNonNull(x.error(), "`err` value of result is null")));
    }

    /**
     * Converts a result value to a {@link Result}; {@code ok} / {@code err} are null for a side
     * without payload ({@code Void}).
     */
    public static <T, E> Result<T, E> resultFromValue(
            Value v, Function<Value, ? extends T> ok, Function<Value, ? extends E> err) {
        Value.ResultValue r = (Value.ResultValue) v;
        if (r.isOk()) {
            return new Result.Ok<>(ok == null ? null : ok.apply(r.payload().orElseThrow()));
        }
        return new Result.Err<>(err == null ? null : err.apply(r.payload().orElseThrow()));
    }

    /** Converts a map to a map value, keeping its iteration order. */
    public static <K, V> Value mapToValue(
            Map<K, V> m, Function<? super K, ? extends Value> key, Function<? super V, ? extends Value> value) {
        List<Value.MapValue.Entry> es = new ArrayList<>(m.size());
        m.forEach((k, v) -> es.add(new Value.MapValue.Entry(key.apply(k), value.apply(v))));
        return new Value.MapValue(es);
    }

    /** Converts a map value to a {@link LinkedHashMap} in the order of its entries. */
    public static <K, V> Map<K, V> mapFromValue(
            Value v, Function<Value, ? extends K> key, Function<Value, ? extends V> value) {
        Map<K, V> m = new LinkedHashMap<>();
        for (Value.MapValue.Entry e : ((Value.MapValue) v).entries()) {
            m.put(key.apply(e.key()), value.apply(e.value()));
        }
        return m;
    }

    /** Converts the elements of a WIT {@code list<s8>} held as a {@code byte[]} to values. */
    public static List<Value> s8sToValue(byte[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (byte e : a) {
            out.add(new Value.S8(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code s8} elements to a {@code byte[]}. */
    public static byte[] s8sFromValue(Value v) {
        List<Value> es = elements(v);
        byte[] a = new byte[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.S8) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<u8>} held as a {@code byte[]} to values. */
    public static List<Value> u8sToValue(byte[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (byte e : a) {
            out.add(new Value.U8(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code u8} elements to a {@code byte[]}. */
    public static byte[] u8sFromValue(Value v) {
        List<Value> es = elements(v);
        byte[] a = new byte[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.U8) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<s16>} held as a {@code short[]} to values. */
    public static List<Value> s16sToValue(short[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (short e : a) {
            out.add(new Value.S16(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code s16} elements to a {@code short[]}. */
    public static short[] s16sFromValue(Value v) {
        List<Value> es = elements(v);
        short[] a = new short[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.S16) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<u16>} held as a {@code short[]} to values. */
    public static List<Value> u16sToValue(short[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (short e : a) {
            out.add(new Value.U16(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code u16} elements to a {@code short[]}. */
    public static short[] u16sFromValue(Value v) {
        List<Value> es = elements(v);
        short[] a = new short[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.U16) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<s32>} held as a {@code int[]} to values. */
    public static List<Value> s32sToValue(int[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (int e : a) {
            out.add(new Value.S32(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code s32} elements to a {@code int[]}. */
    public static int[] s32sFromValue(Value v) {
        List<Value> es = elements(v);
        int[] a = new int[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.S32) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<u32>} held as a {@code int[]} to values. */
    public static List<Value> u32sToValue(int[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (int e : a) {
            out.add(new Value.U32(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code u32} elements to a {@code int[]}. */
    public static int[] u32sFromValue(Value v) {
        List<Value> es = elements(v);
        int[] a = new int[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.U32) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<s64>} held as a {@code long[]} to values. */
    public static List<Value> s64sToValue(long[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (long e : a) {
            out.add(new Value.S64(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code s64} elements to a {@code long[]}. */
    public static long[] s64sFromValue(Value v) {
        List<Value> es = elements(v);
        long[] a = new long[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.S64) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<u64>} held as a {@code long[]} to values. */
    public static List<Value> u64sToValue(long[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (long e : a) {
            out.add(new Value.U64(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code u64} elements to a {@code long[]}. */
    public static long[] u64sFromValue(Value v) {
        List<Value> es = elements(v);
        long[] a = new long[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.U64) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<f32>} held as a {@code float[]} to values. */
    public static List<Value> f32sToValue(float[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (float e : a) {
            out.add(new Value.F32(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code f32} elements to a {@code float[]}. */
    public static float[] f32sFromValue(Value v) {
        List<Value> es = elements(v);
        float[] a = new float[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.F32) es.get(i)).value();
        }
        return a;
    }

    /** Converts the elements of a WIT {@code list<f64>} held as a {@code double[]} to values. */
    public static List<Value> f64sToValue(double[] a) {
        List<Value> out = new ArrayList<>(a.length);
        for (double e : a) {
            out.add(new Value.F64(e));
        }
        return out;
    }

    /** Converts a (fixed-length) list value of {@code f64} elements to a {@code double[]}. */
    public static double[] f64sFromValue(Value v) {
        List<Value> es = elements(v);
        double[] a = new double[es.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Value.F64) es.get(i)).value();
        }
        return a;
    }
}
