package dev.wit4j.runtime.bindings;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.GuestMemory;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.HintedString;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.LiftedResource;
import dev.wit4j.runtime.abi.Realloc;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.abi.StringCodec;
import dev.wit4j.runtime.abi.StringEncoding;
import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical ABI primitives of one call (CanonicalABI.md "Lifting and Lowering Context"): the
 * component instance's memory, {@code realloc}, string encoding and handle table, and the call's
 * borrow scope. Generated bindings lift and lower through it with layouts computed at compile time.
 *
 * <p>Addresses and lengths are unsigned 32-bit values carried in a {@code long}. Every memory
 * access is bounds-checked; the range checks the spec performs before reading or writing a string,
 * a list or a spilled tuple ({@code trap_if(ptr != align_to(ptr, alignment))},
 * {@code trap_if(ptr + size > len(memory))}) are methods here so that generated code states them
 * where the spec does. Spec traps are {@link Trap}s; misuse by the host (a {@code null}, a string
 * with an unpaired surrogate, an invalid code point) is an {@link IllegalArgumentException} or a
 * {@link NullPointerException}.
 *
 * <p>Created by the runtime for each call (see {@link ExportFunction#enter()} and
 * {@link FlatHostFunction}); not thread-safe.
 */
public final class GuestContext {

    /** Loads one list element at {@code ptr} (already checked to lie in the list's range). */
    @FunctionalInterface
    public interface ElementLoader<T> {
        T load(GuestContext cx, long ptr);
    }

    /** Stores one list element at {@code ptr} (already checked to lie in the allocated range). */
    @FunctionalInterface
    public interface ElementStorer<T> {
        void store(GuestContext cx, T value, long ptr);
    }

    private final LiftLowerContext cx;
    private final GuestMemory memory;
    private final Realloc realloc;
    private final StringEncoding encoding;
    private final HandleTable handles;
    private final Object instance;

    private GuestContext(LiftLowerContext cx) {
        this.cx = cx;
        this.memory = cx.options().memory().orElse(null);
        this.realloc = cx.options().realloc().orElse(null);
        this.encoding = cx.options().stringEncoding();
        this.handles = cx.handles();
        this.instance = cx.instance().orElse(null);
    }

    /**
     * A context over the runtime's lift/lower context {@code cx} (its options, handle table,
     * instance and borrow scope). Used by the runtime and by tests.
     */
    public static GuestContext of(LiftLowerContext cx) {
        return new GuestContext(Objects.requireNonNull(cx, "cx"));
    }

    /** The string encoding of the canonical options. */
    public StringEncoding stringEncoding() {
        return encoding;
    }

    private GuestMemory memory() {
        if (memory == null) {
            throw new IllegalStateException("the `memory` canonical option is required");
        }
        return memory;
    }

    // ---------------------------------------------------------------- scalars (flat)

    /** {@code lift_flat} of {@code f32}: {@code decode_i32_as_float}, NaNs canonicalised. */
    public static float liftF32(long flat) {
        float f = Float.intBitsToFloat((int) flat);
        return Float.isNaN(f) ? Float.intBitsToFloat(CANONICAL_FLOAT32_NAN) : f;
    }

    /** {@code lift_flat} of {@code f64}: {@code decode_i64_as_float}, NaNs canonicalised. */
    public static double liftF64(long flat) {
        double f = Double.longBitsToDouble(flat);
        return Double.isNaN(f) ? Double.longBitsToDouble(CANONICAL_FLOAT64_NAN) : f;
    }

    /**
     * {@code lower_flat} of {@code f32}: {@code encode_float_as_i32}, the bits zero-extended. The
     * spec lets a NaN be lowered as any NaN ({@code maybe_scramble_nan32}); the canonical NaN is
     * the deterministic choice.
     */
    public static long lowerF32(float f) {
        return Integer.toUnsignedLong(Float.isNaN(f) ? CANONICAL_FLOAT32_NAN : Float.floatToRawIntBits(f));
    }

    /** {@code lower_flat} of {@code f64}: {@code encode_float_as_i64}, NaN as the canonical NaN. */
    public static long lowerF64(double f) {
        return Double.isNaN(f) ? CANONICAL_FLOAT64_NAN : Double.doubleToRawLongBits(f);
    }

    /** {@code CANONICAL_FLOAT32_NAN}. */
    public static final int CANONICAL_FLOAT32_NAN = 0x7fc00000;
    /** {@code CANONICAL_FLOAT64_NAN}. */
    public static final long CANONICAL_FLOAT64_NAN = 0x7ff8000000000000L;

    /**
     * {@code convert_i32_to_char}: traps with {@code INVALID_CHAR} unless the low 32 bits, unsigned,
     * are a Unicode scalar value (below 0x110000, not a surrogate).
     */
    public static int liftChar(long flat) {
        long u = flat & 0xFFFF_FFFFL;
        if (u >= 0x110000 || (u >= 0xD800 && u <= 0xDFFF)) {
            throw new Trap(Trap.Reason.INVALID_CHAR, "0x" + Long.toHexString(u));
        }
        return (int) u;
    }

    /**
     * {@code char_to_i32} of a host value: the code point, zero-extended.
     *
     * @throws IllegalArgumentException if {@code codePoint} is not a Unicode scalar value
     */
    public static long lowerChar(int codePoint) {
        if (codePoint < 0 || codePoint >= 0x110000 || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new IllegalArgumentException("not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
        }
        return codePoint;
    }

    /**
     * The case index of a variant, enum, option or result: traps with {@code INVALID_DISCRIMINANT}
     * unless {@code discriminant} (unsigned) is below {@code caseCount} ({@code lift_flat_variant},
     * {@code load_variant}: {@code trap_if(case_index >= len(t.cases))}).
     */
    public static int checkDiscriminant(long discriminant, int caseCount) {
        if (discriminant < 0 || discriminant >= caseCount) {
            throw new Trap(
                    Trap.Reason.INVALID_DISCRIMINANT,
                    Long.toUnsignedString(discriminant) + " with " + caseCount + " cases");
        }
        return (int) discriminant;
    }

    /**
     * A lifted variant value whose Java type (a generated record per case) is not
     * known to the caller as a sealed switch: an error for code paths that cannot occur.
     */
    public static IllegalStateException unreachable(String what) {
        return new IllegalStateException("unreachable: " + what);
    }

    // ---------------------------------------------------------------- memory

    /** The memory's current size in bytes. */
    public long memorySize() {
        return memory().size();
    }

    /** Reads a byte ({@code u8}/{@code s8} bits). */
    public byte readByte(long address) {
        return memory().readByte(address);
    }

    /** Reads a little-endian 16-bit value. */
    public short readShort(long address) {
        return memory().readShort(address);
    }

    /** Reads a little-endian 32-bit value. */
    public int readInt(long address) {
        return memory().readInt(address);
    }

    /** Reads a little-endian 64-bit value. */
    public long readLong(long address) {
        return memory().readLong(address);
    }

    /** Reads a 32-bit value as unsigned, e.g. a pointer or a length. */
    public long readU32(long address) {
        return Integer.toUnsignedLong(memory().readInt(address));
    }

    /** {@code load} of {@code bool}: {@code convert_int_to_bool} of one byte. */
    public boolean readBool(long address) {
        return memory().readByte(address) != 0;
    }

    /** {@code load} of {@code f32}, NaNs canonicalised. */
    public float readF32(long address) {
        return liftF32(memory().readInt(address));
    }

    /** {@code load} of {@code f64}, NaNs canonicalised. */
    public double readF64(long address) {
        return liftF64(memory().readLong(address));
    }

    /** {@code load} of {@code char}: traps unless a Unicode scalar value. */
    public int readChar(long address) {
        return liftChar(memory().readInt(address));
    }

    /** Writes a byte. */
    public void writeByte(long address, byte value) {
        memory().writeByte(address, value);
    }

    /** Writes a little-endian 16-bit value. */
    public void writeShort(long address, short value) {
        memory().writeShort(address, value);
    }

    /** Writes a little-endian 32-bit value. */
    public void writeInt(long address, int value) {
        memory().writeInt(address, value);
    }

    /** Writes a little-endian 64-bit value. */
    public void writeLong(long address, long value) {
        memory().writeLong(address, value);
    }

    /** {@code store} of {@code bool}: one byte, 1 or 0. */
    public void writeBool(long address, boolean value) {
        memory().writeByte(address, value ? (byte) 1 : (byte) 0);
    }

    /** {@code store} of {@code f32} ({@code encode_float_as_i32}). */
    public void writeF32(long address, float value) {
        memory().writeInt(address, (int) lowerF32(value));
    }

    /** {@code store} of {@code f64} ({@code encode_float_as_i64}). */
    public void writeF64(long address, double value) {
        memory().writeLong(address, lowerF64(value));
    }

    /** {@code store} of {@code char} of a host value (see {@link #lowerChar(int)}). */
    public void writeChar(long address, int codePoint) {
        memory().writeInt(address, (int) lowerChar(codePoint));
    }

    /**
     * The checks of a pointer to a tuple of values received from core code (spilled parameters in
     * {@code lift_flat_values}, a return area in {@code lower_flat_values}, results returned by
     * pointer): traps with {@code UNALIGNED_POINTER} if {@code ptr} is not a multiple of
     * {@code alignment}, then with {@code OUT_OF_BOUNDS} if {@code ptr + size > len(memory)}.
     *
     * @param ptr the pointer as a flat {@code i32} (only the low 32 bits are used)
     * @return the pointer, unsigned
     */
    public long checkPointer(long ptr, int alignment, long size) {
        long p = ptr & 0xFFFF_FFFFL;
        checkAligned(p, alignment);
        checkInBounds(p, size);
        return p;
    }

    /**
     * {@code cx.opts.realloc(0, 0, alignment, size)} with the spec's checks of the result
     * (alignment, then bounds), as for spilled parameters and lists.
     */
    public long allocate(int alignment, long size) {
        if (realloc == null) {
            throw new IllegalStateException("the `realloc` canonical option is required");
        }
        long p = realloc.realloc(0, 0, alignment, size) & 0xFFFF_FFFFL;
        checkAligned(p, alignment);
        checkInBounds(p, size);
        return p;
    }

    private static void checkAligned(long pointer, long alignment) {
        if (pointer % alignment != 0) {
            throw new Trap(
                    Trap.Reason.UNALIGNED_POINTER, "pointer " + pointer + " is not " + alignment + "-byte aligned");
        }
    }

    private void checkInBounds(long pointer, long length) {
        long size = memory().size();
        if (pointer + length > size) {
            throw new Trap(
                    Trap.Reason.OUT_OF_BOUNDS,
                    "pointer " + pointer + " + " + length + " bytes exceeds memory size " + size);
        }
    }

    // ---------------------------------------------------------------- strings

    /**
     * {@code load_string_from_range} in the context's encoding: traps if too long, misaligned, out
     * of bounds or not validly encoded.
     */
    public String liftString(long ptr, long taggedCodeUnits) {
        return StringCodec.loadFromRange(cx, ptr & 0xFFFF_FFFFL, taggedCodeUnits & 0xFFFF_FFFFL)
                .text();
    }

    /** {@code load_string}: the pointer and tagged length at {@code address}, then the string. */
    public String loadString(long address) {
        return liftString(readU32(address), readU32(address + 4));
    }

    /**
     * {@code store_string_into_range} of a host string in the context's encoding (with the spec's
     * realloc sequence for that encoding): returns the pointer and the tagged code unit count as a
     * {@linkplain #pointer pair}.
     *
     * @throws IllegalArgumentException if {@code s} has an unpaired surrogate
     */
    public long lowerString(String s) {
        checkHostString(s);
        if (encoding == StringEncoding.UTF8) {
            // A host string into UTF-8 is store_string_copy with the UTF-8 length known up front:
            // one realloc of the final size, checked for alignment and bounds, then one copy.
            byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
            long p = allocate(1, encoded.length);
            memory().writeBytes(p, encoded, 0, encoded.length);
            return pair(p, encoded.length);
        }
        long[] stored = StringCodec.lowerFlat(cx, HintedString.forHost(s, encoding));
        return pair(stored[0], stored[1]);
    }

    /** {@code store_string}: stores {@code s} and writes its pointer and tagged length at {@code address}. */
    public void storeString(String s, long address) {
        storePair(address, lowerString(s));
    }

    /**
     * The pointer of a pair returned by the methods that lower a string or a list: a pointer and
     * a length, each an unsigned 32-bit value, the pointer in the low half of the {@code long}.
     */
    public static long pointer(long pair) {
        return pair & 0xFFFF_FFFFL;
    }

    /** The length of a {@linkplain #pointer pair}: a list's element count, or a string's tagged length. */
    public static long length(long pair) {
        return pair >>> 32;
    }

    /** Puts a {@linkplain #pointer pair} into two flat values: {@code flat[at]} and {@code flat[at + 1]}. */
    public static void putPair(long pair, long[] flat, int at) {
        flat[at] = pointer(pair);
        flat[at + 1] = length(pair);
    }

    /** Writes a {@linkplain #pointer pair} at {@code address}: the pointer, then the length. */
    public void storePair(long address, long pair) {
        writeInt(address, (int) pair);
        writeInt(address + 4, (int) (pair >>> 32));
    }

    private static long pair(long pointer, long length) {
        return (pointer & 0xFFFF_FFFFL) | (length << 32);
    }

    /** Rejects {@code null} and strings that are not Unicode (an unpaired surrogate). */
    private static void checkHostString(String s) {
        Objects.requireNonNull(s, "string");
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("string has an unpaired surrogate at index " + i);
            }
        }
    }

    // ---------------------------------------------------------------- lists

    /**
     * The checks of {@code load_list_from_range}: traps with {@code LIST_TOO_LONG} if the byte
     * length exceeds {@code MAX_LIST_BYTE_LENGTH}, then if the pointer is misaligned or the range
     * out of bounds. Returns the pointer, unsigned.
     */
    public long checkList(long ptr, long length, int elemSize, int alignment) {
        long p = ptr & 0xFFFF_FFFFL;
        long byteLength = (length & 0xFFFF_FFFFL) * elemSize;
        if (byteLength > Layout.MAX_LIST_BYTE_LENGTH) {
            throw new Trap(Trap.Reason.LIST_TOO_LONG, byteLength + " bytes");
        }
        checkAligned(p, alignment);
        checkInBounds(p, byteLength);
        return p;
    }

    /**
     * {@code store_list_into_range}'s allocation: traps if {@code count * elemSize} does not fit a
     * 32-bit memory, allocates with {@code realloc} and checks the result.
     */
    public long allocateList(int count, int elemSize, int alignment) {
        long byteLength = (long) count * elemSize;
        if (byteLength > Layout.REALLOC_I32_MAX) {
            // "Storing a list that exceeds the size of a 32-bit memory traps" (CanonicalABI.md "Storing").
            throw new Trap(Trap.Reason.LIST_TOO_LONG, byteLength + " bytes do not fit a 32-bit memory");
        }
        return allocate(alignment, byteLength);
    }

    /** {@code load_list_from_range} of elements loaded one by one. */
    public <T> List<T> liftList(long ptr, long length, int elemSize, int alignment, ElementLoader<T> loader) {
        long p = checkList(ptr, length, elemSize, alignment);
        int n = (int) (length & 0xFFFF_FFFFL);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(loader.load(this, p + (long) i * elemSize));
        }
        return out;
    }

    /**
     * A map lifted from its key-value pairs, in their order; a key that comes again keeps its last
     * value (Explainer.md, {@code map}: the last pair of a key defines it).
     */
    public static <K, V> Map<K, V> mapOf(List<Map.Entry<K, V>> entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : entries) map.put(e.getKey(), e.getValue());
        return map;
    }

    /** {@code load_list}: the pointer and length at {@code address}, then the elements. */
    public <T> List<T> loadList(long address, int elemSize, int alignment, ElementLoader<T> loader) {
        return liftList(readU32(address), readU32(address + 4), elemSize, alignment, loader);
    }

    /**
     * {@code store_list_into_range}: allocates and stores the elements, returning the pointer and
     * the element count as a {@linkplain #pointer pair}.
     */
    public <T> long lowerList(List<T> list, int elemSize, int alignment, ElementStorer<T> storer) {
        int n = list.size();
        long p = allocateList(n, elemSize, alignment);
        int i = 0;
        for (T e : list) {
            if (i == n) {
                break; // a list that grew meanwhile: store what was allocated for
            }
            storer.store(this, Objects.requireNonNull(e, "list element"), p + (long) i * elemSize);
            i++;
        }
        return pair(p, n);
    }

    /** {@code store_list}: stores the elements and writes pointer and length at {@code address}. */
    public <T> void storeList(List<T> list, long address, int elemSize, int alignment, ElementStorer<T> storer) {
        storePair(address, lowerList(list, elemSize, alignment, storer));
    }

    // ---------------------------------------------------------------- lists of numbers, in bulk

    private ByteBuffer bulk(long ptr, long length, int elemSize) {
        long p = checkList(ptr, length, elemSize, elemSize);
        int bytes = (int) ((length & 0xFFFF_FFFFL) * elemSize);
        return ByteBuffer.wrap(memory().readBytes(p, bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code list<u8>} / {@code list<s8>} from a flat pointer and length. */
    public byte[] liftBytes(long ptr, long length) {
        long p = checkList(ptr, length, 1, 1);
        return memory().readBytes(p, (int) (length & 0xFFFF_FFFFL));
    }

    /** {@code list<u16>} / {@code list<s16>}. */
    public short[] liftShorts(long ptr, long length) {
        ByteBuffer b = bulk(ptr, length, 2);
        short[] out = new short[b.remaining() / 2];
        b.asShortBuffer().get(out);
        return out;
    }

    /** {@code list<u32>} / {@code list<s32>}. */
    public int[] liftInts(long ptr, long length) {
        ByteBuffer b = bulk(ptr, length, 4);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    /** {@code list<u64>} / {@code list<s64>}. */
    public long[] liftLongs(long ptr, long length) {
        ByteBuffer b = bulk(ptr, length, 8);
        long[] out = new long[b.remaining() / 8];
        b.asLongBuffer().get(out);
        return out;
    }

    /** {@code list<f32>}, NaNs canonicalised. */
    public float[] liftFloats(long ptr, long length) {
        ByteBuffer b = bulk(ptr, length, 4);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = liftF32(b.getInt(i * 4));
        }
        return out;
    }

    /** {@code list<f64>}, NaNs canonicalised. */
    public double[] liftDoubles(long ptr, long length) {
        ByteBuffer b = bulk(ptr, length, 8);
        double[] out = new double[b.remaining() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = liftF64(b.getLong(i * 8));
        }
        return out;
    }

    private long store(byte[] bytes, int count, int elemSize) {
        long p = allocateList(count, elemSize, elemSize);
        memory().writeBytes(p, bytes, 0, bytes.length);
        return pair(p, count);
    }

    /**
     * Stores a {@code list<u8>} / {@code list<s8>}; returns the pointer and the count as a
     * {@linkplain #pointer pair}, as the other bulk list methods below do.
     */
    public long lowerBytes(byte[] a) {
        return store(a, a.length, 1);
    }

    /** Stores a {@code list<u16>} / {@code list<s16>}. */
    public long lowerShorts(short[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(a);
        return store(b.array(), a.length, 2);
    }

    /** Stores a {@code list<u32>} / {@code list<s32>}. */
    public long lowerInts(int[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(a);
        return store(b.array(), a.length, 4);
    }

    /** Stores a {@code list<u64>} / {@code list<s64>}. */
    public long lowerLongs(long[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(a);
        return store(b.array(), a.length, 8);
    }

    /** Stores a {@code list<f32>} (NaN as the canonical NaN). */
    public long lowerFloats(float[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < a.length; i++) {
            b.putInt(i * 4, (int) lowerF32(a[i]));
        }
        return store(b.array(), a.length, 4);
    }

    /** Stores a {@code list<f64>} (NaN as the canonical NaN). */
    public long lowerDoubles(double[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < a.length; i++) {
            b.putLong(i * 8, lowerF64(a[i]));
        }
        return store(b.array(), a.length, 8);
    }

    // ---------------------------------------------------------------- handles

    /** {@code lift_error_context}: the error context at table index {@code index}, left in place. */
    public ErrorContext liftErrorContext(long index) {
        return handles.errorContext((int) index);
    }

    /** {@code lower_error_context}: a new index for {@code context} in this instance's table. */
    public long lowerErrorContext(ErrorContext context) {
        return Integer.toUnsignedLong(handles.addErrorContext(context));
    }

    /**
     * {@code lift_own}: removes the owned handle at table index {@code index} and returns its
     * representation; traps unless it is a live own handle of type {@code rt} with no lends.
     */
    public int liftOwn(long index, ResourceType rt) {
        return handles.liftOwn((int) index, rt);
    }

    /**
     * {@code lift_borrow}: the representation of the handle at {@code index}, recorded as lent for
     * the duration of this (host-implemented) call; traps unless of type {@code rt}.
     */
    public int liftBorrow(long index, ResourceType rt) {
        BorrowScope scope = cx.borrowScope().orElse(null);
        if (!(scope instanceof BorrowScope.Subtask s)) {
            throw new IllegalStateException("lifting a borrow needs the borrow scope of a host-implemented call");
        }
        return handles.liftBorrow((int) index, rt, s);
    }

    /** {@code lower_own}: a new owned handle for {@code rep} in this instance's table; its index. */
    public long lowerOwn(int rep, ResourceType rt) {
        return Integer.toUnsignedLong(handles.lowerOwn(rep, rt));
    }

    /**
     * {@code lower_borrow}: a borrow handle for {@code rep} counted in the call's task (the callee
     * must drop it before returning), or {@code rep} itself when this instance implements
     * {@code rt}.
     */
    public long lowerBorrow(int rep, ResourceType rt) {
        if (instance != null && rt.implementer().orElse(null) == instance) {
            return Integer.toUnsignedLong(rep); // lower_borrow's shortcut for the implementing instance
        }
        BorrowScope scope = cx.borrowScope().orElse(null);
        if (!(scope instanceof BorrowScope.Task t)) {
            throw new IllegalStateException("lowering a borrow needs the borrow scope of a call into the component");
        }
        return Integer.toUnsignedLong(handles.lowerBorrow(rep, rt, t, instance));
    }

    /**
     * {@link #liftOwn} of a resource implemented by a component, as the owned-handle value that
     * generated resource classes hold (and {@link dev.wit4j.runtime.Instance#drop} accepts).
     */
    public Value.Own liftOwnHandle(long index, ResourceType rt, String witName) {
        return Value.own(new LiftedResource(witName, rt, liftOwn(index, rt)));
    }

    /** {@link #lowerOwn} of a handle received from the component earlier; checks its type. */
    public long lowerOwnHandle(Value.Own handle, ResourceType rt) {
        return lowerOwn(repOf(handle.handle(), rt), rt);
    }

    /** {@link #lowerBorrow} of a handle received from the component earlier; checks its type. */
    public long lowerBorrowHandle(Value.Own handle, ResourceType rt) {
        return lowerBorrow(repOf(handle.handle(), rt), rt);
    }

    private static int repOf(ResourceHandle h, ResourceType rt) {
        if (h instanceof LiftedResource lr && lr.type() != rt) {
            throw new IllegalArgumentException("handle of " + lr.type() + " passed where " + rt + " is expected");
        }
        return (int) h.rep();
    }
}
