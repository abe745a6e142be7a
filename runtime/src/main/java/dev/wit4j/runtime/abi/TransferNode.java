package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.FixedListType;
import dev.wit4j.witx.model.ValueType.FlagsType;
import dev.wit4j.witx.model.ValueType.HandleType;
import dev.wit4j.witx.model.ValueType.ListType;
import dev.wit4j.witx.model.ValueType.MapType;
import dev.wit4j.witx.model.ValueType.Primitive;
import dev.wit4j.witx.model.ValueType.TupleType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The transfer of one value type from one component instance to another, worked out once: its
 * layout and, per representation (flat values or linear memory), two passes.
 *
 * <ul>
 *   <li>The lifting pass does everything {@code lift_flat} / {@code load} do on the source side,
 *   in the same order: every check that can trap (discriminants, {@code char}s, string encodings,
 *   string and list lengths, alignment and bounds) and every effect on the source's handle table
 *   ({@code lift_own} removes the handle, {@code lift_borrow} lends it), taking strings and handle
 *   representations into a {@link Captured}.</li>
 *   <li>The lowering pass does what {@code lower_flat} / {@code store} do on the destination side
 *   with the value the lifting pass established, reading scalars again from the source: the
 *   destination's {@code realloc}, its checks and its handle table ({@code lower_own},
 *   {@code lower_borrow}).</li>
 * </ul>
 *
 * Since the spec lifts the whole value before it lowers any of it, the passes run one after the
 * other over the whole value list, never interleaved.
 */
