package dev.wit4j.runtime.fuzz;

import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random component function types and values for the canonical ABI fuzz test, deterministic from a
 * seed: function {@code n} of seed {@code s} is the same whatever else a run generates, and so is
 * value {@code v} of it, so a finding is made again from its numbers.
 *
 * <p>Types nest up to {@link #MAX_DEPTH} levels. Sizes are skewed towards the boundaries the
 * canonical ABI has: flags of 8/9, 16/17 and 32 labels (the byte size changes), enums and
 * variants of 256/257 cases (the discriminant becomes a {@code u16}), and functions with more than
 * 16 flat parameters or more than one flat result (passed through memory).
 */
public final class AbiRandom {

    private static final int MAX_DEPTH = 4;
    /** Type nodes per function; beyond it, only primitives are generated. */
    private static final int NODE_BUDGET = 60;
    /** List elements and string code points per value, so that no value is unreasonably large. */
    private static final int VALUE_BUDGET = 40_000;

    private static final int[] FLAG_COUNTS = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32};
    private static final int[] CHAR_BOUNDARIES = {
        0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF
    };

    /** A function type: its parameters and its result, if it has one. */
    public record Signature(List<AbiType> params, Optional<AbiType> result) {
        /** Whether the parameters are passed through memory ({@code MAX_FLAT_PARAMS} is 16). */
        public boolean paramsInMemory() {
            return AbiType.flat(params).size() > 16;
        }

        /** Whether the result is passed through memory ({@code MAX_FLAT_RESULTS} is 1). */
        public boolean resultInMemory() {
            return result.isPresent() && AbiType.flat(result.get()).size() > 1;
        }
    }

    /** A generated function: its number, its type and the named types it uses, in definition order. */
    public record Function(long number, Signature signature, List<AbiType.Named> definitions) {
        /** The prefix of every name this function defines. */
        public String prefix() {
            return "f" + number;
        }
    }

    private AbiRandom() {}

    private static SplittableRandom random(long seed, long... path) {
        long s = seed;
        for (long p : path) {
            s = s * 0x9E3779B97F4A7C15L + p + 1;
        }
        return new SplittableRandom(s);
    }

    // ---------------------------------------------------------------- types

    /** Function {@code number} of {@code seed}. */
    public static Function function(long seed, long number) {
        TypeGen g = new TypeGen(random(seed, number), "f" + number);
        SplittableRandom r = g.r;
        int paramCount = r.nextInt(10) < 8 ? r.nextInt(5) : 5 + r.nextInt(16);
        List<AbiType> params = new ArrayList<>();
        for (int i = 0; i < paramCount; i++) {
            params.add(g.type(0));
        }
        Optional<AbiType> result = r.nextInt(6) == 0 ? Optional.empty() : Optional.of(g.type(0));
        return new Function(number, new Signature(params, result), List.copyOf(g.definitions));
    }

    private static final class TypeGen {
        final SplittableRandom r;
        final String prefix;
        final List<AbiType.Named> definitions = new ArrayList<>();
        int nodes;

        TypeGen(SplittableRandom r, String prefix) {
            this.r = r;
            this.prefix = prefix;
        }

        AbiType type(int depth) {
            nodes++;
            if (depth >= MAX_DEPTH || nodes > NODE_BUDGET || r.nextInt(10) < 4) {
                return primitive();
            }
            switch (r.nextInt(11)) {
                case 0:
                    return new AbiType.ListOf(type(depth + 1));
                case 8:
                    return new AbiType.FixedList(
                            type(depth + 1), r.nextInt(8) == 0 ? 5 + r.nextInt(36) : 1 + r.nextInt(4));
                case 9: {
                    AbiType.Prim key;
                    do {
                        key = (AbiType.Prim) primitive();
                    } while (key == AbiType.Prim.F32 || key == AbiType.Prim.F64); // keytype has no floats
                    return new AbiType.MapOf(key, type(depth + 1));
                }
                case 1: {
                    int n = r.nextInt(8) == 0 ? 5 + r.nextInt(16) : 1 + r.nextInt(4);
                    List<AbiType.Field> fields = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        fields.add(new AbiType.Field("a" + i, type(depth + 1)));
                    }
                    return define(new AbiType.Record(name(), fields));
                }
                case 2: {
                    int n = r.nextInt(8) == 0 ? 5 + r.nextInt(8) : 1 + r.nextInt(4);
                    List<AbiType> types = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        types.add(type(depth + 1));
                    }
                    return new AbiType.Tuple(types);
                }
                case 3: {
                    // 257 cases make the discriminant a u16; such variants have few payloads
                    boolean many = r.nextInt(30) == 0;
                    int n = many ? 256 + r.nextInt(2) : 1 + r.nextInt(6);
                    List<AbiType.Case> cases = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        boolean payload = many ? r.nextInt(64) == 0 : r.nextBoolean();
                        cases.add(new AbiType.Case("c" + i, payload ? Optional.of(type(depth + 1)) : Optional.empty()));
                    }
                    return define(new AbiType.Variant(name(), cases));
                }
                case 4: {
                    int n = r.nextInt(20) == 0 ? 256 + r.nextInt(2) : 1 + r.nextInt(6);
                    List<String> cases = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        cases.add("e" + i);
                    }
                    return define(new AbiType.Enum(name(), cases));
                }
                case 5:
                    return new AbiType.Option(type(depth + 1));
                case 6: {
                    Optional<AbiType> ok = r.nextInt(3) == 0 ? Optional.empty() : Optional.of(type(depth + 1));
                    Optional<AbiType> err = r.nextInt(3) == 0 ? Optional.empty() : Optional.of(type(depth + 1));
                    return new AbiType.Result(ok, err);
                }
                case 7: {
                    int n = r.nextBoolean() ? FLAG_COUNTS[r.nextInt(FLAG_COUNTS.length)] : 1 + r.nextInt(32);
                    List<String> flags = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        flags.add("g" + i);
                    }
                    return define(new AbiType.Flags(name(), flags));
                }
                default:
                    return primitive();
            }
        }

        AbiType.Prim primitive() {
            AbiType.Prim[] all = AbiType.Prim.values();
            return all[r.nextInt(all.length)];
        }

        String name() {
            return prefix + "-t" + definitions.size();
        }

        AbiType define(AbiType.Named t) {
            definitions.add(t);
            return t;
        }
    }

    // ---------------------------------------------------------------- values

    /** The arguments of call {@code call} of function {@code number} of {@code seed}. */
    public static List<Value> arguments(long seed, long number, int call, Signature s) {
        ValueGen g = new ValueGen(random(seed, number, call, 0));
        return s.params().stream().map(g::value).toList();
    }

    /** What the host import returns in call {@code call} of function {@code number} of {@code seed}. */
    public static Optional<Value> result(long seed, long number, int call, Signature s) {
        ValueGen g = new ValueGen(random(seed, number, call, 1));
        return s.result().map(g::value);
    }

    private static final class ValueGen {
        final SplittableRandom r;
        int budget = VALUE_BUDGET;

        ValueGen(SplittableRandom r) {
            this.r = r;
        }

        Value value(AbiType t) {
            if (t instanceof AbiType.Prim p) {
                return primitive(p);
            } else if (t instanceof AbiType.ListOf l) {
                int n = Math.max(0, Math.min(listLength(), budget));
                budget -= n;
                List<Value> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(value(l.element()));
                }
                return Value.list(elements);
            } else if (t instanceof AbiType.FixedList l) {
                List<Value> elements = new ArrayList<>(l.length());
                for (int i = 0; i < l.length(); i++) {
                    elements.add(value(l.element()));
                }
                return Value.fixedList(elements);
            } else if (t instanceof AbiType.MapOf m) {
                // keys may repeat: a map is a list of pairs to the canonical ABI (Explainer.md)
                int n = Math.max(0, Math.min(listLength(), budget));
                budget -= n;
                List<Value.MapValue.Entry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    entries.add(new Value.MapValue.Entry(value(m.key()), value(m.value())));
                }
                return new Value.MapValue(entries);
            } else if (t instanceof AbiType.Record rec) {
                Map<String, Value> fields = new LinkedHashMap<>();
                rec.fields().forEach(f -> fields.put(f.name(), value(f.type())));
                return Value.record(fields);
            } else if (t instanceof AbiType.Tuple tu) {
                return Value.tuple(tu.types().stream().map(this::value).toArray(Value[]::new));
            } else if (t instanceof AbiType.Variant v) {
                AbiType.Case c = v.cases().get(r.nextInt(v.cases().size()));
                return c.type().isPresent()
                        ? Value.variant(c.name(), value(c.type().get()))
                        : Value.variant(c.name());
            } else if (t instanceof AbiType.Enum e) {
                return Value.enumCase(e.cases().get(r.nextInt(e.cases().size())));
            } else if (t instanceof AbiType.Option o) {
                return r.nextInt(3) == 0 ? Value.none() : Value.some(value(o.type()));
            } else if (t instanceof AbiType.Result res) {
                if (r.nextBoolean()) {
                    return res.ok().isPresent() ? Value.ok(value(res.ok().get())) : Value.ok();
                }
                return res.err().isPresent() ? Value.err(value(res.err().get())) : Value.err();
            }
            AbiType.Flags f = (AbiType.Flags) t;
            Set<String> set = new LinkedHashSet<>();
            int mode = r.nextInt(4);
            for (String name : f.flags()) {
                if (mode == 0 || (mode > 1 && r.nextBoolean())) {
                    set.add(name); // mode 0: all set; mode 1: none set
                }
            }
            return Value.flags(set);
        }

        int listLength() {
            int k = r.nextInt(40);
            if (k < 8) {
                return 0;
            } else if (k < 32) {
                return 1 + r.nextInt(4);
            } else if (k < 39) {
                return 5 + r.nextInt(60);
            }
            return 100 + r.nextInt(1000);
        }

        Value primitive(AbiType.Prim p) {
            boolean edge = r.nextInt(3) == 0;
            return switch (p) {
                case BOOL -> Value.bool(r.nextBoolean());
                case S8 -> Value.s8(edge ? pick(Byte.MIN_VALUE, Byte.MAX_VALUE, 0, -1) : (byte) r.nextInt());
                case U8 -> Value.u8(edge ? pick(0, 0xFF, 0x80, 0x7F) : r.nextInt(0x100));
                case S16 -> Value.s16(edge ? pick(Short.MIN_VALUE, Short.MAX_VALUE, 0, -1) : (short) r.nextInt());
                case U16 -> Value.u16(edge ? pick(0, 0xFFFF, 0x8000, 0x7FFF) : r.nextInt(0x10000));
                case S32 -> Value.s32(edge ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1) : r.nextInt());
                case U32 ->
                    Value.u32(
                            edge
                                    ? Integer.toUnsignedLong(pick(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE))
                                    : Integer.toUnsignedLong(r.nextInt()));
                case S64 -> Value.s64(edge ? pickLong(Long.MIN_VALUE, Long.MAX_VALUE, 0, -1) : r.nextLong());
                case U64 -> Value.u64(edge ? pickLong(0, -1, Long.MIN_VALUE, Long.MAX_VALUE) : r.nextLong());
                case F32 -> Value.f32(f32(edge));
                case F64 -> Value.f64(f64(edge));
                case CHAR -> Value.character(codePoint(edge));
                case STRING -> Value.string(string());
            };
        }

        int pick(int... values) {
            return values[r.nextInt(values.length)];
        }

        long pickLong(long... values) {
            return values[r.nextInt(values.length)];
        }

        float f32(boolean edge) {
            if (!edge) {
                return r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) ((r.nextDouble() - 0.5) * 1e6);
            }
            return switch (r.nextInt(8)) {
                case 0 -> 0.0f;
                case 1 -> -0.0f;
                case 2 -> r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 3 -> r.nextBoolean() ? Float.MIN_VALUE : -Float.MAX_VALUE;
                case 4 -> Float.NaN;
                // any NaN: either sign, quiet or signalling, any payload
                default -> Float.intBitsToFloat((r.nextInt() & 0x807F_FFFF | 0x7F80_0000) | (1 << r.nextInt(23)));
            };
        }

        double f64(boolean edge) {
            if (!edge) {
                return r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : (r.nextDouble() - 0.5) * 1e12;
            }
            return switch (r.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 3 -> r.nextBoolean() ? Double.MIN_VALUE : -Double.MAX_VALUE;
                case 4 -> Double.NaN;
                default ->
                    Double.longBitsToDouble(
                            (r.nextLong() & 0x800F_FFFF_FFFF_FFFFL | 0x7FF0_0000_0000_0000L) | (1L << r.nextInt(52)));
            };
        }

        /** A Unicode scalar value: never a surrogate, often next to one or at an encoding boundary. */
        int codePoint(boolean edge) {
            if (edge) {
                return CHAR_BOUNDARIES[r.nextInt(CHAR_BOUNDARIES.length)];
            }
            return switch (r.nextInt(5)) {
                case 0 -> 0x20 + r.nextInt(0x5F);
                case 1 -> 0x80 + r.nextInt(0x80); // Latin-1: one byte in latin1+utf16
                case 2 -> 0x100 + r.nextInt(0xD800 - 0x100);
                case 3 -> 0xE000 + r.nextInt(0x2000);
                default -> 0x10000 + r.nextInt(0x10000 * 16);
            };
        }

        String string() {
            int k = r.nextInt(40);
            int length;
            int kind; // 0 ASCII, 1 Latin-1, 2 anything
            if (k < 6) {
                return "";
            } else if (k < 18) {
                length = 1 + r.nextInt(12);
                kind = 0;
            } else if (k < 24) {
                length = 1 + r.nextInt(12);
                kind = 1;
            } else if (k < 35) {
                length = 1 + r.nextInt(24);
                kind = 2;
            } else if (k < 39) {
                length = 100 + r.nextInt(2_000);
                kind = r.nextInt(3);
            } else {
                length = 10_000 + r.nextInt(30_000); // more than a 64 KiB page in every encoding
                kind = r.nextInt(3);
            }
            length = Math.min(length, Math.max(budget, 1));
            budget -= length;
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                int cp = switch (kind) {
                    case 0 -> r.nextInt(0x80);
                    case 1 -> r.nextInt(0x100);
                    default -> codePoint(r.nextInt(8) == 0);
                };
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        }
    }

    // ---------------------------------------------------------------- comparing

    /**
     * {@code v} with every NaN replaced by the canonical NaN. Lifting loses NaN payloads
     * (CanonicalABI.md, "Loading": {@code canonicalize_nan32}/{@code 64}) and lowering may store any
     * NaN ({@code maybe_scramble_nan32}/{@code 64}), so a float that went through the ABI equals
     * the one sent only up to its NaN payload.
     */
    public static Value canonical(Value v) {
        if (v instanceof Value.F32 f) {
            return Float.isNaN(f.value()) ? Value.f32(Float.intBitsToFloat(0x7FC0_0000)) : v;
        } else if (v instanceof Value.F64 f) {
            return Double.isNaN(f.value()) ? Value.f64(Double.longBitsToDouble(0x7FF8_0000_0000_0000L)) : v;
        } else if (v instanceof Value.ListValue l) {
            return Value.list(l.elements().stream().map(AbiRandom::canonical).toList());
        } else if (v instanceof Value.FixedList l) {
            return Value.fixedList(
                    l.elements().stream().map(AbiRandom::canonical).toList());
        } else if (v instanceof Value.MapValue m) {
            return new Value.MapValue(m.entries().stream()
                    .map(e -> new Value.MapValue.Entry(canonical(e.key()), canonical(e.value())))
                    .toList());
        } else if (v instanceof Value.RecordValue rec) {
            Map<String, Value> fields = new LinkedHashMap<>();
            rec.fields().forEach((name, value) -> fields.put(name, canonical(value)));
            return Value.record(fields);
        } else if (v instanceof Value.TupleValue t) {
            return Value.tuple(t.elements().stream().map(AbiRandom::canonical).toArray(Value[]::new));
        } else if (v instanceof Value.VariantValue vv) {
            return new Value.VariantValue(vv.caseName(), vv.payload().map(AbiRandom::canonical));
        } else if (v instanceof Value.OptionValue o) {
            return new Value.OptionValue(o.value().map(AbiRandom::canonical));
        } else if (v instanceof Value.ResultValue res) {
            return new Value.ResultValue(res.isOk(), res.payload().map(AbiRandom::canonical));
        }
        return v;
    }
}
