package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CoreInstance;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.ExternType;
import dev.wit4j.binary.Import;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.ValueDef;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.internal.engine.CoreExtern;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.internal.engine.CoreLinkException;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreModuleInstance;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import dev.wit4j.witx.model.ValueType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instantiation interpreter (Explainer.md "Instance Definitions" and the sections that follow):
 * reads a component's sections from top to bottom and keeps its index spaces at run time in a
 * {@link Frame}. Core modules are instantiated with their {@code with} arguments, types are
 * evaluated (each resource type definition makes a fresh run-time resource type per instance),
 * {@code canon} definitions make lifted and lowered functions, nested components are instantiated
 * with their arguments, start functions run where they appear, and exports are collected. Each
 * component instance, nested ones included, owns its core instances, memories, tables, globals
 * and handle table: nothing is shared unless it was passed explicitly.
 */
final class Interpreter {

    private final ComponentCode code;
    private final Map<String, Item> imports;
    private final Frame frame;
    private final Map<String, Item> exports = new LinkedHashMap<>();
    private final ComponentPlan plan;

    private Interpreter(ComponentCode code, Map<String, Item> imports, String name, InstanceState parent, Quota quota) {
        this.code = code;
        this.imports = imports;
        (parent == null ? quota : parent.quota()).countInstance("component instance " + name);
        this.frame = new Frame(code, new InstanceState(name, parent, quota));
        this.plan = code.plan();
    }

    /** Instantiates {@code code} with {@code imports}; see {@link ComponentCode#instantiate}. */
    static InstanceResult instantiate(
            ComponentCode code, Map<String, Item> imports, String name, InstanceState parent, Quota quota) {
        Interpreter in;
        try {
            in = new Interpreter(code, imports, name, parent, quota);
        } catch (Trap e) {
            throw e.componentName().isPresent() ? e : e.in(name, "instantiation");
        }
        InstanceState state = in.frame.state;
        try {
            for (Section s : in.plan.sections()) {
                in.section(s);
            }
        } catch (LinkException e) {
            state.poison();
            throw e;
        } catch (RuntimeException e) {
            state.poison();
            throw Traps.annotate(e, state, "instantiation");
        }
        Map<String, Item> exports = in.exports;
        if (code.ascription() != null) {
            exports = InstanceTyping.narrowed(code.ascription(), imports, exports, name);
        }
        return new InstanceResult(state, exports);
    }

    private void section(Section section) {
        if (section instanceof Section.ModuleSection m) {
            frame.coreModules.add(code.module(m.module()));
        } else if (section instanceof Section.CoreInstanceSection s) {
            for (CoreInstance i : s.instances()) {
                frame.coreInstances.add(coreInstance(i));
            }
        } else if (section instanceof Section.CoreTypeSection s) {
            frame.coreTypeCount += s.types().size();
        } else if (section instanceof Section.ComponentSection c) {
            long index = frame.components.size();
            frame.components.add(
                    code.nested(c.component(), frame, plan.componentNames().get(index)));
        } else if (section instanceof Section.InstanceSection s) {
            for (Instance i : s.instances()) {
                frame.instances.add(instance(i));
            }
        } else if (section instanceof Section.AliasSection s) {
            for (Alias a : s.aliases()) {
                alias(a);
            }
        } else if (section instanceof Section.TypeSection s) {
            for (DefType t : s.types()) {
                frame.types.add(type(t));
            }
        } else if (section instanceof Section.CanonSection s) {
            for (Canon c : s.canons()) {
                Canons.define(frame, c);
            }
        } else if (section instanceof Section.StartSection s) {
            start(s);
        } else if (section instanceof Section.ImportSection s) {
            for (Import i : s.imports()) {
                importItem(i);
            }
        } else if (section instanceof Section.ExportSection s) {
            for (Export e : s.exports()) {
                export(e);
            }
        } else if (section instanceof Section.ValueSection s) {
            for (ValueDef v : s.values()) {
                value(v);
            }
        }
    }

    // ---- core instances -------------------------------------------------------------------

