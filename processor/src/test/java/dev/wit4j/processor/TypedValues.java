package dev.wit4j.processor;

import dev.wit4j.runtime.fuzz.AbiType;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.value.Value;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between {@link Value}s and the Java objects of generated bindings, by reflection on the
 * generated types (README "What is generated": records, enums, {@code Set}s of flag enums, sealed
 * variants with a record per case, {@code Optional}, {@code Result}, {@code TupleN}, lists as
 * {@code List} or primitive arrays, unsigned integers in the signed primitive of their width,
 * {@code char} as an {@code int}). The Java type tells which of several forms is expected; the WIT
 * type tells what the value means. It is the typed fuzz test's own reading of the mapping, so a
 * binding that does not follow it shows up as a finding.
 */
final class TypedValues {

    private TypedValues() {}

    /** {@code v}, of WIT type {@code t}, as the Java type {@code java}. */
    static Object toJava(Value v, AbiType t, Type java) {
        if (t instanceof AbiType.Prim p) {
            return switch (p) {
                case BOOL -> ((Value.Bool) v).value();
                case S8 -> ((Value.S8) v).value();
                case U8 -> ((Value.U8) v).value();
                case S16 -> ((Value.S16) v).value();
                case U16 -> ((Value.U16) v).value();
                case S32 -> ((Value.S32) v).value();
                case U32 -> ((Value.U32) v).value();
                case S64 -> ((Value.S64) v).value();
                case U64 -> ((Value.U64) v).value();
                case F32 -> ((Value.F32) v).value();
                case F64 -> ((Value.F64) v).value();
                case CHAR -> ((Value.Char) v).codePoint();
                case STRING -> ((Value.Str) v).value();
            };
        } else if (t instanceof AbiType.ListOf || t instanceof AbiType.FixedList) {
            List<Value> elements = v instanceof Value.FixedList f ? f.elements() : ((Value.ListValue) v).elements();
            AbiType element = t instanceof AbiType.ListOf l ? l.element() : ((AbiType.FixedList) t).element();
            if (java instanceof Class<?> c && c.isArray()) {
                Object array = Array.newInstance(c.getComponentType(), elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    Array.set(array, i, toJava(elements.get(i), element, c.getComponentType()));
                }
                return array;
            }
            List<Object> out = new ArrayList<>();
            elements.forEach(e -> out.add(toJava(e, element, typeArgument(java, 0))));
            return out;
        } else if (t instanceof AbiType.MapOf m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Value.MapValue.Entry e : ((Value.MapValue) v).entries()) {
                out.put(
                        toJava(e.key(), m.key(), typeArgument(java, 0)),
                        toJava(e.value(), m.value(), typeArgument(java, 1)));
            }
            return out;
        } else if (t instanceof AbiType.Record r) {
            Class<?> c = raw(java);
            RecordComponent[] components = c.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < args.length; i++) {
                AbiType.Field f = r.fields().get(i);
                args[i] = toJava(
                        ((Value.RecordValue) v).fields().get(f.name()), f.type(), components[i].getGenericType());
            }
            return construct(c, args);
        } else if (t instanceof AbiType.Tuple tu) {
            List<Value> elements = ((Value.TupleValue) v).elements();
            Object[] args = new Object[elements.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = toJava(elements.get(i), tu.types().get(i), typeArgument(java, i));
            }
            return construct(raw(java), args);
        } else if (t instanceof AbiType.Variant variant) {
            Value.VariantValue vv = (Value.VariantValue) v;
            Class<?> c = caseClass(raw(java), vv.caseName());
            AbiType.Case k = variant.cases().stream()
                    .filter(x -> x.name().equals(vv.caseName()))
                    .findFirst()
                    .orElseThrow();
            if (k.type().isEmpty()) {
                return construct(c);
            }
            return construct(
                    c, toJava(vv.payload().orElseThrow(), k.type().get(), c.getRecordComponents()[0].getGenericType()));
        } else if (t instanceof AbiType.Enum e) {
            return raw(java).getEnumConstants()[e.cases().indexOf(((Value.EnumValue) v).caseName())];
        } else if (t instanceof AbiType.Flags f) {
            Object[] constants = raw(typeArgument(java, 0)).getEnumConstants();
            Set<Object> out = new HashSet<>();
            ((Value.FlagsValue) v)
                    .flags()
                    .forEach(name -> out.add(constants[f.flags().indexOf(name)]));
            return out;
        } else if (t instanceof AbiType.Option o) {
            return ((Value.OptionValue) v).value().map(x -> toJava(x, o.type(), typeArgument(java, 0)));
        }
        AbiType.Result r = (AbiType.Result) t;
        Value.ResultValue rv = (Value.ResultValue) v;
        if (rv.isOk()) {
            return new Result.Ok<>(r.ok().map(ok -> toJava(rv.payload().orElseThrow(), ok, typeArgument(java, 0)))
                    .orElse(null));
        }
        return new Result.Err<>(r.err()
                .map(err -> toJava(rv.payload().orElseThrow(), err, typeArgument(java, 1)))
                .orElse(null));
    }

    /** The Java object {@code o} of a generated binding, of WIT type {@code t}, as a value. */
    static Value toValue(Object o, AbiType t) {
        if (t instanceof AbiType.Prim p) {
            return switch (p) {
                case BOOL -> Value.bool((Boolean) o);
                case S8 -> Value.s8((Byte) o);
                case U8 -> new Value.U8((Byte) o);
                case S16 -> Value.s16((Short) o);
                case U16 -> new Value.U16((Short) o);
                case S32 -> Value.s32((Integer) o);
                case U32 -> new Value.U32((Integer) o);
                case S64 -> Value.s64((Long) o);
                case U64 -> Value.u64((Long) o);
                case F32 -> Value.f32((Float) o);
                case F64 -> Value.f64((Double) o);
                case CHAR -> Value.character((Integer) o);
                case STRING -> Value.string((String) o);
            };
        } else if (t instanceof AbiType.ListOf || t instanceof AbiType.FixedList) {
            AbiType element = t instanceof AbiType.ListOf l ? l.element() : ((AbiType.FixedList) t).element();
            List<Value> out = new ArrayList<>();
            if (o.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(o); i++) {
                    out.add(toValue(Array.get(o, i), element));
                }
            } else {
                ((List<?>) o).forEach(e -> out.add(toValue(e, element)));
            }
            return t instanceof AbiType.ListOf ? Value.list(out) : Value.fixedList(out);
        } else if (t instanceof AbiType.MapOf m) {
            List<Value.MapValue.Entry> entries = new ArrayList<>();
            ((Map<?, ?>) o)
                    .forEach((k, x) ->
                            entries.add(new Value.MapValue.Entry(toValue(k, m.key()), toValue(x, m.value()))));
            return new Value.MapValue(entries);
        } else if (t instanceof AbiType.Record r) {
            RecordComponent[] components = o.getClass().getRecordComponents();
            Map<String, Value> fields = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                fields.put(
                        r.fields().get(i).name(),
                        toValue(get(components[i], o), r.fields().get(i).type()));
            }
            return Value.record(fields);
        } else if (t instanceof AbiType.Tuple tu) {
            RecordComponent[] components = o.getClass().getRecordComponents();
            Value[] elements = new Value[components.length];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = toValue(get(components[i], o), tu.types().get(i));
            }
            return Value.tuple(elements);
        } else if (t instanceof AbiType.Variant variant) {
            for (AbiType.Case k : variant.cases()) {
                if (o.getClass().getSimpleName().equals(Names.upperCamel(k.name()))) {
                    return k.type().isEmpty()
                            ? Value.variant(k.name())
                            : Value.variant(
                                    k.name(),
                                    toValue(
                                            get(o.getClass().getRecordComponents()[0], o),
                                            k.type().get()));
                }
            }
            throw new IllegalArgumentException("no case of " + variant.name() + " is " + o.getClass());
        } else if (t instanceof AbiType.Enum e) {
            return Value.enumCase(e.cases().get(((java.lang.Enum<?>) o).ordinal()));
        } else if (t instanceof AbiType.Flags f) {
            Set<String> names = new LinkedHashSet<>();
            ((Set<?>) o).forEach(x -> names.add(f.flags().get(((java.lang.Enum<?>) x).ordinal())));
            return Value.flags(names);
        } else if (t instanceof AbiType.Option opt) {
            return new Value.OptionValue(((Optional<?>) o).map(x -> toValue(x, opt.type())));
        }
        AbiType.Result r = (AbiType.Result) t;
        if (o instanceof Result.Ok<?, ?> ok) {
            return r.ok().isPresent() ? Value.ok(toValue(ok.value(), r.ok().get())) : Value.ok();
        }
        Result.Err<?, ?> err = (Result.Err<?, ?>) o;
        return r.err().isPresent() ? Value.err(toValue(err.error(), r.err().get())) : Value.err();
    }

    private static Class<?> caseClass(Class<?> variant, String caseName) {
        for (Class<?> c : variant.getPermittedSubclasses()) {
            if (c.getSimpleName().equals(Names.upperCamel(caseName))) {
                return c;
            }
        }
        throw new IllegalArgumentException(variant + " has no case " + caseName);
    }

    private static Type typeArgument(Type t, int i) {
        return ((ParameterizedType) t).getActualTypeArguments()[i];
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Object construct(Class<?> c, Object... args) {
        try {
            Constructor<?> k = c.getDeclaredConstructors()[0];
            return k.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(c + " refused the arguments", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(RecordComponent c, Object o) {
        try {
            return c.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