abstract class TransferNode {

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@code elem_size}. */
    final long size;
    /** {@code alignment}. */
    final int alignment;
    /** The number of flat values. */
    final int flatCount;

    TransferNode(ValueType t) {
        this.size = Layout.elemSize(t);
        this.alignment = Layout.alignment(t);
        this.flatCount = Layout.flatCount(List.of(t));
    }

    /** Whether the lifting pass has anything to check or take for this type. */
    abstract boolean lifts();

    abstract void liftFlat(LiftLowerContext src, FlatCursor in, Captured c);

    abstract void liftMem(LiftLowerContext src, long ptr, Captured c);

    abstract void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c);

    abstract void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c);

    /** The lifting pass over flat values, skipping them when there is nothing to check. */
    final void liftFlatOrSkip(LiftLowerContext src, FlatCursor in, Captured c) {
        if (lifts()) {
            liftFlat(src, in, c);
        } else {
            in.skip(flatCount);
        }
    }

    /**
     * Whether values of this type are only scalars and flags (records and tuples of them): copied
     * with {@link #copyPlain} between byte arrays, without any lifting pass.
     */
    boolean plain() {
        return false;
    }

    /** For {@link #plain()} types: one value from {@code src[from...]} to {@code dst[to...]}. */
    void copyPlain(byte[] src, int from, byte[] dst, int to) {
        throw new IllegalStateException("not a plain type");
    }

    /**
     * The node for {@code type}, or null when the type holds something transfers do not cover
     * (streams and futures: the async ABI).
     *
     * @param sameEncoding whether both sides use the same string encoding, so that strings can be
     *     validated and copied as they are stored
     */
    static TransferNode of(ValueType type, boolean sameEncoding) {
        ValueType t = Layout.resolve(type);
        if (t instanceof Primitive p) {
            if (p == Primitive.STRING) {
                return new Str(t, sameEncoding);
            }
            return p == Primitive.ERROR_CONTEXT ? new ErrorContextNode(t) : new Scalar(p);
        } else if (t instanceof ListType l) {
            TransferNode e = of(l.element(), sameEncoding);
            return e == null ? null : new ListNode(t, e);
        } else if (t instanceof MapType m) {
            // a map is stored as the list of its key-value pairs (Explainer.md: map despecializes)
            TransferNode pair = of(new TupleType(List.of(m.key(), m.value())), sameEncoding);
            return pair == null ? null : new ListNode(t, pair);
        } else if (t instanceof FixedListType f) {
            // a fixed-length list lies in place: as a tuple of its length of the element type
            TransferNode e = of(f.element(), sameEncoding);
            if (e == null) {
                return null;
            }
            TransferNode[] elements = new TransferNode[Math.toIntExact(f.length())];
            Arrays.fill(elements, e);
            return new RecordNode(t, elements);
        } else if (Layout.isRecordLike(t)) {
            List<ValueType> fields = Layout.fieldTypes(t);
            TransferNode[] nodes = new TransferNode[fields.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = of(fields.get(i), sameEncoding);
                if (nodes[i] == null) {
                    return null;
                }
            }
            return new RecordNode(t, nodes);
        } else if (Layout.isVariantLike(t)) {
            List<Optional<ValueType>> cases = Layout.casePayloads(t);
            TransferNode[] payloads = new TransferNode[cases.size()];
            for (int i = 0; i < payloads.length; i++) {
                if (cases.get(i).isPresent()) {
                    payloads[i] = of(cases.get(i).get(), sameEncoding);
                    if (payloads[i] == null) {
                        return null;
                    }
                }
            }
            return new VariantNode(t, cases, payloads);
        } else if (t instanceof FlagsType f) {
            return new FlagsNode(t, f.flags().size());
        } else if (t instanceof HandleType h) {
            return new HandleNode(t, Layout.resourceOf(h), h.borrow());
        }
        return null;
    }

    // ---------------------------------------------------------------- scalars

    /** bool, integers, floats, char: checks for {@code char}, normalisation for bool and floats. */
    static final class Scalar extends TransferNode {
        final Primitive p;

        Scalar(Primitive p) {
            super(p);
            this.p = p;
        }

        @Override
        boolean lifts() {
            return p == Primitive.CHAR;
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            long v = in.next();
            if (p == Primitive.CHAR) {
                Scalars.convertI32ToChar((int) v);
            }
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            if (p == Primitive.CHAR) {
                Scalars.convertI32ToChar(src.memory().readInt(ptr));
            }
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            long v = in.next();
            int i = (int) v;
            switch (p) {
                case BOOL -> out.addI32(i != 0 ? 1 : 0);
                case U8 -> out.addI32(i & 0xFF);
                case S8 -> out.addI32((byte) i);
                case U16 -> out.addI32(i & 0xFFFF);
                case S16 -> out.addI32((short) i);
                case U32, S32, CHAR -> out.addI32(i); // char: checked by the lifting pass
                case U64, S64 -> out.add(v);
                case F32 -> out.addI32(Scalars.encodeFloatAsI32(Scalars.decodeI32AsFloat(i)));
                case F64 -> out.add(Scalars.encodeFloatAsI64(Scalars.decodeI64AsFloat(v)));
                default -> throw Unsupported.type(p);
            }
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            GuestMemory s = src.memory();
            GuestMemory d = dst.memory();
            switch (p) {
                case BOOL -> d.writeByte(to, (byte) (s.readByte(from) != 0 ? 1 : 0)); // convert_int_to_bool
                case U8, S8 -> d.writeByte(to, s.readByte(from));
                case U16, S16 -> d.writeShort(to, s.readShort(from));
                case U32, S32, CHAR -> d.writeInt(to, s.readInt(from));
                case U64, S64 -> d.writeLong(to, s.readLong(from));
                case F32 -> d.writeInt(to, Scalars.encodeFloatAsI32(Scalars.decodeI32AsFloat(s.readInt(from))));
                case F64 -> d.writeLong(to, Scalars.encodeFloatAsI64(Scalars.decodeI64AsFloat(s.readLong(from))));
                default -> throw Unsupported.type(p);
            }
        }

        @Override
        boolean plain() {
            return p != Primitive.CHAR; // a char needs its check
        }

        @Override
        void copyPlain(byte[] s, int from, byte[] d, int to) {
            switch (p) {
                case BOOL -> d[to] = (byte) (s[from] != 0 ? 1 : 0);
                case U8, S8 -> d[to] = s[from];
                case U16, S16 -> {
                    d[to] = s[from];
                    d[to + 1] = s[from + 1];
                }
                case U32, S32 -> INTS.set(d, to, (int) INTS.get(s, from));
                case U64, S64 -> LONGS.set(d, to, (long) LONGS.get(s, from));
                case F32 ->
                    INTS.set(d, to, Scalars.encodeFloatAsI32(Scalars.decodeI32AsFloat((int) INTS.get(s, from))));
                case F64 ->
                    LONGS.set(d, to, Scalars.encodeFloatAsI64(Scalars.decodeI64AsFloat((long) LONGS.get(s, from))));
                default -> throw Unsupported.type(p);
            }
        }

        /** Whether a list of these can be copied byte for byte (no normalisation on the way). */
        boolean bulk() {
            return p != Primitive.BOOL && p != Primitive.F32 && p != Primitive.F64;
        }
    }

    // ---------------------------------------------------------------- strings

    /** {@code load_string} / {@code store_string}, transcoding between the two encodings. */
    static final class Str extends TransferNode {
        private final boolean sameEncoding;

        Str(ValueType t, boolean sameEncoding) {
            super(t);
            this.sameEncoding = sameEncoding;
        }

        @Override
        boolean lifts() {
            return true;
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            long taggedCodeUnits = Integer.toUnsignedLong(in.nextI32());
            c.string(StringCodec.loadForTransfer(src, ptr, taggedCodeUnits, sameEncoding));
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            c.string(StringCodec.loadForTransfer(src, ptr, sameEncoding));
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            in.skip(2);
            StringCodec.Stored s = StringCodec.storeIntoRange(dst, c.nextString());
            out.addI32((int) s.pointer());
            out.addI32((int) s.taggedCodeUnits());
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            StringCodec.store(dst, c.nextString(), to);
        }
    }

    // ---------------------------------------------------------------- lists

    /** {@code list<T>}: elements copied range to range, in one block when no element needs work. */
    static final class ListNode extends TransferNode {
        private static final int CHUNK = 1 << 20;
        final TransferNode elem;
        final boolean bulk;

        ListNode(ValueType t, TransferNode elem) {
            super(t);
            this.elem = elem;
            this.bulk = elem instanceof Scalar s && s.bulk();
        }

        @Override
        boolean lifts() {
            return true; // length, alignment and bounds
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            long length = Integer.toUnsignedLong(in.nextI32());
            liftRange(src, ptr, length, c);
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            GuestMemory m = src.memory();
            liftRange(src, Integer.toUnsignedLong(m.readInt(ptr)), Integer.toUnsignedLong(m.readInt(ptr + 4)), c);
        }

        /** {@code load_list_from_range}: the checks, then the elements' own lifting. */
        private void liftRange(LiftLowerContext src, long ptr, long length, Captured c) {
            long byteLength = length * elem.size; // < 2^32 * 2^28: no overflow
            if (byteLength > Layout.MAX_LIST_BYTE_LENGTH) {
                throw new Trap(Trap.Reason.LIST_TOO_LONG, byteLength + " bytes");
            }
            Bounds.checkAligned(ptr, elem.alignment);
            Bounds.checkInBounds(src.memory(), ptr, byteLength);
            if (elem.lifts()) {
                for (long i = 0; i < length; i++) {
                    elem.liftMem(src, ptr + i * elem.size, c);
                }
            }
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            long ptr = Integer.toUnsignedLong(in.nextI32());
            long length = Integer.toUnsignedLong(in.nextI32());
            out.addI32((int) lowerRange(src, ptr, length, dst, c));
            out.addI32((int) length);
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            GuestMemory m = src.memory();
            long ptr = Integer.toUnsignedLong(m.readInt(from));
            long length = Integer.toUnsignedLong(m.readInt(from + 4));
            long begin = lowerRange(src, ptr, length, dst, c);
            dst.memory().writeInt(to, (int) begin);
            dst.memory().writeInt(to + 4, (int) length);
        }

        /** {@code store_list_into_range}: realloc in the destination, its checks, then the elements. */
        private long lowerRange(LiftLowerContext src, long ptr, long length, LiftLowerContext dst, Captured c) {
            long byteLength = length * elem.size; // at most MAX_LIST_BYTE_LENGTH: checked when lifted
            long to = dst.allocate(elem.alignment, byteLength);
            Bounds.checkAligned(to, elem.alignment);
            Bounds.checkInBounds(dst.memory(), to, byteLength);
            if (bulk) {
                copyBytes(src.memory(), ptr, dst.memory(), to, byteLength);
            } else if (elem.plain()) {
                copyPlain(src.memory(), ptr, dst.memory(), to, length);
            } else {
                for (long i = 0; i < length; i++) {
                    elem.lowerMem(src, ptr + i * elem.size, dst, to + i * elem.size, c);
                }
            }
            return to;
        }

        /**
         * Elements of a plain type, a chunk at a time: the source and destination bytes are read,
         * each element's fields are written into the destination's bytes (its padding stays as it
         * was, as {@code store} leaves it) and the chunk is written back.
         */
        private void copyPlain(GuestMemory from, long src, GuestMemory to, long dst, long length) {
            int perChunk = (int) Math.max(1, CHUNK / elem.size);
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(perChunk, length - done);
                int bytes = (int) (n * elem.size);
                long offset = done * elem.size;
                byte[] s = from.readBytes(src + offset, bytes);
                byte[] d = to.readBytes(dst + offset, bytes);
                for (int i = 0; i < n; i++) {
                    int at = (int) (i * elem.size);
                    elem.copyPlain(s, at, d, at);
                }
                to.writeBytes(dst + offset, d, 0, bytes);
                done += n;
            }
        }

        private static void copyBytes(GuestMemory from, long src, GuestMemory to, long dst, long length) {
            byte[] buffer = new byte[(int) Math.min(length, CHUNK)];
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(buffer.length, length - done);
                from.readBytes(src + done, buffer, 0, n);
                to.writeBytes(dst + done, buffer, 0, n);
                done += n;
            }
        }
    }

    // ---------------------------------------------------------------- records and tuples

    /** Records and tuples: the fields one after the other, at their offsets in memory. */
    static final class RecordNode extends TransferNode {
        final TransferNode[] fields;
        final long[] offsets;
        final boolean lifts;

        RecordNode(ValueType t, TransferNode[] fields) {
            super(t);
            this.fields = fields;
            this.offsets = new long[fields.length];
            long at = 0;
            boolean any = false;
            for (int i = 0; i < fields.length; i++) {
                at = Layout.alignTo(at, fields[i].alignment);
                offsets[i] = at;
                at += fields[i].size;
                any |= fields[i].lifts();
            }
            this.lifts = any;
        }

        @Override
        boolean plain() {
            for (TransferNode f : fields) {
                if (!f.plain()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void copyPlain(byte[] s, int from, byte[] d, int to) {
            for (int i = 0; i < fields.length; i++) {
                fields[i].copyPlain(s, from + (int) offsets[i], d, to + (int) offsets[i]);
            }
        }

        /** The tuple of a function's parameters or results, as {@code lift_flat_values} sees them. */
        static RecordNode tuple(List<ValueType> types, TransferNode[] nodes) {
            return new RecordNode(new ValueType.TupleType(new ArrayList<>(types)), nodes);
        }

        @Override
        boolean lifts() {
            return lifts;
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            for (TransferNode f : fields) {
                f.liftFlatOrSkip(src, in, c);
            }
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].lifts()) {
                    fields[i].liftMem(src, ptr + offsets[i], c);
                }
            }
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            for (TransferNode f : fields) {
                f.lowerFlat(src, in, dst, out, c);
            }
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            for (int i = 0; i < fields.length; i++) {
                fields[i].lowerMem(src, from + offsets[i], dst, to + offsets[i], c);
            }
        }
    }

    // ---------------------------------------------------------------- variants, enums, options, results

    /** Variant-like types: the discriminant (checked when lifted), then the case's payload. */
    static final class VariantNode extends TransferNode {
        final TransferNode[] payloads;
        final int discSize;
        final long payloadOffset;
        final int slots;

        VariantNode(ValueType t, List<Optional<ValueType>> cases, TransferNode[] payloads) {
            super(t);
            this.payloads = payloads;
            this.discSize = Layout.discriminantSize(cases.size());
            this.payloadOffset = Layout.payloadOffset(cases);
            this.slots = flatCount - 1;
        }

        @Override
        boolean lifts() {
            return true;
        }

        private long readDisc(GuestMemory m, long ptr) {
            return discSize == 1
                    ? Byte.toUnsignedLong(m.readByte(ptr))
                    : discSize == 2 ? Short.toUnsignedLong(m.readShort(ptr)) : Integer.toUnsignedLong(m.readInt(ptr));
        }

        /** {@code lift_flat_variant}: the payload's own lifting, then the unused slots skipped. */
        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            int index = Cases.checkDiscriminant(Integer.toUnsignedLong(in.nextI32()), payloads.length);
            int start = in.position();
            TransferNode payload = payloads[index];
            if (payload != null) {
                payload.liftFlatOrSkip(src, in, c);
            }
            in.skip(slots - (in.position() - start));
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            int index = Cases.checkDiscriminant(readDisc(src.memory(), ptr), payloads.length);
            TransferNode payload = payloads[index];
            if (payload != null && payload.lifts()) {
                payload.liftMem(src, ptr + payloadOffset, c);
            }
        }

        /** {@code lower_flat_variant}: the case index, the payload, zeros for the remaining slots. */
        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            int index = in.nextI32(); // checked by the lifting pass
            out.addI32(index);
            int inStart = in.position();
            int outStart = out.size();
            TransferNode payload = payloads[index];
            if (payload != null) {
                payload.lowerFlat(src, in, dst, out, c);
            }
            in.skip(slots - (in.position() - inStart));
            for (int i = out.size() - outStart; i < slots; i++) {
                out.add(0);
            }
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            GuestMemory d = dst.memory();
            int index = (int) readDisc(src.memory(), from);
            if (discSize == 1) {
                d.writeByte(to, (byte) index);
            } else if (discSize == 2) {
                d.writeShort(to, (short) index);
            } else {
                d.writeInt(to, index);
            }
            TransferNode payload = payloads[index];
            if (payload != null) {
                payload.lowerMem(src, from + payloadOffset, dst, to + payloadOffset, c);
            }
        }
    }

    // ---------------------------------------------------------------- flags

    /** {@code flags}: bits beyond the labels are dropped, as unpacking and packing again does. */
    static final class FlagsNode extends TransferNode {
        final int mask;

        FlagsNode(ValueType t, int count) {
            super(t);
            this.mask = count == 32 ? -1 : (1 << count) - 1;
        }

        @Override
        boolean lifts() {
            return false;
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            in.next();
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {}

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            out.addI32(in.nextI32() & mask);
        }

        @Override
        boolean plain() {
            return true;
        }

        @Override
        void copyPlain(byte[] s, int from, byte[] d, int to) {
            for (int i = 0; i < size; i++) {
                d[to + i] = (byte) (s[from + i] & mask >>> (8 * i));
            }
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            GuestMemory s = src.memory();
            GuestMemory d = dst.memory();
            if (size == 1) {
                d.writeByte(to, (byte) (s.readByte(from) & mask));
            } else if (size == 2) {
                d.writeShort(to, (short) (s.readShort(from) & mask));
            } else {
                d.writeInt(to, s.readInt(from) & mask);
            }
        }
    }

    // ---------------------------------------------------------------- handles

    /**
     * {@code own} moves the resource out of the source's table ({@code lift_own}) into the
     * destination's ({@code lower_own}); {@code borrow} lends the source's handle for the call
     * ({@code lift_borrow}, counted in the caller's subtask) and gives the callee a borrow counted
     * in its task ({@code lower_borrow}), or the representation itself in the implementing instance.
     */
    static final class HandleNode extends TransferNode {
        final TypeDef resource;
        final boolean borrow;

        HandleNode(ValueType t, TypeDef resource, boolean borrow) {
            super(t);
            this.resource = resource;
            this.borrow = borrow;
        }

        @Override
        boolean lifts() {
            return true;
        }

        private void lift(LiftLowerContext src, int index, Captured c) {
            ResourceType rt = src.resourceTypes().of(resource);
            c.rep(
                    borrow
                            ? src.handles().liftBorrow(index, rt, src.subtask())
                            : src.handles().liftOwn(index, rt));
        }

        private int lower(LiftLowerContext dst, Captured c) {
            ResourceType rt = dst.resourceTypes().of(resource);
            int rep = c.nextRep();
            if (borrow) {
                return dst.handles().lowerBorrow(rep, rt, dst.task(), dst.instanceOrNull());
            }
            return dst.handles().lowerOwn(rep, rt);
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            lift(src, in.nextI32(), c);
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            lift(src, src.memory().readInt(ptr), c);
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            in.next();
            out.addI32(lower(dst, c));
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            dst.memory().writeInt(to, lower(dst, c));
        }
    }

    /**
     * {@code error-context}: {@code lift_error_context} finds it in the source's table (and leaves it
     * there), {@code lower_error_context} adds it to the destination's.
     */
    static final class ErrorContextNode extends TransferNode {
        ErrorContextNode(ValueType t) {
            super(t);
        }

        @Override
        boolean lifts() {
            return true;
        }

        @Override
        void liftFlat(LiftLowerContext src, FlatCursor in, Captured c) {
            c.errorContext(src.handles().errorContext(in.nextI32()));
        }

        @Override
        void liftMem(LiftLowerContext src, long ptr, Captured c) {
            c.errorContext(src.handles().errorContext(src.memory().readInt(ptr)));
        }

        @Override
        void lowerFlat(LiftLowerContext src, FlatCursor in, LiftLowerContext dst, FlatWriter out, Captured c) {
            in.next();
            out.addI32(dst.handles().addErrorContext(c.nextErrorContext()));
        }

        @Override
        void lowerMem(LiftLowerContext src, long from, LiftLowerContext dst, long to, Captured c) {
            dst.memory().writeInt(to, dst.handles().addErrorContext(c.nextErrorContext()));
        }
    }
}
