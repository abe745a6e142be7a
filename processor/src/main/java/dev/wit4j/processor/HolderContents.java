package dev.wit4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.HolderState.Dir;
import dev.wit4j.processor.JavaTypes.Where;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills a holder: the model of each type it declares (records, variants, enums, flags,
 * resources) and of each function, with the Java names of fields, cases and methods.
 */
final class HolderContents {

    private final JavaTypes types;
    private final Diagnostics diagnostics;

    HolderContents(JavaTypes types, Diagnostics diagnostics) {
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** The holder's types (declared in it) and functions, as the model's. */
    void fill(HolderState s) {
        Dir dir = s.kind.exported() ? Dir.EXPORT : Dir.IMPORT;
        for (TypeDef def : s.declared) {
            Where where = new JavaTypes.Where("type `" + def.name() + "` of " + s.where(), def.pos());
            if (WitTypes.isAlias(def)) {
                // Inlined at each use; still checked so that an unsupported alias is reported once by name.
                types.map((ValueType) def.kind(), dir, s, where);
                continue;
            }
            ClassName name = s.typeNames.get(def);
            TypeDefKind k = def.kind();
            JavaFirstInterface.TypeDecl decl = s.javaFirst == null ? null : s.javaDecl(def);
            TypeModel model = null;
            if (k instanceof ValueType.RecordType r) {
                model = record(s, dir, def, name, decl, where, r);
            } else if (k instanceof ValueType.VariantType v) {
                model = variant(s, dir, def, name, decl, where, v);
            } else if (k instanceof ValueType.EnumType en) {
                model = enumeration(def, name, decl, en);
            } else if (k instanceof ValueType.FlagsType fl) {
                model = flags(def, name, decl, where, fl);
            } else if (k instanceof TypeDefKind.Resource) {
                model = resource(s, dir, def, name, decl);
            }
            if (model != null) {
                s.types.add(model);
            }
        }
        addFunctions(s, dir);
    }

    private TypeModel.RecordModel record(
            HolderState s,
            Dir dir,
            TypeDef def,
            ClassName name,
            JavaFirstInterface.TypeDecl decl,
            Where where,
            ValueType.RecordType r) {
        List<TypeModel.Field> fields = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < r.fields().size(); i++) {
            ValueType.Field f = r.fields().get(i);
            TypeName type = types.map(f.type(), dir, s, where.of("field `" + f.name() + "` of "));
            Shape shape = types.shape(f.type(), dir, s);
            String javaName;
            if (decl != null) {
                // Java-first: the user's record component, by position (the WIT fields are in its order).
                JavaFirstInterface.Field jf =
                        ((JavaFirstInterface.RecordDecl) decl).fields().get(i);
                javaName = jf.javaName();
                type = jf.javaType();
                shape = JavaTypes.adapt(shape, type);
            } else {
                javaName = unique(Names.lowerCamel(f.name()), used);
            }
            fields.add(new TypeModel.Field(javaName, f.name(), type, shape, WitTypes.unsignedNote(f.type()), f.docs()));
        }
        return new TypeModel.RecordModel(name, def.name(), def.docs(), def.stability(), fields);
    }

    private TypeModel.VariantModel variant(
            HolderState s,
            Dir dir,
            TypeDef def,
            ClassName name,
            JavaFirstInterface.TypeDecl decl,
            Where where,
            ValueType.VariantType v) {
        List<TypeModel.Case> cases = new ArrayList<>();
        Set<String> used = new HashSet<>(List.of(name.simpleName(), s.name.simpleName()));
        for (int i = 0; i < v.cases().size(); i++) {
            ValueType.Case c = v.cases().get(i);
            Optional<TypeName> payload =
                    c.type().map(t -> types.map(t, dir, s, where.of("case `" + c.name() + "` of ")));
            Optional<Shape> payloadShape = c.type().map(t -> types.shape(t, dir, s));
            ClassName caseClass;
            String accessor = "value";
            if (decl != null) {
                // Java-first: the user's record for the case and its one component.
                JavaFirstInterface.Case jc =
                        ((JavaFirstInterface.VariantDecl) decl).cases().get(i);
                caseClass = jc.javaClass();
                if (jc.javaPayload().isPresent()) {
                    JavaFirstInterface.Field p = jc.javaPayload().get();
                    accessor = p.javaName();
                    payload = Optional.of(p.javaType());
                    payloadShape = payloadShape.map(sh -> JavaTypes.adapt(sh, p.javaType()));
                }
            } else {
                caseClass = name.nestedClass(uniqueType(Names.upperCamel(c.name()), used));
            }
            cases.add(new TypeModel.Case(
                    caseClass,
                    c.name(),
                    payload,
                    payloadShape,
                    c.type().map(WitTypes::unsignedNote).orElse(""),
                    c.docs(),
                    accessor));
        }
        return new TypeModel.VariantModel(name, def.name(), def.docs(), def.stability(), cases);
    }

    private static TypeModel.EnumModel enumeration(
            TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl, ValueType.EnumType en) {
        List<TypeModel.Constant> cs = constants(
                en.cases().stream().map(c -> Map.entry(c.name(), c.docs())).toList(),
                decl == null ? null : ((JavaFirstInterface.EnumDecl) decl).cases());
        return new TypeModel.EnumModel(name, def.name(), def.docs(), def.stability(), cs);
    }

    /** The flags' model, or null (reported) for flags without any flag. */
    private TypeModel.FlagsModel flags(
            TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl, Where where, ValueType.FlagsType fl) {
        if (fl.flags().isEmpty()) {
            types.unsupported("flags without any flag", where);
            return null;
        }
        List<TypeModel.Constant> cs = constants(
                fl.flags().stream().map(f -> Map.entry(f.name(), f.docs())).toList(),
                decl == null ? null : ((JavaFirstInterface.FlagsDecl) decl).flags());
        return new TypeModel.FlagsModel(name, def.name(), def.docs(), def.stability(), cs);
    }