    private Map<String, CoreExtern> coreInstance(CoreInstance i) {
        if (i instanceof CoreInstance.FromExports e) {
            Map<String, CoreExtern> out = new LinkedHashMap<>();
            for (CoreInstance.InlineExport x : e.exports()) {
                out.put(x.name(), frame.core(x.sort(), x.index()));
            }
            return out;
        }
        CoreInstance.Instantiate inst = (CoreInstance.Instantiate) i;
        CoreModule module = frame.coreModules.get((int) inst.moduleIndex());
        Map<String, Map<String, CoreExtern>> args = new HashMap<>();
        for (CoreInstance.Arg a : inst.args()) {
            args.put(a.name(), frame.coreInstances.get((int) a.instanceIndex()));
        }
        try {
            Quota quota = frame.state.quota();
            quota.countInstance("core instance " + frame.coreInstances.size());
            CoreModuleInstance created = CoreModuleInstance.instantiate(
                    module,
                    (mod, name) -> Optional.ofNullable(args.get(mod)).map(m -> m.get(name)),
                    code.mode(),
                    quota.budget());
            return created.exports();
        } catch (CoreLinkException e) {
            throw new LinkException("core instance " + frame.coreInstances.size(), e.getMessage());
        }
    }

    // ---- component instances -------------------------------------------------------------

    private Item.Instance instance(Instance i) {
        if (i instanceof Instance.FromExports e) {
            Map<String, Item> out = new LinkedHashMap<>();
            for (Instance.InlineExport x : e.exports()) {
                out.put(x.name().name(), frame.item(x.target()));
            }
            return new Item.Instance(out);
        }
        Instance.Instantiate inst = (Instance.Instantiate) i;
        ComponentCode child = frame.components.get((int) inst.componentIndex());
        Map<String, Item> args = new LinkedHashMap<>();
        for (Instance.Arg a : inst.args()) {
            args.put(a.name(), frame.item(a.target()));
        }
        String childName =
                frame.state.name() + "/" + (child.name() != null ? child.name() : "instance" + frame.instances.size());
        try {
            return new Item.Instance(Interpreter.instantiate(child, args, childName, frame.state, null)
                    .exports());
        } catch (LinkException e) {
            throw new LinkException(childName, e.getMessage());
        }
    }

    // ---- aliases --------------------------------------------------------------------------

    private void alias(Alias a) {
        if (a instanceof Alias.InstanceExport e) {
            Item.Instance inst = frame.instances.get((int) e.instanceIndex());
            Item item = inst.exports().get(e.name());
            if (item == null) {
                throw new LinkException("alias of `" + e.name() + "`", "the instance has no such export");
            }
            frame.push(e.sort(), item, "alias of `" + e.name() + "`");
        } else if (a instanceof Alias.CoreInstanceExport e) {
            Map<String, CoreExtern> inst = frame.coreInstances.get((int) e.instanceIndex());
            frame.pushCore(e.sort().coreSort(), inst.get(e.name()), "core alias of `" + e.name() + "`");
        } else {
            Alias.Outer o = (Alias.Outer) a;
            Frame target = frame.outerFrame(o.count());
            switch (o.sort()) {
                case TYPE -> frame.types.add(target.type(o.index()));
                case CORE_MODULE -> frame.coreModules.add(target.coreModules.get((int) o.index()));
                case COMPONENT -> frame.components.add(target.components.get((int) o.index()));
                case CORE_TYPE -> frame.coreTypeCount++;
                // staging by closure: what the enclosing component's instance has made
                case CORE_FUNC -> frame.coreFuncs.add(target.coreFuncs.get((int) o.index()));
                case CORE_TABLE -> frame.coreTables.add(target.coreTables.get((int) o.index()));
                case CORE_MEMORY -> frame.coreMemories.add(target.coreMemories.get((int) o.index()));
                case CORE_GLOBAL -> frame.coreGlobals.add(target.coreGlobals.get((int) o.index()));
                case CORE_INSTANCE -> frame.coreInstances.add(target.coreInstances.get((int) o.index()));
                case FUNC -> frame.funcs.add(target.funcs.get((int) o.index()));
                case INSTANCE -> frame.instances.add(target.instances.get((int) o.index()));
                default ->
                    throw new LinkException(
                            "not supported yet: outer alias of a " + o.sort().text());
            }
        }
    }

    // ---- types ----------------------------------------------------------------------------

    private RtType type(DefType t) {
        if (t instanceof DefType.ResourceType r) {
            long index = frame.types.size();
            String name = plan.typeExportNames().getOrDefault(index, "resource" + index);
            RuntimeResource resource = resource(name, r);
            frame.state.defined(resource);
            return new RtType.Resource(resource);
        }
        return TypeEval.eval(t, frame);
    }

