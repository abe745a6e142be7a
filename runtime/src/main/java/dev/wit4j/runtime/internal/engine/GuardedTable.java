package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.Instance;
import run.endive.runtime.TableInstance;
import run.endive.wasm.types.Table;

/**
 * A table whose {@code table.grow} returns -1 for every growth past its maximum, as the core spec
 * says. The core engine adds the delta to the size in 32-bit arithmetic, so a delta near 2^31
 * wraps to a negative size that passes its maximum check and fails allocating the array (a
 * {@code NegativeArraySizeException} out of the guest).
 */
final class GuardedTable extends TableInstance {

    GuardedTable(Table table, int initialValue) {
        super(table, initialValue);
    }

    @Override
    public int grow(int size, int value, Instance instance) {
        return fits(size) ? super.grow(size, value, instance) : -1;
    }

    @Override
    public int growWithRef(int size, Object refValue, Instance instance) {
        return fits(size) ? super.growWithRef(size, refValue, instance) : -1;
    }

    private boolean fits(int delta) {
        return delta >= 0 && (long) size() + delta <= limits().max();
    }
}
