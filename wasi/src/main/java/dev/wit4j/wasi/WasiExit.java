package dev.wit4j.wasi;

/**
 * Thrown when a component calls {@code wasi:cli/exit}: it unwinds the component's call, and
 * {@link WasiContext#run} turns it into the exit code.
 */
public final class WasiExit extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    /** An exit with status {@code code} (0 success). */
    public WasiExit(int code) {
        super("the component exited with code " + code, null, false, false);
        this.code = code;
    }

    /** The exit code, 0 to 255. */
    public int code() {
        return code;
    }

    /** The {@code WasiExit} in {@code t}'s chain of causes and suppressed exceptions, if any. */
    static WasiExit find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++) {
            if (t instanceof WasiExit e) {
                return e;
            }
            for (Throwable s : t.getSuppressed()) {
                WasiExit e = find(s);
                if (e != null) {
                    return e;
                }
            }
            t = t.getCause();
        }
        return null;
    }
}
