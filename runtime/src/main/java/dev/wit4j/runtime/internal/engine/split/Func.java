package dev.wit4j.runtime.internal.engine.split;

import java.util.ArrayList;
import java.util.List;

/** A function being split, or one the splitter made: its parameters, locals and body. */
final class Func {

    final int index;
    final FuncType type;
    final int typeIndex;
    final List<Local> params = new ArrayList<>();
    /** Declared locals, in order (the parameters are not among them). */
    final List<Local> locals = new ArrayList<>();

    final Node.Block root;

    Func(int index, FuncType type, int typeIndex) {
        this.index = index;
        this.type = type;
        this.typeIndex = typeIndex;
        this.root = new Node.Block(Node.Block.ROOT, null, new FuncType(List.of(), type.results()));
    }

    Local newLocal(ValType type, boolean scratch) {
        Local local = new Local(type, scratch);
        locals.add(local);
        return local;
    }
}
