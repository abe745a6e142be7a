package dev.wit4j.runtime.internal.engine.split;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The module's function types, and the ones the splitter adds (appended to the type section). */
final class TypeTable {

    private final int existing;
    private final Map<FuncType, Integer> indices = new HashMap<>();
    private final List<FuncType> added = new ArrayList<>();

    TypeTable(List<FuncType> types) {
        this.existing = types.size();
        for (int i = 0; i < types.size(); i++) {
            FuncType t = types.get(i);
            if (t != null) indices.putIfAbsent(t, i);
        }
    }

    /** The index of a function type equal to {@code type}, added if the module has none. */
    int indexOf(FuncType type) {
        Integer index = indices.get(type);
        if (index == null) {
            index = existing + added.size();
            added.add(type);
            indices.put(type, index);
        }
        return index;
    }

    /** The encoding of a block type for a block of type {@code type}. */
    byte[] blockType(FuncType type) {
        if (type.params().isEmpty() && type.results().isEmpty()) {
            return new byte[] {0x40};
        }
        if (type.params().isEmpty() && type.results().size() == 1) {
            return type.results().get(0).encoding();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bytes.s32(out, indexOf(type));
        return out.toByteArray();
    }

    List<FuncType> added() {
        return added;
    }
}
