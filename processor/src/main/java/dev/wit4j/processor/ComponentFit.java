package dev.wit4j.processor;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.inspect.TypeText;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.print.WitPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a component fits a world as its bindings will use it: every function and interface the
 * world exports is exported by the component (an interface with each of its functions, with
 * parameters and result of the same structure, {@link TypeMatch}), and the component imports
 * nothing the world does not import (but WASI, when the world class defines it,
 * {@link dev.wit4j.processor.model.Bindings#definesWasi()}). Names are
 * compared as the component model spells them ({@code ns:pkg/iface@version}, {@code [method]r.m}).
 */
final class ComponentFit {

    private ComponentFit() {}

    /** What does not fit, one line each; empty if it fits. */
    static List<String> mismatches(World world, Component component, boolean wasiDefined) {
        List<String> out = new ArrayList<>();
        Map<String, TypeView.Extern> exports = component.exports();
        for (Map.Entry<WorldKey, WorldItem> e : world.exports().entrySet()) {
            String name = e.getKey().toString();
            TypeView.Extern found = exports.get(name);
            if (e.getValue() instanceof WorldItem.FunctionItem f) {
                checkFunction("the world exports function `" + name + "`", f.function(), found, out);
            } else if (e.getValue() instanceof WorldItem.InterfaceItem i) {
                if (!(found instanceof TypeView.Extern.InstanceItem instance)) {
                    out.add("the world exports interface `" + name + "`; the component "
                            + (found == null ? "does not export it" : "exports something else by that name")
                            + " (it exports: " + names(exports) + ")");
                    continue;
                }
                for (Function f : i.iface().functions().values()) {
                    checkFunction(
                            "interface `" + name + "` has function `" + f.name() + "`",
                            f,
                            instance.type().exports().get(f.name()),
                            out);
                }
            }
        }
        for (String imported : component.imports().keySet()) {
            boolean inWorld =
                    world.imports().keySet().stream().anyMatch(k -> k.toString().equals(imported));
            if (!inWorld && !(wasiDefined && imported.startsWith("wasi:"))) {
                out.add("the component imports `" + imported + "`, which the world does not import");
            }
        }
        return out;
    }

    private static void checkFunction(String what, Function f, TypeView.Extern found, List<String> out) {
        if (!(found instanceof TypeView.Extern.FuncItem func)) {
            out.add(what + "; the component "
                    + (found == null ? "does not export it" : "exports something else by that name"));
        } else if (func.type().params().size() != f.params().size()) {
            out.add(what + " with " + f.params().size() + " parameters; the component's has "
                    + func.type().params().size());
        } else {
            for (int i = 0; i < f.params().size(); i++) {
                var param = f.params().get(i);
                TypeView.Val type = func.type().params().get(i).type();
                if (!TypeMatch.matches(param.type(), type)) {
                    out.add(what + ": parameter `" + param.name() + "` is " + WitPrinter.type(param.type())
                            + " in the world, " + TypeText.value(type) + " in the component");
                }
            }
            var result = func.type().result();
            if (f.result().isPresent() != result.isPresent()
                    || f.result().isPresent() && !TypeMatch.matches(f.result().get(), result.get())) {
                out.add(what + ": the result is "
                        + f.result().map(WitPrinter::type).orElse("none") + " in the world, "
                        + result.map(TypeText::value).orElse("none") + " in the component");
            }
        }
    }

    private static String names(Map<String, TypeView.Extern> exports) {
        return exports.isEmpty() ? "nothing" : String.join(", ", exports.keySet());
    }
}
