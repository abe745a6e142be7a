package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.CoreSort;
import dev.wit4j.binary.Sort;
import dev.wit4j.binary.SortIdx;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.internal.engine.CoreExtern;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.internal.engine.CoreGlobal;
import dev.wit4j.runtime.internal.engine.CoreMemory;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreTable;
import dev.wit4j.runtime.internal.engine.CoreTag;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The index spaces of one component instance while the interpreter walks its sections
 * (Explainer.md "Index Spaces"): every definition, import, alias and export appends to the space
 * of its sort, in binary order, exactly as validation counted them. The frame outlives
 * instantiation only as the environment of the nested components it defines (their outer aliases
 * read its types, modules and components).
 */
final class Frame implements TypeScope {

    final ComponentCode code;
    final Frame parent;
    final InstanceState state;

    // core index spaces
    final List<CoreModule> coreModules = new ArrayList<>();
    final List<Map<String, CoreExtern>> coreInstances = new ArrayList<>();
    final List<CoreFunction> coreFuncs = new ArrayList<>();
    final List<CoreTable> coreTables = new ArrayList<>();
    final List<CoreMemory> coreMemories = new ArrayList<>();
    final List<CoreGlobal> coreGlobals = new ArrayList<>();
    final List<CoreTag> coreTags = new ArrayList<>();
    int coreTypeCount;

    // component index spaces
    final List<RtType> types = new ArrayList<>();
    final List<Item.Func> funcs = new ArrayList<>();
    final List<Item.Instance> instances = new ArrayList<>();
    final List<ComponentCode> components = new ArrayList<>();
    final List<Value> values = new ArrayList<>();

    Frame(ComponentCode code, InstanceState state) {
        this.code = code;
        this.parent = code.enclosing();
        this.state = state;
    }

    @Override
    public RtType type(long index) {
        return types.get(index(index, types.size(), "type"));
    }

    @Override
    public TypeScope outer(long count) {
        return outerFrame(count);
    }

    @Override
    public ComponentPlan plan() {
        return code.plan();
    }

    /** The frame {@code count} components out (0 is this one). */
    Frame outerFrame(long count) {
        Frame f = this;
        for (long i = 0; i < count; i++) {
            f = f.parent;
            if (f == null) {
                throw new IllegalStateException("outer alias reaches past the outermost component");
            }
        }
        return f;
    }

    /** The component-level item at {@code idx} (for instantiation arguments and exports). */
    Item item(SortIdx idx) {
        long i = idx.index();
        Sort sort = idx.sort();
        if (sort == Sort.FUNC) {
            return funcs.get(index(i, funcs.size(), "func"));
        } else if (sort == Sort.TYPE) {
            return new Item.Type(type(i));
        } else if (sort == Sort.INSTANCE) {
            return instances.get(index(i, instances.size(), "instance"));
        } else if (sort == Sort.COMPONENT) {
            return new Item.Component(components.get(index(i, components.size(), "component")));
        } else if (sort == Sort.CORE_MODULE) {
            return new Item.Module(coreModules.get(index(i, coreModules.size(), "core module")));
        } else if (sort == Sort.VALUE) {
            return new Item.ValueItem(values.get(index(i, values.size(), "value")));
        }
        throw new IllegalStateException("sort " + sort.text() + " is not a component-level item");
    }

    /** Appends {@code item} to the index space of {@code sort}, checking that it is of that sort. */
    void push(Sort sort, Item item, String what) {
        if (sort == Sort.FUNC && item instanceof Item.Func f) {
            funcs.add(f);
        } else if (sort == Sort.TYPE && item instanceof Item.Type t) {
            types.add(t.type());
        } else if (sort == Sort.INSTANCE && item instanceof Item.Instance i) {
            instances.add(i);
        } else if (sort == Sort.COMPONENT && item instanceof Item.Component c) {
            components.add(c.code());
        } else if (sort == Sort.CORE_MODULE && item instanceof Item.Module m) {
            coreModules.add(m.module());
        } else if (sort == Sort.VALUE && item instanceof Item.ValueItem v) {
            values.add(v.value());
        } else {
            throw new LinkException(what, "expected a " + sort.text() + ", found a " + item.kind());
        }
    }

    /** The core definition at {@code index} of {@code sort}. */
    CoreExtern core(CoreSort sort, long index) {
        switch (sort) {
            case FUNC:
                return coreFuncs.get(index(index, coreFuncs.size(), "core func"));
            case TABLE:
                return coreTables.get(index(index, coreTables.size(), "core table"));
            case MEMORY:
                return coreMemories.get(index(index, coreMemories.size(), "core memory"));
            case GLOBAL:
                return coreGlobals.get(index(index, coreGlobals.size(), "core global"));
            case TAG:
                return coreTags.get(index(index, coreTags.size(), "core tag"));
            default:
                throw new LinkException(
                        "not supported yet: core " + sort.text() + " definitions crossing core instances");
        }
    }

    /** Appends a core definition to the index space of {@code sort}. */
    void pushCore(CoreSort sort, CoreExtern value, String what) {
        if (sort == CoreSort.FUNC && value instanceof CoreFunction f) {
            coreFuncs.add(f);
        } else if (sort == CoreSort.TABLE && value instanceof CoreTable t) {
            coreTables.add(t);
        } else if (sort == CoreSort.MEMORY && value instanceof CoreMemory m) {
            coreMemories.add(m);
        } else if (sort == CoreSort.GLOBAL && value instanceof CoreGlobal g) {
            coreGlobals.add(g);
        } else if (sort == CoreSort.TAG && value instanceof CoreTag t) {
            coreTags.add(t);
        } else if (value == null) {
            throw new LinkException(what, "the core instance has no such export");
        } else {
            throw new LinkException(what, "expected a core " + sort.text() + ", found a core " + value.kind());
        }
    }

    private static int index(long index, int size, String space) {
        if (index < 0 || index >= size) {
            throw new IllegalStateException(space + " index " + index + " out of bounds (" + size + ")");
        }
        return (int) index;
    }
}
