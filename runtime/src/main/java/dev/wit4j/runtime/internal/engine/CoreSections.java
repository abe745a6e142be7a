package dev.wit4j.runtime.internal.engine;

/**
 * The ids of a core module's sections and the order the core binary format requires of them
 * (Binary Format, Modules: custom sections anywhere, the others at most once each, in this order,
 * tags after memories as the exception-handling proposal places them), for the readers of core
 * modules here (declarations, code validation, splitting). Internal.
 */
public final class CoreSections {

    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;
    public static final int TAG = 13;

    private static final int[] ORDER = {
        TYPE, IMPORT, FUNCTION, TABLE, MEMORY, TAG, GLOBAL, EXPORT, START, ELEMENT, DATA_COUNT, CODE, DATA
    };

    /** One section: its id, where it starts (the id byte), and where its payload lies. */
    public record Section(int id, int start, int payloadStart, int end) {}

    private CoreSections() {}

    /** Whether {@code bytes} start as a core module of version 1 (Binary Format, Modules: magic, version). */
    public static boolean hasHeader(byte[] bytes) {
        return bytes.length >= 8
                && bytes[0] == 0
                && bytes[1] == 'a'
                && bytes[2] == 's'
                && bytes[3] == 'm'
                && bytes[4] == 1
                && bytes[5] == 0
                && bytes[6] == 0
                && bytes[7] == 0;
    }

    /** Where a non-custom section {@code id} stands in the required order; -1 for an unknown id. */
    public static int rank(int id) {
        for (int k = 0; k < ORDER.length; k++) {
            if (ORDER[k] == id) return k;
        }
        return -1;
    }
}
