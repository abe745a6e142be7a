package dev.wit4j.binary;

import java.util.List;

/** A component {@code instance} definition (Binary.md, "Instance Definitions"). */
public sealed interface Instance {

    /** Absolute offset of the definition's first byte. */
    long offset();

    /** {@code 0x00 c:<componentidx> arg*:vec(<instantiatearg>)}: instantiate a component. */
    record Instantiate(long offset, long componentIndex, List<Arg> args) implements Instance {
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /** {@code 0x01 e*:vec(<inlineexport>)}: an instance made of existing definitions. */
    record FromExports(long offset, List<InlineExport> exports) implements Instance {
        public FromExports {
            exports = List.copyOf(exports);
        }
    }

    /** {@code n:<name> si:<sortidx>}: {@code (with n si)}. */
    record Arg(long offset, String name, SortIdx target) {}

    /** {@code na:<nameattributes> si:<sortidx>}: {@code (export na si)}. */
    record InlineExport(long offset, ExternName name, SortIdx target) {}
}
