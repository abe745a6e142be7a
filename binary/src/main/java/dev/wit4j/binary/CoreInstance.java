package dev.wit4j.binary;

import java.util.List;

/** A {@code core:instance} definition (Binary.md, "Instance Definitions"). */
public sealed interface CoreInstance {

    /** Absolute offset of the definition's first byte. */
    long offset();

    /** {@code 0x00 m:<moduleidx> arg*:vec(<core:instantiatearg>)}: instantiate a core module. */
    record Instantiate(long offset, long moduleIndex, List<Arg> args) implements CoreInstance {
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /** {@code 0x01 e*:vec(<core:inlineexport>)}: an instance made of existing core definitions. */
    record FromExports(long offset, List<InlineExport> exports) implements CoreInstance {
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    /**
     * {@code n:<core:name> 0x12 i:<instanceidx>}: {@code (with n (instance i))}. The sort byte can
     * only be {@code 0x12} (instance) at present, so it is not stored.
     */
    record Arg(long offset, String name, long instanceIndex) {}

    /**
     * {@code n:<core:name> si:<core:sortidx>}. The decoder only accepts func, table, memory,
     * global and tag here, as wasmparser does.
     */
    record InlineExport(long offset, String name, CoreSort sort, long index) {}
}