    /**
     * A fresh resource type of this instance (Explainer.md: "each instantiation of a component
     * generates a fresh resource type"), whose destructor runs in this instance.
     */
    private RuntimeResource resource(String name, DefType.ResourceType r) {
        InstanceState state = frame.state;
        if (r.dtor().isEmpty()) {
            return new RuntimeResource(name, state, null);
        }
        CoreFunction dtor = (CoreFunction) frame.core(CoreSort.FUNC, r.dtor().getAsLong());
        String function = "[dtor]" + name;
        return new RuntimeResource(name, state, (rep, caller) -> {
            if (caller == state) {
                dtor.call(rep); // canon_resource_drop in the implementing instance calls the dtor directly
                return;
            }
            List<InstanceState> entered;
            try {
                entered = state.enter(caller);
            } catch (RuntimeException e) {
                throw Traps.annotate(e, state, function);
            }
            try {
                dtor.call(rep);
            } catch (RuntimeException e) {
                state.poison();
                throw Traps.annotate(e, state, function);
            } finally {
                InstanceState.exit(entered);
            }
        });
    }

    // ---- start, imports, exports ----------------------------------------------------------

    /**
     * A 🪙 value definition (Explainer.md "Value Definitions"): its bytes, kept raw by the decoder,
     * are read as a value of its type, which may be a defined type of this instance.
     */
    private void value(ValueDef v) {
        ValueType type = TypeEval.valType(v.type(), frame);
        frame.values.add(
                ValueDecoder.decode(v.data().toByteArray(), v.dataOffset(), type, "value " + frame.values.size()));
    }

    /**
     * A component-level start function (Explainer.md "Start Definitions"): called with the values
     * at its argument indices; its result, if the start declares one, is appended to the value
     * index space. Validation has matched the arity and the argument types to the function type;
     * a host function's result is checked here, as it is untyped.
     */
    private void start(Section.StartSection s) {
        Item.Func f = frame.funcs.get((int) s.funcIndex());
        List<Value> args =
                s.args().stream().map(i -> frame.values.get(i.intValue())).toList();
        Optional<Value> result = f.func().invoke(args);
        if (s.results() > 0) {
            Value r = result.orElseThrow(() -> new Trap(
                    Trap.Reason.INVALID_OPERATION,
                    "the start function `" + f.func().name() + "` returned no result"));
            FuncSig sig = f.sig() != null ? f.sig() : f.func().signature().orElse(null);
            if (sig != null && sig.result().isPresent()) {
                try {
                    r.typeCheck(sig.result().get());
                } catch (ValueTypeMismatchException e) {
                    throw new Trap(
                            Trap.Reason.INVALID_OPERATION,
                            "the start function `" + f.func().name() + "` returned a value of the wrong type: "
                                    + e.getMessage());
                }
            }
            frame.values.add(r);
        }
    }

    private void importItem(Import i) {
        String name = i.name().name();
        ExternType type = i.type();
        Item provided = imports.get(name); // may be absent for equality-bound types and empty instances
        Item typed = InstanceTyping.export(frame, type, provided, name);
        if (typed instanceof Item.Component c && c.code().name() == null) {
            typed = new Item.Component(c.code().named(name));
        }
        frame.push(type.sort(), typed, name);
    }

    private void export(Export e) {
        String name = e.name().name();
        Item item = frame.item(e.target());
        if (e.type().isPresent()) {
            item = ascribe(item, e.type().get(), name);
        }
        nameFunctions(item, name);
        exports.put(name, item);
        frame.push(e.target().sort(), item, "export `" + name + "`");
    }

    /**
     * An export with a type ascription exposes the item as that type (Explainer.md "Import and
     * export definitions"): a function gets the declared signature, an instance only the exports
     * its instance type declares, a component instantiates to only the exports its component type
     * declares. Validation has checked that the item is a subtype of the ascribed type.
     */
    private Item ascribe(Item item, ExternType type, String name) {
        if (item instanceof Item.Func f && type instanceof ExternType.Func ft) {
            return new Item.Func(f.func(), ((RtType.Func) frame.type(ft.typeIndex())).sig());
        } else if (item instanceof Item.Instance && type instanceof ExternType.Instance it) {
            return InstanceTyping.typed((RtType.Instance) frame.type(it.typeIndex()), item, name);
        } else if (item instanceof Item.Component c && type instanceof ExternType.Component ct) {
            return new Item.Component(c.code().ascribed((RtType.Component) frame.type(ct.typeIndex())));
        }
        return item;
    }

    /** Gives this instance's lifted functions reached through export {@code path} their names. */
    private void nameFunctions(Item item, String path) {
        if (item instanceof Item.Func f && f.func() instanceof LiftedFunc l && l.owner() == frame.state) {
            l.nameOnExport(path);
        } else if (item instanceof Item.Instance inst) {
            inst.exports().forEach((n, x) -> nameFunctions(x, path + "#" + n));
        }
    }
}
