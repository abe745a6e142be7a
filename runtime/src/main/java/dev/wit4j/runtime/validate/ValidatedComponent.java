package dev.wit4j.runtime.validate;

import dev.wit4j.runtime.engine.CoreModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a component: it is valid, and these are its core modules (of the
 * outermost and all nested components, in the order they appear in the binary), already decoded
 * and validated by the core engine so that instantiation need not parse them again; and its
 * {@linkplain #type() type}.
 */
public final class ValidatedComponent {

    private final List<CoreModule> coreModules;
    private final ComponentType type;
    private TypeView.Component view;

    ValidatedComponent(List<CoreModule> coreModules, ComponentType type) {
        this.coreModules = List.copyOf(coreModules);
        this.type = type;
    }

    /**
     * The component's type: what it imports and exports, with the types of everything it names,
     * as a read-only view (see {@link TypeView} for how type identity is kept).
     */
    public synchronized TypeView.Component type() {
        if (view == null) view = TypeViews.of(type);
        return view;
    }

    /**
     * What stops this component from standing in for {@code older} where {@code older} is used
     * today, import by import and export by export (Explainer, subtyping): for each import both
     * have, this one's must accept whatever satisfies {@code older}'s; for each export both have,
     * this one's must be usable as {@code older}'s. Imports or exports only one of them has are
     * the caller's to list; resources are lined up by where they are imported or exported.
     *
     * @return the mismatch of each such import and export, keyed {@code import NAME} or
     *     {@code export NAME}, in binary order; empty when every shared item fits
     */
    public Map<String, String> mismatchesAsReplacementOf(ValidatedComponent older) {
        ComponentType a = type;
        ComponentType b = older.type;
        Map<String, String> out = new LinkedHashMap<>();
        Substitution as = new Substitution(Subtyping.align(a.importedResources(), b.imports()));
        for (Map.Entry<String, EntityType> e : a.imports().entrySet()) {
            EntityType old = b.imports().get(e.getKey());
            if (old == null) continue;
            try {
                Subtyping.entity(old, as.entity(e.getValue()));
            } catch (TypeMismatch m) {
                out.put("import " + e.getKey(), m.getMessage());
            }
        }
        Map<String, EntityType> aExports = as.entities(a.exports());
        Substitution bs = new Substitution(Subtyping.align(b.definedResources(), aExports));
        for (Map.Entry<String, EntityType> e : b.exports().entrySet()) {
            EntityType now = aExports.get(e.getKey());
            if (now == null) continue;
            try {
                Subtyping.entity(now, bs.entity(e.getValue()));
            } catch (TypeMismatch m) {
                out.put("export " + e.getKey(), m.getMessage());
            }
        }
        return out;
    }

    /** The core modules in binary order (depth-first through nested components). */
    public List<CoreModule> coreModules() {
        return coreModules;
    }
}
