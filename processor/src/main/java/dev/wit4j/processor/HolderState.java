package dev.wit4j.processor;

import com.palantir.javapoet.ClassName;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One holder (a top-level Java interface) while {@link ModelBuilder} builds the model: what it
 * declares, the Java names given so far, and what it becomes.
 */
final class HolderState {

    /** Whether a holder is seen from the world's imports or its exports. */
    enum Dir {
        IMPORT,
        EXPORT
    }

    /** A holder's identity: the owner of its types, and the direction. */
    record Key(TypeOwner owner, Dir dir) {}

    final Key key;
    final Holder.Kind kind;
    final Interface iface; // null for the world's own holders
    final String witName;
    String externName = "";
    final Docs docs;
    final Stability stability;
    final List<TypeDef> declared = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final Map<TypeDef, ClassName> typeNames = new HashMap<>();
    final Set<String> methodNames = new HashSet<>();
    final List<TypeModel> types = new ArrayList<>();
    final List<MethodModel> methods = new ArrayList<>();
    ClassName name;
    boolean suppressDeprecation;
    /** Java-first: the user's interface this holder stands for (its Java names and types), else null. */
    JavaFirstInterface javaFirst;
    /** Java-first, exported resources: the generated handle class implementing the user's interface. */
    final Map<TypeDef, ClassName> handleClasses = new HashMap<>();
    /** The other holders whose types this one's types and functions use. */
    final Set<HolderState> uses = new LinkedHashSet<>();
    /** Whether this holder's bindings exist already ({@code @WitWorld(with = …)}): nothing is generated for it. */
    boolean existingBindings;

    HolderState(Key key, Holder.Kind kind, Interface iface, String witName, Docs docs, Stability stability) {
        this.key = key;
        this.kind = kind;
        this.iface = iface;
        this.witName = witName;
        this.docs = docs;
        this.stability = stability;
    }

    String where() {
        switch (kind) {
            case IMPORTED_INTERFACE:
                return "imported interface `" + witName + "`";
            case EXPORTED_INTERFACE:
                return "exported interface `" + witName + "`";
            default:
                return "world `" + witName + "`";
        }
    }

    /** The Java-first declaration of the WIT type {@code def} of this Java-first holder. */
    JavaFirstInterface.TypeDecl javaDecl(TypeDef def) {
        return javaFirst.types().stream()
                .filter(t -> t.name().equals(def.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no Java type for WIT type `" + def.name() + "` of " + javaFirst.javaName()));
    }

    /** The Java-first declaration of function {@code f} of this Java-first holder. */
    JavaFirstInterface.Function javaFunction(Function f) {
        List<JavaFirstInterface.Function> in = javaFirst.functions();
        if (f.kind() instanceof Function.Kind.Method m) {
            in = ((JavaFirstInterface.ResourceDecl) javaDecl(m.resource())).methods();
        } else if (f.kind() instanceof Function.Kind.Static st) {
            in = ((JavaFirstInterface.ResourceDecl) javaDecl(st.resource())).statics();
        } else if (f.kind() instanceof Function.Kind.Constructor c) {
            return ((JavaFirstInterface.ResourceDecl) javaDecl(c.resource()))
                    .constructor()
                    .orElseThrow(() -> new IllegalStateException("no Java constructor for `" + f.name() + "`"));
        }
        return in.stream()
                .filter(j -> j.name().equals(f.itemName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no Java method for WIT function `" + f.name() + "` of " + javaFirst.javaName()));
    }

    /** Records that {@code s} uses a type of {@code h} (nothing if they are one holder, or {@code s} is unknown). */
    static void uses(HolderState s, HolderState h) {
        if (s != null && h != s) s.uses.add(h);
    }
}
