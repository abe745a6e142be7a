package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.TableInstance;

/** A core table, passed from the instance that defines it to the instances that import it. */
public final class CoreTable implements CoreExtern {

    private final TableInstance table;

    CoreTable(TableInstance table) {
        this.table = table;
    }

    TableInstance engineTable() {
        return table;
    }

    /** The current number of elements. */
    public int size() {
        return table.size();
    }

    @Override
    public String kind() {
        return "table";
    }
}
