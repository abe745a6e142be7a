package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the bytes of a 🪙 value definition into a {@link Value} of its type (Binary.md "Value
 * Definitions", {@code val(t)}). The decoder keeps the bytes raw because reading them needs the
 * type index space, which exists only at instantiation. Bad bytes are reported with the value's
 * index and the byte offset in the binary. Internal.
 */
final class ValueDecoder {

    private final byte[] bytes;
    private final long baseOffset;
    private final String what;
    private int pos;

    private ValueDecoder(byte[] bytes, long baseOffset, String what) {
        this.bytes = bytes;
        this.baseOffset = baseOffset;
        this.what = what;
    }

    /**
     * The value {@code bytes} encode as {@code type}.
     *
     * @param baseOffset the offset of the first byte in the binary, for messages
     * @param what names the definition in messages, e.g. {@code value 3}
     * @throws LinkException if the bytes are not exactly one value of the type
     */
    static Value decode(byte[] bytes, long baseOffset, ValueType type, String what) {
        ValueDecoder d = new ValueDecoder(bytes, baseOffset, what);
        Value v = d.value(type);
        if (d.pos != bytes.length) {
            throw d.error("the value ends before its " + bytes.length + " bytes do");
        }
        return v;
    }

    private Value value(ValueType declared) {
        ValueType t = Layout.resolve(declared);
        if (t instanceof ValueType.Primitive p) {
            return primitive(p);
        } else if (t instanceof ValueType.RecordType r) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (ValueType.Field f : r.fields()) {
                fields.put(f.name(), value(f.type()));
            }
            return Value.record(fields);
        } else if (t instanceof ValueType.VariantType v) {
            int at = pos;
            long i = u32();
            if (i >= v.cases().size()) {
                throw error(
                        at,
                        "variant case index " + i + " out of range ("
                                + v.cases().size() + " cases)");
            }
            ValueType.Case c = v.cases().get((int) i);
            return c.type().isPresent() ? Value.variant(c.name(), value(c.type().get())) : Value.variant(c.name());
        } else if (t instanceof ValueType.ListType l) {
            long n = u32();
            List<Value> elements = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                elements.add(value(l.element()));
            }
            return Value.list(elements);
        } else if (t instanceof ValueType.TupleType tt) {
            List<Value> elements = new ArrayList<>();
            for (ValueType e : tt.types()) {
                elements.add(value(e));
            }
            return Value.tuple(elements.toArray(new Value[0]));
        } else if (t instanceof ValueType.FlagsType f) {
            int n = f.flags().size();
            int byteCount = (n + 7) / 8;
            Set<String> set = new LinkedHashSet<>();
            int at = pos;
            for (int b = 0; b < byteCount; b++) {
                int bits = byteAt() & 0xff;
                for (int bit = 0; bit < 8; bit++) {
                    if ((bits & 1 << bit) == 0) {
                        continue;
                    }
                    int i = b * 8 + bit;
                    if (i >= n) {
                        throw error(at, "flag bit " + i + " is set but the type has " + n + " flags");
                    }
                    set.add(f.flags().get(i).name());
                }
            }
            return Value.flags(set);
        } else if (t instanceof ValueType.EnumType e) {
            int at = pos;
            long i = u32();
            if (i >= e.cases().size()) {
                throw error(
                        at,
                        "enum case index " + i + " out of range (" + e.cases().size() + " cases)");
            }
            return Value.enumCase(e.cases().get((int) i).name());
        } else if (t instanceof ValueType.OptionType o) {
            int at = pos;
            int tag = byteAt();
            if (tag == 0) {
                return Value.none();
            } else if (tag == 1) {
                return Value.some(value(o.type()));
            }
            throw error(at, "invalid option discriminant " + (tag & 0xff));
        } else if (t instanceof ValueType.ResultType r) {
            int at = pos;
            int tag = byteAt();
            if (tag == 0) {
                return r.ok().isPresent() ? Value.ok(value(r.ok().get())) : Value.ok();
            } else if (tag == 1) {
                return r.err().isPresent() ? Value.err(value(r.err().get())) : Value.err();
            }
            throw error(at, "invalid result discriminant " + (tag & 0xff));
        }
        // Binary.md defines no encoding for handles, streams, futures, fixed-length lists or maps
        throw error("a value of type " + ValueTypes.describe(t) + " has no binary encoding in a value definition");
    }

    private Value primitive(ValueType.Primitive p) {
        int at = pos;
        switch (p) {
            case BOOL: {
                int b = byteAt();
                if (b != 0 && b != 1) {
                    throw error(at, "invalid bool " + (b & 0xff));
                }
                return Value.bool(b == 1);
            }
            case U8:
                return Value.u8(byteAt() & 0xff);
            case S8:
                return Value.s8(byteAt());
            case U16:
                return Value.u16((int) unsigned(16));
            case S16:
                return Value.s16((int) signed(16));
            case U32:
                return Value.u32(unsigned(32));
            case S32:
                return Value.s32((int) signed(32));
            case U64:
                return Value.u64(unsigned(64));
            case S64:
                return Value.s64(signed(64));
            case F32: {
                float f =
                        ByteBuffer.wrap(take(4)).order(ByteOrder.LITTLE_ENDIAN).getFloat();
                if (Float.isNaN(f) && Float.floatToRawIntBits(f) != 0x7fc00000) {
                    throw error(at, "a NaN f32 value must be the canonical NaN (00 00 c0 7f)");
                }
                return Value.f32(f);
            }
            case F64: {
                double d =
                        ByteBuffer.wrap(take(8)).order(ByteOrder.LITTLE_ENDIAN).getDouble();
                if (Double.isNaN(d) && Double.doubleToRawLongBits(d) != 0x7ff8000000000000L) {
                    throw error(at, "a NaN f64 value must be the canonical NaN (00 00 00 00 00 00 f8 7f)");
                }
                return Value.f64(d);
            }
            case CHAR: {
                // val(char) is the UTF-8 bytes of one scalar value; the lead byte gives the length
                int lead = bytes.length > pos ? bytes[pos] & 0xff : -1;
                int len = lead < 0 ? 1 : lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
                String s = utf8(take(len), at);
                if (s.codePointCount(0, s.length()) != 1) {
                    throw error(at, "a char value must be one Unicode scalar value");
                }
                return Value.character(s.codePointAt(0));
            }
            case STRING: {
                long n = u32();
                if (n > bytes.length - pos) {
                    throw error(at, "string length " + n + " runs past the end of the value");
                }
                return Value.string(utf8(take((int) n), at));
            }
            default:
                throw error(at, "a value of type " + p.witName() + " has no binary encoding in a value definition");
        }
    }

    private String utf8(byte[] b, int at) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(at, "malformed UTF-8");
        }
    }

    private long u32() {
        return unsigned(32);
    }

    /** An unsigned LEB128 of at most {@code bits} bits (core:uN). */
    private long unsigned(int bits) {
        int at = pos;
        long result = 0;
        int shift = 0;
        while (true) {
            int b = byteAt() & 0xff;
            if (shift >= bits || shift + 7 > bits && (b & 0x7f) >> (bits - shift) != 0) {
                throw error(at, "integer too large for u" + bits);
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed LEB128 of at most {@code bits} bits (core:sN). */
    private long signed(int bits) {
        int at = pos;
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (shift >= bits) {
                throw error(at, "integer too large for s" + bits);
            }
            b = byteAt() & 0xff;
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        if (bits < 64) {
            long min = -(1L << (bits - 1));
            long max = (1L << (bits - 1)) - 1;
            if (result < min || result > max) {
                throw error(at, "integer too large for s" + bits);
            }
        } else if (shift > 63) {
            // the 10th byte may only carry the sign: 0x00 or 0x7f
            if (b != 0 && b != 0x7f) {
                throw error(at, "integer too large for s64");
            }
        }
        return result;
    }

    private int byteAt() {
        if (pos >= bytes.length) {
            throw error("unexpected end of the value's " + bytes.length + " bytes");
        }
        return bytes[pos++];
    }

    private byte[] take(int n) {
        if (n > bytes.length - pos) {
            throw error("unexpected end of the value's " + bytes.length + " bytes");
        }
        byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return out;
    }

    private LinkException error(String reason) {
        return error(pos, reason);
    }

    private LinkException error(int at, String reason) {
        return new LinkException(what + ": " + reason + " (at byte offset " + (baseOffset + at) + ")");
    }
}
