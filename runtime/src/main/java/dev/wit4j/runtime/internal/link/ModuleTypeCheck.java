package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.runtime.internal.engine.CoreExport;
import dev.wit4j.runtime.internal.engine.CoreModule;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a core module can be supplied where a core module type is imported (Explainer.md, "Type
 * Checking": a module of type A is a subtype of B when A's imports are a subset of B's imports,
 * contravariantly, and A's exports include every export of B, covariantly). Messages follow
 * wasmtime's: {@code module export `f` not defined}, {@code module import `env::g` has the wrong
 * type: expected func found global}. Internal.
 */
final class ModuleTypeCheck {

    private ModuleTypeCheck() {}

    /** Why {@code actual} does not have the module type {@code expected}, or null if it does. */
    static String problem(TypeView.Extern.ModuleItem expected, CoreModule actual) {
        Map<String, CoreExternType> exports = new HashMap<>();
        for (CoreExport e : actual.exports()) {
            exports.put(e.name(), e.type());
        }
        // every export the type promises must be there, with a subtype of the promised type
        for (Map.Entry<String, CoreExternType> e : expected.exports().entrySet()) {
            CoreExternType found = exports.get(e.getKey());
            if (found == null) {
                return "module export `" + e.getKey() + "` not defined";
            }
            String problem = CoreExternMatch.problem(e.getValue(), found);
            if (problem != null) {
                return "module export `" + e.getKey() + "` has the wrong type: " + problem;
            }
        }
        Map<String, CoreExternType> declared = new HashMap<>();
        for (CoreImport i : expected.imports()) {
            declared.putIfAbsent(key(i), i.type());
        }
        // every import the module has must be declared, and what will be supplied for the declared
        // type must fit the module's own import type (contravariance)
        for (CoreImport i : actual.imports()) {
            CoreExternType supplied = declared.get(key(i));
            String name = i.module() + "::" + i.name();
            if (supplied == null) {
                return "module import `" + name + "` not defined";
            }
            String problem = CoreExternMatch.problem(i.type(), supplied);
            if (problem != null) {
                return "module import `" + name + "` has the wrong type: " + problem;
            }
        }
        return null;
    }

    private static String key(CoreImport i) {
        return i.module() + "\0" + i.name();
    }
}
