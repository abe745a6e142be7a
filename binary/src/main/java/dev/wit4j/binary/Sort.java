package dev.wit4j.binary;

/**
 * A component {@code sort} (Binary.md, "Instance Definitions"): the eight core sorts (encoded
 * {@code 0x00} followed by the {@link CoreSort} code) and the five component sorts.
 */
public enum Sort {
    CORE_FUNC(CoreSort.FUNC),
    CORE_TABLE(CoreSort.TABLE),
    CORE_MEMORY(CoreSort.MEMORY),
    CORE_GLOBAL(CoreSort.GLOBAL),
    CORE_TAG(CoreSort.TAG),
    CORE_TYPE(CoreSort.TYPE),
    CORE_MODULE(CoreSort.MODULE),
    CORE_INSTANCE(CoreSort.INSTANCE),
    FUNC(0x01, "func"),
    /** 🪙 */
    VALUE(0x02, "value"),
    TYPE(0x03, "type"),
    COMPONENT(0x04, "component"),
    INSTANCE(0x05, "instance");

    private final int code;
    private final CoreSort coreSort;
    private final String text;

    Sort(CoreSort core) {
        this.code = 0x00;
        this.coreSort = core;
        this.text = "core " + core.text();
    }

    Sort(int code, String text) {
        this.code = code;
        this.coreSort = null;
        this.text = text;
    }

    /** The first byte of the encoding ({@code 0x00} for all core sorts). */
    public int code() {
        return code;
    }

    /** Whether this is one of the core sorts. */
    public boolean isCore() {
        return coreSort != null;
    }

    /** The core sort, or {@code null} for a component sort. */
    public CoreSort coreSort() {
        return coreSort;
    }

    /** The text-format spelling, e.g. {@code core func} or {@code instance}. */
    public String text() {
        return text;
    }

    /** The component sort wrapping {@code core}. */
    public static Sort of(CoreSort core) {
        return values()[core.ordinal()];
    }
}
