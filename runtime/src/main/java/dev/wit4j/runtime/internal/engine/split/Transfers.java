package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable globals through which outlined code hands values to and from its caller: locals
 * that do not fit the parameters, locals it wrote, and the values a branch out of it carries. A
 * value is written right before the call or the return and read right after it, with no other code
 * in between, so one set of globals per type serves every call, recursive ones included.
 */
final class Transfers {

    private final int firstIndex;
    private final Map<ValType, List<Integer>> byType = new HashMap<>();
    private final List<ValType> added = new ArrayList<>();

    Transfers(int existingGlobals) {
        this.firstIndex = existingGlobals;
    }

    /** The global index of the {@code slot}th transfer global of type {@code type}. */
    int global(ValType type, int slot) {
        List<Integer> globals = byType.computeIfAbsent(type, t -> new ArrayList<>());
        while (globals.size() <= slot) {
            globals.add(firstIndex + added.size());
            added.add(type);
        }
        return globals.get(slot);
    }

    /** The types of the globals to append to the module, in index order. */
    List<ValType> added() {
        return added;
    }
}
