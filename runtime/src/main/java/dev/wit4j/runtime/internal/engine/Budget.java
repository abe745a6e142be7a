package dev.wit4j.runtime.internal.engine;

/**
 * What the core instances of one component instance may still take: linear memory bytes (shared
 * by all their memories) and elements per table. Created per top-level instantiation and consulted
 * as memories and tables are created and grown; a component instance runs one call at a time, so
 * it needs no synchronisation.
 */
public final class Budget {

    /** No limits: nothing is counted. */
    public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Long.MAX_VALUE);

    private final long memoryLimit;
    private final long tableElements;
    private long memoryUsed;

    /** A budget of {@code memoryBytes} of linear memory in all, and {@code tableElements} per table. */
    public Budget(long memoryBytes, long tableElements) {
        this.memoryLimit = memoryBytes;
        this.tableElements = tableElements;
    }

    /** The element limit of each table. */
    long tableElements() {
        return tableElements;
    }

    /** Takes {@code bytes} more linear memory if the limit allows it. */
    boolean tryGrowMemory(long bytes) {
        if (bytes > memoryLimit - memoryUsed) {
            return false;
        }
        memoryUsed += bytes;
        return true;
    }

    /** Linear memory bytes that may still be taken. */
    long memoryLeft() {
        return memoryLimit - memoryUsed;
    }

    /** Gives back {@code bytes} taken by {@link #tryGrowMemory} for a growth that then failed. */
    void releaseMemory(long bytes) {
        memoryUsed -= bytes;
    }

    /** Takes a new memory's initial {@code bytes}, or refuses the instantiation. */
    void createMemory(long bytes) {
        if (!tryGrowMemory(bytes)) {
            throw new LimitExceededException("a memory of " + bytes + " bytes exceeds the linear memory limit of "
                    + memoryLimit + " bytes (" + memoryUsed + " in use)");
        }
    }
}