    /**
     * The constants of an enum or flags type, from their WIT names and docs: named as the user's
     * Java-first constants ({@code javaFirst}, by position) or else UPPER_SNAKE, made unique.
     */
    private static List<TypeModel.Constant> constants(
            List<Map.Entry<String, Docs>> wit, List<JavaFirstInterface.Constant> javaFirst) {
        List<TypeModel.Constant> cs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < wit.size(); i++) {
            String witName = wit.get(i).getKey();
            String javaName = javaFirst != null ? javaFirst.get(i).javaName() : unique(Names.upperSnake(witName), used);
            cs.add(new TypeModel.Constant(javaName, witName, wit.get(i).getValue()));
        }
        return cs;
    }

    private TypeModel.ResourceModel resource(
            HolderState s, Dir dir, TypeDef def, ClassName name, JavaFirstInterface.TypeDecl decl) {
        boolean exported = dir == Dir.EXPORT;
        Set<String> used = new HashSet<>();
        if (exported) {
            used.addAll(List.of("close", "handle"));
        }
        List<MethodModel> methods = new ArrayList<>();
        for (Function f : s.functions) {
            if (f.kind() instanceof Function.Kind.Method m && m.resource().equals(def)) {
                String javaName =
                        decl != null ? s.javaFunction(f).javaName() : unique(Names.lowerCamel(f.itemName()), used);
                if (s.handleClasses.containsKey(def) && (javaName.equals("close") || javaName.equals("handle"))) {
                    diagnostics.report(Message.JF_HANDLE_METHOD, decl.javaType().canonicalName(), javaName);
                }
                MethodModel mm = method(f, dir, s, javaName);
                if (mm != null) {
                    methods.add(mm);
                }
            }
        }
        ClassName handle = s.handleClasses.get(def);
        return new TypeModel.ResourceModel(
                handle != null ? handle : name,
                def.name(),
                def.docs(),
                def.stability(),
                exported,
                methods,
                Optional.ofNullable(handle).map(h -> name));
    }

    /** The holder's functions that are not methods of a resource. */
    private void addFunctions(HolderState s, Dir dir) {
        for (Function f : s.functions) {
            String javaName;
            if (f.kind() instanceof Function.Kind.Method) {
                continue;
            } else if (f.kind() instanceof Function.Kind.Constructor c) {
                javaName = "new" + Names.upperCamel(c.resource().name());
            } else if (f.kind() instanceof Function.Kind.Static st) {
                javaName = Names.lowerCamel(st.resource().name() + "-" + f.itemName());
            } else {
                javaName = Names.lowerCamel(f.name());
            }
            if (s.javaFirst != null) {
                javaName = s.javaFunction(f).javaName();
            }
            MethodModel mm = method(f, dir, s, unique(javaName, s.methodNames));
            if (mm != null) {
                s.methods.add(mm);
            }
        }
    }

    private MethodModel method(Function f, Dir dir, HolderState s, String javaName) {
        Where where = new JavaTypes.Where("function `" + f.name() + "` of " + s.where(), f.pos());
        if (f.async()) {
            types.unsupported("async function `" + f.name() + "`", new JavaTypes.Where(s.where(), f.pos()));
            return null;
        }
        List<MethodModel.Param> params = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Function.Param> ps = f.params();
        int first = f.kind() instanceof Function.Kind.Method ? 1 : 0;
        JavaFirstInterface.Function jf = s.javaFirst == null ? null : s.javaFunction(f);
        for (int i = first; i < ps.size(); i++) {
            Function.Param p = ps.get(i);
            TypeName type = types.map(p.type(), dir, s, where.of("parameter `" + p.name() + "` of "));
            Shape shape = types.shape(p.type(), dir, s);
            String paramName;
            if (jf != null) {
                JavaFirstInterface.Field jp = jf.params().get(i - first);
                paramName = jp.javaName();
                type = jp.javaType();
                shape = JavaTypes.adapt(shape, type);
            } else {
                paramName = unique(Names.lowerCamel(p.name()), used);
            }
            params.add(new MethodModel.Param(paramName, p.name(), type, shape, WitTypes.unsignedNote(p.type())));
        }
        Optional<TypeName> returns = f.result().map(t -> types.map(t, dir, s, where.of("result of ")));
        Optional<Shape> result = f.result().map(t -> types.shape(t, dir, s));
        if (jf != null && jf.javaResult().isPresent()) {
            TypeName user = jf.javaResult().get();
            returns = Optional.of(user);
            result = result.map(sh -> JavaTypes.adapt(sh, user));
        }
        MethodModel.Role role;
        if (f.kind() instanceof Function.Kind.Constructor) {
            role = MethodModel.Role.CONSTRUCTOR;
        } else if (f.kind() instanceof Function.Kind.Static) {
            role = MethodModel.Role.STATIC;
        } else if (f.kind() instanceof Function.Kind.Method) {
            role = MethodModel.Role.METHOD;
        } else {
            role = MethodModel.Role.FUNCTION;
        }
        return new MethodModel(
                javaName,
                f.itemName(),
                f.name(),
                role,
                f.resource().map(TypeDef::name),
                params,
                returns,
                result,
                f.result().map(WitTypes::unsignedNote).orElse(""),
                f.docs(),
                f.stability());
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        while (!used.add(n)) {
            n = n + "_";
        }
        return n;
    }

    private static String uniqueType(String name, Set<String> used) {
        return unique(name, used);
    }
}
