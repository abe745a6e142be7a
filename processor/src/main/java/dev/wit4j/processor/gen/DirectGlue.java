package dev.wit4j.processor.gen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.types.Result;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Lifting and lowering specialised per WIT type at compile time, straight through the runtime's
 * primitives face ({@code dev.wit4j.runtime.bindings.GuestContext}): flat values are read from and
 * written to the core argument and result arrays at fixed positions, memory at fixed offsets, with
 * the layouts of {@link AbiLayout}. No {@code Value} is created on this path.
 *
 * <p>Four kinds of code, following CanonicalABI.md: {@code lift_flat} ({@link #liftFlat}, an
 * expression), {@code lower_flat} ({@link #lowerFlat}, statements), {@code load} ({@link #load},
 * an expression) and {@code store} ({@link #store}, statements); {@link Lifting} writes the first
 * and third, {@link Lowering} the others, and this class holds what they share: the layouts, the
 * temporary names and the helper methods. Named types get helper methods for {@code load}/{@code
 * store} (and for flags, their bit conversions); {@link #helpers()} returns those used. In the generated code {@code _cx}-like names are contexts, {@code _p…}
 * pointers and {@code _t…} temporaries: no WIT-derived name starts with {@code _}.
 *
 * <p>A Java value being lowered may be {@code null} where WIT has no null: a host's result, a
 * {@code Result.ok(null)} with an ok type, a variant case or tuple made with {@code null}, a
 * {@code null} in a list. Lowering refuses it with a {@link NullPointerException} saying which
 * value it is ({@link Subject}: "`ok` value of result of `f` is null") before anything of it is
 * written.
 */
final class DirectGlue {
    static final ClassName CONTEXT = ClassName.get(GuestContext.class);
    static final ClassName EXPORT_FUNCTION = ClassName.get(ExportFunction.class);
    static final ClassName RESOURCE_TYPE = ClassName.get(ResourceType.class);
    static final ClassName RESULT = ClassName.get(Result.class);

    /** How the generated code reaches the state behind handles. */
    interface Handles {
        /** The field holding the handle table of an imported resource. */
        String table(ClassName resource);

        /** The field holding the implementation of the {@code Ops} of an exported resource. */
        String ops(ClassName resource);

        /** The field holding the run-time resource type of an exported resource. */
        String resourceType(ClassName resource);
    }

    private final Map<ClassName, TypeModel> types;
    private final AbiLayout layout;
    private final MemberNames names;
    private final Map<String, String> helperNames = new HashMap<>();
    private final Deque<String[]> pending = new ArrayDeque<>();
    private final Map<String, MethodSpec> generated = new LinkedHashMap<>();
    private final Lifting lifting;
    private final Lowering lowering;
    private int counter;

    DirectGlue(Map<ClassName, TypeModel> types, MemberNames names, Handles handles) {
        this.types = types;
        this.layout = new AbiLayout(types);
        this.names = names;
        this.lifting = new Lifting(this, types, layout, handles);
        this.lowering = new Lowering(this, types, layout, handles);
    }

    AbiLayout layout() {
        return layout;
    }

    /** Restarts temporary names (call at the start of each generated method body). */
    void resetNames() {
        counter = 0;
    }

    /** A temporary name not yet used in the current method body. */
    String fresh(String prefix) {
        return prefix + counter++;
    }

    /**
     * The value being lowered, as messages name it ({@code result of `f`}, {@code `ok` value of
     * argument `a` of `f`}), and whether it may be {@code null} there (a boxed or user-made value
     * that nothing checked yet).
     */
    record Subject(String what, boolean mayBeNull) {
        /** A part of this value: {@code prefix} names it within this one ("`ok` value of "). */
        Subject part(String prefix, boolean partMayBeNull) {
            return new Subject(prefix + what, partMayBeNull);
        }
    }

    // ---------------------------------------------------------------------------------------
    // What this glue handles

    /**
     * Whether values of shape {@code s} can be lifted ({@code lift}) or lowered by this glue, with
     * host resources and exported resources as they occur in the world class.
     */
    boolean supports(Shape s, boolean lift) {
        if (s instanceof Shape.Primitive) {
            return true;
        } else if (s instanceof Shape.ListOf l) {
            return supports(l.element(), lift);
        } else if (s instanceof Shape.MapOf m) {
            return supports(m.key(), lift) && supports(m.value(), lift);
        } else if (s instanceof Shape.TupleOf t) {
            return t.elements().stream().allMatch(e -> supports(e, lift));
        } else if (s instanceof Shape.OptionOf o) {
            return supports(o.value(), lift);
        } else if (s instanceof Shape.ResultOf r) {
            return r.ok().map(x -> supports(x, lift)).orElse(true)
                    && r.err().map(x -> supports(x, lift)).orElse(true);
        } else if (s instanceof Shape.Named n) {
            TypeModel t = types.get(n.type());
            if (t instanceof TypeModel.RecordModel r) {
                return r.fields().stream().allMatch(f -> supports(f.shape(), lift));
            } else if (t instanceof TypeModel.VariantModel v) {
                return v.cases().stream()
                        .allMatch(c ->
                                c.payloadShape().map(x -> supports(x, lift)).orElse(true));
            }
            return t instanceof TypeModel.EnumModel || t instanceof TypeModel.FlagsModel;
        } else if (s instanceof Shape.Handle h) {
            // a borrow of a component's resource is only ever passed to it, never received by the host
            return !(h.exported() && h.borrow() && lift);
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // The four kinds of code

    /** An expression lifting {@code s} from the flat values {@code arr[pos…]} with context {@code c}. */
    CodeBlock liftFlat(Shape s, String c, String arr, int pos) {
        return lifting.liftFlat(s, c, arr, pos);
    }

    /** Statements lowering the Java expression {@code x} of shape {@code s}, the {@code subject}, into {@code arr[pos…]}. */
    void lowerFlat(Shape s, String c, CodeBlock x, String arr, int pos, CodeBlock.Builder out, Subject subject) {
        lowering.lowerFlat(s, c, x, arr, pos, out, subject);
    }

    /** An expression loading {@code s} from memory at {@code p} (a {@code long} expression). */
    CodeBlock load(Shape s, String c, CodeBlock p) {
        return lifting.load(s, c, p);
    }

    /** Statements storing the Java expression {@code x} of shape {@code s}, the {@code subject}, at {@code p}. */
    void store(Shape s, String c, CodeBlock x, CodeBlock p, CodeBlock.Builder out, Subject subject) {
        lowering.store(s, c, x, p, out, subject);
    }

    // ---------------------------------------------------------------------------------------
    // Helper methods of named types

    /** The helper {@code kind} ({@code load}, {@code store}, {@code fromBits}, {@code toBits}, {@code move}) of {@code type}. */
    String helper(String kind, ClassName type) {
        String key = kind + " " + type.canonicalName();
        String n = helperNames.get(key);
        if (n == null) {
            StringBuilder base = new StringBuilder(kind);
            for (String simple : type.simpleNames()) {
                base.append(simple);
            }
            n = names.unique(base.toString());
            helperNames.put(key, n);
            pending.add(new String[] {kind, type.canonicalName(), n});
            pendingTypes.put(key, type);
        }
        return n;
    }

    private final Map<String, ClassName> pendingTypes = new HashMap<>();

    /** The helper methods used by the code handed out so far (call after the last one). */
    List<MethodSpec> helpers() {
        while (!pending.isEmpty()) {
            String[] h = pending.poll();
            generateHelper(h[0], pendingTypes.get(h[0] + " " + h[1]), h[2]);
        }
        return new ArrayList<>(generated.values());
    }

    private void generateHelper(String kind, ClassName type, String name) {
        resetNames();
        TypeModel t = types.get(type);
        Shape.Named shape = new Shape.Named(
                type,
                t instanceof TypeModel.FlagsModel ? ParameterizedTypeName.get(ClassName.get(Set.class), type) : type);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        TypeName java = shape.java();
        switch (kind) {
            case "move" -> lowering.moveHelper(type, m);
            case "fromBits" -> lifting.fromBitsHelper(type, t, java, m);
            case "toBits" -> lowering.toBitsHelper(type, t, java, m);
            case "load" -> lifting.loadHelper(type, t, shape, java, m);
            case "store" -> lowering.storeHelper(type, t, shape, java, m);
            default -> throw new IllegalArgumentException("no helper kind " + kind);
        }
        generated.put(name, m.build());
    }

    // ---------------------------------------------------------------------------------------

    /** The Java type of a value of shape {@code s}. */
    static TypeName javaType(Shape s) {
        if (s instanceof Shape.Primitive p) {
            return p.java();
        } else if (s instanceof Shape.ListOf l) {
            return l.java();
        } else if (s instanceof Shape.MapOf m) {
            return m.java();
        } else if (s instanceof Shape.TupleOf t) {
            return t.java();
        } else if (s instanceof Shape.OptionOf o) {
            return o.java();
        } else if (s instanceof Shape.ResultOf r) {
            return r.java();
        } else if (s instanceof Shape.Named n) {
            return n.java();
        } else if (s instanceof Shape.Handle h) {
            return h.java();
        }
        throw new IllegalStateException("no Java type for " + s);
    }

    /** The name part of the array helpers of {@code GuestContext} for elements {@code p}. */
    static String arrayKind(Shape.Primitive p) {
        switch (p) {
            case S8:
            case U8:
                return "Bytes";
            case S16:
            case U16:
                return "Shorts";
            case S32:
            case U32:
                return "Ints";
            case S64:
            case U64:
                return "Longs";
            case F32:
                return "Floats";
            case F64:
                return "Doubles";
            default:
                throw new IllegalStateException("no array of " + p);
        }
    }

    static CodeBlock plus(CodeBlock p, long offset) {
        return offset == 0 ? p : CodeBlock.of("$L + $L", p, offset);
    }

    static TypeName typeArgument(TypeName t, int i) {
        return ((ParameterizedTypeName) t).typeArguments().get(i);
    }

    static boolean isArray(TypeName t) {
        return t instanceof ArrayTypeName;
    }
}
