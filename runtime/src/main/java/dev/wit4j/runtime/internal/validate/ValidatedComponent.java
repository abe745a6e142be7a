package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.internal.engine.CoreModule;
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
        Map<String, String> out = new LinkedHashMap<>();
        for (Subtyping.Mismatch m : Subtyping.mismatches(type, older.type, false)) {
            out.put((m.isImport() ? "import " : "export ") + m.name(), m.message());
        }
        return out;
    }

    /** The core modules in binary order (depth-first through nested components). */
    public List<CoreModule> coreModules() {
        return coreModules;
    }
}
