package dev.wit4j.runtime.value;

import dev.wit4j.witx.model.ValueType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A component-model value for hosts that work without generated bindings: the argument or result
 * of a dynamically invoked function, or a value parsed from WAVE text.
 *
 * <p>There is one immutable record per kind of value. A value does not know its full WIT type
 * (a {@code some(1)} could be an {@code option<u8>} or an {@code option<s64>}); use
 * {@link #typeCheck(ValueType)} to check it against one.
 *
 * <p>Unsigned integers are kept in the Java primitive of the same width, holding the same bits
 * (so {@code u32} 4294967295 is stored as the {@code int} -1); each unsigned record has an
 * {@code unsignedValue()} accessor that widens it without changing the number. The factories
 * ({@link #u8(int)}, {@link #u32(long)}, ...) take the number itself and reject out-of-range
 * input, while the record constructors take the raw bits.
 *
 * <p>Floats keep NaN payloads as they are (canonicalisation is the canonical ABI's job) and
 * compare by bit pattern: a NaN equals a NaN with the same bits, and {@code 0.0} differs from
 * {@code -0.0}. All other kinds have plain value semantics; records and flags compare as maps and
 * sets (their order is given by the type, so it does not take part in equality).
 *
 * <p>{@code toString()} gives a short debugging form; use {@code Wave.print} for WAVE text.
 */
public sealed interface Value
        permits Value.Bool,
                Value.S8,
                Value.U8,
                Value.S16,
                Value.U16,
                Value.S32,
                Value.U32,
                Value.S64,
                Value.U64,
                Value.F32,
                Value.F64,
                Value.Char,
                Value.Str,
                Value.ListValue,
                Value.FixedList,
                Value.RecordValue,
                Value.TupleValue,
                Value.VariantValue,
                Value.EnumValue,
                Value.OptionValue,
                Value.ResultValue,
                Value.FlagsValue,
                Value.Own,
                Value.Borrow,
                Value.MapValue,
                Value.StreamValue,
                Value.FutureValue,
                Value.ErrorContextValue {

    /**
     * The name of this value's kind as used in messages: a primitive's WIT name ({@code u32},
     * {@code string}, ...) or {@code list}, {@code record}, {@code variant}, ...
     */
    String kindName();

    /**
     * Checks that this value has the given type.
     *
     * @throws ValueTypeMismatchException naming the path to the first mismatch, for example
     *     {@code field `name`: expected string, found u32}
     */
    default void typeCheck(ValueType type) {
        ValueTypes.check(this, type);
    }

    // ---------------------------------------------------------------- factories

    /** A {@code bool}. */
    static Bool bool(boolean value) {
        return value ? Bool.TRUE : Bool.FALSE;
    }

    /** An {@code s8}; rejects numbers outside -128..127. */
    static S8 s8(int value) {
        return new S8((byte) checkRange("s8", value, Byte.MIN_VALUE, Byte.MAX_VALUE));
    }

    /** A {@code u8}; rejects numbers outside 0..255. */
    static U8 u8(int value) {
        return new U8((byte) checkRange("u8", value, 0, 0xFF));
    }

    /** An {@code s16}; rejects numbers outside -32768..32767. */
    static S16 s16(int value) {
        return new S16((short) checkRange("s16", value, Short.MIN_VALUE, Short.MAX_VALUE));
    }

    /** A {@code u16}; rejects numbers outside 0..65535. */
    static U16 u16(int value) {
        return new U16((short) checkRange("u16", value, 0, 0xFFFF));
    }

    /** An {@code s32}. */
    static S32 s32(int value) {
        return new S32(value);
    }

    /** A {@code u32}; rejects numbers outside 0..4294967295. */
    static U32 u32(long value) {
        return new U32((int) checkRange("u32", value, 0, 0xFFFF_FFFFL));
    }

    /** An {@code s64}. */
    static S64 s64(long value) {
        return new S64(value);
    }

    /**
     * A {@code u64} from its 64 bits: numbers above {@link Long#MAX_VALUE} are passed as the
     * negative {@code long} with the same bits (as {@link Long#parseUnsignedLong} returns them).
     */
    static U64 u64(long bits) {
        return new U64(bits);
    }

    /** A {@code u64}; rejects numbers outside 0..18446744073709551615. */
    static U64 u64(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 64) {
            throw new IllegalArgumentException("u64 out of range: " + value);
        }
        return new U64(value.longValue());
    }

    /** An {@code f32}; NaN payloads are kept. */
    static F32 f32(float value) {
        return new F32(value);
    }

    /** An {@code f64}; NaN payloads are kept. */
    static F64 f64(double value) {
        return new F64(value);
    }

    /** A {@code char}; rejects surrogates and code points above U+10FFFF. */
    static Char character(int codePoint) {
        return new Char(codePoint);
    }

    /** A {@code string}; rejects unpaired surrogates. */
    static Str string(String value) {
        return new Str(value);
    }

    /** A {@code list<T>} of the given elements. */
    static ListValue list(Value... elements) {
        return new ListValue(Arrays.asList(elements));
    }

    /** A {@code list<T>} of the given elements. */
    static ListValue list(List<? extends Value> elements) {
        return new ListValue(List.copyOf(elements));
    }

    /** A fixed-length {@code list<T, N>} of the given elements. */
    static FixedList fixedList(List<? extends Value> elements) {
        return new FixedList(List.copyOf(elements));
    }

    /**
     * A record with the given fields, kept in the map's iteration order (pass a
     * {@link LinkedHashMap} or use {@link #recordBuilder()} when that order matters, for example
     * for printing without a type).
     */
    static RecordValue record(Map<String, ? extends Value> fields) {
        return new RecordValue(Collections.unmodifiableMap(fields));
    }

    /** A builder that keeps fields in the order they are added. */
    static RecordValue.Builder recordBuilder() {
        return new RecordValue.Builder();
    }

    /** A tuple of the given values. */
    static TupleValue tuple(Value... elements) {
        return new TupleValue(Arrays.asList(elements));
    }

    /** A variant case without payload. */
    static VariantValue variant(String caseName) {
        return new VariantValue(caseName, Optional.empty());
    }

    /** A variant case with a payload. */
    static VariantValue variant(String caseName, Value payload) {
        return new VariantValue(caseName, Optional.of(payload));
    }

    /** An enum case. */
    static EnumValue enumCase(String caseName) {
        return new EnumValue(caseName);
    }

    /** {@code some(value)} of an {@code option<T>}. */
    static OptionValue some(Value value) {
        return new OptionValue(Optional.of(value));
    }

    /** {@code none} of an {@code option<T>}. */
    static OptionValue none() {
        return OptionValue.NONE;
    }

    /** {@code ok} without payload. */
    static ResultValue ok() {
        return new ResultValue(true, Optional.empty());
    }

    /** {@code ok(value)}. */
    static ResultValue ok(Value value) {
        return new ResultValue(true, Optional.of(value));
    }

    /** {@code err} without payload. */
    static ResultValue err() {
        return new ResultValue(false, Optional.empty());
    }

    /** {@code err(value)}. */
    static ResultValue err(Value value) {
        return new ResultValue(false, Optional.of(value));
    }

    /** The set flags of a {@code flags} value (duplicates are merged). */
    static FlagsValue flags(String... names) {
        return new FlagsValue(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** The set flags of a {@code flags} value (duplicates are merged). */
    static FlagsValue flags(Collection<String> names) {
        return new FlagsValue(new LinkedHashSet<>(names));
    }

    /** An owned handle {@code own<r>}. */
    static Own own(ResourceHandle handle) {
        return new Own(handle);
    }

    /** A borrowed handle {@code borrow<r>}. */
    static Borrow borrow(ResourceHandle handle) {
        return new Borrow(handle);
    }

    /** A {@code map<K, V>} with the entries of the given map, in its iteration order. */
    static MapValue map(Map<? extends Value, ? extends Value> entries) {
        List<MapValue.Entry> list = new ArrayList<>(entries.size());
        entries.forEach((k, v) -> list.add(new MapValue.Entry(k, v)));
        return new MapValue(list);
    }

    private static long checkRange(String type, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
        return value;
    }

    // ---------------------------------------------------------------- scalars

    /** A {@code bool}. */
    record Bool(boolean value) implements Value {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);

        @Override
        public String kindName() {
            return "bool";
        }
    }

    /** An {@code s8}. */
    record S8(byte value) implements Value {
        @Override
        public String kindName() {
            return "s8";
        }
    }

    /** A {@code u8}, stored as the {@code byte} with the same bits. */
    record U8(byte value) implements Value {
        /** The number, 0..255. */
        public int unsignedValue() {
            return Byte.toUnsignedInt(value);
        }

        @Override
        public String kindName() {
            return "u8";
        }

        @Override
        public String toString() {
            return "U8[" + unsignedValue() + "]";
        }
    }

    /** An {@code s16}. */
    record S16(short value) implements Value {
        @Override
        public String kindName() {
            return "s16";
        }
    }

    /** A {@code u16}, stored as the {@code short} with the same bits. */
    record U16(short value) implements Value {
        /** The number, 0..65535. */
        public int unsignedValue() {
            return Short.toUnsignedInt(value);
        }

        @Override
        public String kindName() {
            return "u16";
        }

        @Override
        public String toString() {
            return "U16[" + unsignedValue() + "]";
        }
    }

    /** An {@code s32}. */
    record S32(int value) implements Value {
        @Override
        public String kindName() {
            return "s32";
        }
    }

    /** A {@code u32}, stored as the {@code int} with the same bits. */
    record U32(int value) implements Value {
        /** The number, 0..4294967295. */
        public long unsignedValue() {
            return Integer.toUnsignedLong(value);
        }

        @Override
        public String kindName() {
            return "u32";
        }

        @Override
        public String toString() {
            return "U32[" + unsignedValue() + "]";
        }
    }

    /** An {@code s64}. */
    record S64(long value) implements Value {
        @Override
        public String kindName() {
            return "s64";
        }
    }

    /** A {@code u64}, stored as the {@code long} with the same bits. */
    record U64(long value) implements Value {
        /** The number, 0..18446744073709551615. */
        public BigInteger unsignedValue() {
            return new BigInteger(Long.toUnsignedString(value));
        }

        /** The number in decimal, as {@link Long#toUnsignedString(long)} gives it. */
        public String toUnsignedString() {
            return Long.toUnsignedString(value);
        }

        @Override
        public String kindName() {
            return "u64";
        }

        @Override
        public String toString() {
            return "U64[" + toUnsignedString() + "]";
        }
    }

    /** An {@code f32}; equality compares bit patterns (see {@link Value}). */
    record F32(float value) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof F32 f && Float.floatToRawIntBits(f.value) == Float.floatToRawIntBits(value);
        }

        @Override
        public int hashCode() {
            return Float.floatToRawIntBits(value);
        }

        @Override
        public String kindName() {
            return "f32";
        }
    }

    /** An {@code f64}; equality compares bit patterns (see {@link Value}). */
    record F64(double value) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof F64 f && Double.doubleToRawLongBits(f.value) == Double.doubleToRawLongBits(value);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(Double.doubleToRawLongBits(value));
        }

        @Override
        public String kindName() {
            return "f64";
        }
    }

    /** A {@code char}: a Unicode scalar value (a code point that is not a surrogate). */
    record Char(int codePoint) implements Value {
        public Char {
            if (codePoint < 0
                    || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                throw new IllegalArgumentException("not a Unicode scalar value: U+"
                        + Integer.toHexString(codePoint).toUpperCase());
            }
        }

        @Override
        public String kindName() {
            return "char";
        }

        @Override
        public String toString() {
            return "Char[" + Character.toString(codePoint) + "]";
        }
    }

    /** A {@code string}: Unicode text without unpaired surrogates. */
    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value");
            int bad = Strings.firstUnpairedSurrogate(value);
            if (bad >= 0) {
                throw new IllegalArgumentException("string has an unpaired surrogate at index " + bad);
            }
        }

        @Override
        public String kindName() {
            return "string";
        }
    }

    // ---------------------------------------------------------------- compound values

    /** A {@code list<T>}. */
    record ListValue(List<Value> elements) implements Value {
        public ListValue {
            elements = List.copyOf(elements);
        }

        @Override
        public String kindName() {
            return "list";
        }
    }

    /** A fixed-length {@code list<T, N>}. */
    record FixedList(List<Value> elements) implements Value {
        public FixedList {
            elements = List.copyOf(elements);
        }

        @Override
        public String kindName() {
            return "fixed-length list";
        }
    }

    /**
     * A record: field name to value, in the order given. Equality compares the fields as a map
     * (the declaration order comes from the record's type).
     */
    record RecordValue(Map<String, Value> fields) implements Value {
        public RecordValue {
            Map<String, Value> copy = new LinkedHashMap<>();
            fields.forEach((name, value) -> copy.put(
                    Objects.requireNonNull(name, "field name"),
                    Objects.requireNonNull(value, () -> "value of field " + name)));
            fields = Collections.unmodifiableMap(copy);
        }

        /** The value of the named field, if present. */
        public Optional<Value> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        @Override
        public String kindName() {
            return "record";
        }

        /** Collects fields in the order they are added. */
        public static final class Builder {
            private final Map<String, Value> fields = new LinkedHashMap<>();

            Builder() {}

            /** Adds (or replaces) a field. */
            public Builder field(String name, Value value) {
                fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
                return this;
            }

            /** The record with the fields added so far. */
            public RecordValue build() {
                return new RecordValue(fields);
            }
        }
    }

    /** A {@code tuple<...>}. */
    record TupleValue(List<Value> elements) implements Value {
        public TupleValue {
            elements = List.copyOf(elements);
        }

        @Override
        public String kindName() {
            return "tuple";
        }
    }

    /** A case of a {@code variant}, with its payload if the case has one. */
    record VariantValue(String caseName, Optional<Value> payload) implements Value {
        public VariantValue {
            Objects.requireNonNull(caseName, "caseName");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String kindName() {
            return "variant";
        }
    }

    /** A case of an {@code enum}. */
    record EnumValue(String caseName) implements Value {
        public EnumValue {
            Objects.requireNonNull(caseName, "caseName");
        }

        @Override
        public String kindName() {
            return "enum";
        }
    }

    /** An {@code option<T>}: {@code some(value)} or {@code none} (empty). */
    record OptionValue(Optional<Value> value) implements Value {
        static final OptionValue NONE = new OptionValue(Optional.empty());

        public OptionValue {
            Objects.requireNonNull(value, "value");
        }

        /** Whether this is {@code some}. */
        public boolean isSome() {
            return value.isPresent();
        }

        @Override
        public String kindName() {
            return "option";
        }
    }

    /**
     * A {@code result<T, E>}: {@code ok} or {@code err}, each with a payload when the type has
     * one on that side.
     */
    record ResultValue(boolean isOk, Optional<Value> payload) implements Value {
        public ResultValue {
            Objects.requireNonNull(payload, "payload");
        }

        /** Whether this is {@code err}. */
        public boolean isErr() {
            return !isOk;
        }

        @Override
        public String kindName() {
            return "result";
        }
    }

    /**
     * A {@code flags} value: the names of the flags that are set. Equality compares them as a set
     * (the declaration order comes from the type).
     */
    record FlagsValue(Set<String> flags) implements Value {
        public FlagsValue {
            Set<String> copy = new LinkedHashSet<>();
            for (String f : flags) {
                copy.add(Objects.requireNonNull(f, "flag"));
            }
            flags = Collections.unmodifiableSet(copy);
        }

        /** Whether the named flag is set. */
        public boolean isSet(String flag) {
            return flags.contains(flag);
        }

        @Override
        public String kindName() {
            return "flags";
        }
    }

    /** An owned resource handle, {@code own<r>}. */
    record Own(ResourceHandle handle) implements Value {
        public Own {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kindName() {
            return "own";
        }
    }

    /** A borrowed resource handle, {@code borrow<r>}. */
    record Borrow(ResourceHandle handle) implements Value {
        public Borrow {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kindName() {
            return "borrow";
        }
    }

    /**
     * A {@code map<K, V>}: key/value pairs in order. Equality is order-sensitive, like a list of
     * pairs (which is also how the canonical ABI lays a map out).
     */
    record MapValue(List<Entry> entries) implements Value {
        public MapValue {
            entries = List.copyOf(entries);
        }

        /** The value of the first entry with the given key, if any. */
        public Optional<Value> get(Value key) {
            for (Entry e : entries) {
                if (e.key.equals(key)) {
                    return Optional.of(e.value);
                }
            }
            return Optional.empty();
        }

        @Override
        public String kindName() {
            return "map";
        }

        /** One key/value pair. */
        public record Entry(Value key, Value value) {
            public Entry {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
            }
        }
    }

    /** The readable end of a {@code stream<T>}; the handle's meaning belongs to the ABI layer. */
    record StreamValue(ResourceHandle handle) implements Value {
        public StreamValue {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kindName() {
            return "stream";
        }
    }

    /** The readable end of a {@code future<T>}; the handle's meaning belongs to the ABI layer. */
    record FutureValue(ResourceHandle handle) implements Value {
        public FutureValue {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kindName() {
            return "future";
        }
    }

    /**
     * An {@code error-context}: its handle is an {@link ErrorContext} (one a component made, or
     * {@link ErrorContext#of} for the host's own).
     */
    record ErrorContextValue(ResourceHandle handle) implements Value {
        public ErrorContextValue {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kindName() {
            return "error-context";
        }
    }
}
