package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An interface being filled in from instance types: named types and functions in binary order. */
final class InterfaceDraft {
    final Optional<String> name;
    final PackageName pkg;
    final TypeOwner owner;
    final Map<String, TypeDef> types = new LinkedHashMap<>();
    final Map<String, Function> functions = new LinkedHashMap<>();
    private Interface built;

    InterfaceDraft(Optional<String> name, PackageName pkg, TypeOwner owner) {
        this.name = name;
        this.pkg = pkg;
        this.owner = owner;
    }

    /** The finished interface (the same object on every call). */
    Interface build() {
        if (built == null) {
            built = new Interface(name, pkg, types, functions, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
        }
        return built;
    }
}
