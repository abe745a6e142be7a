package dev.wit4j.binary;

import java.util.List;

/**
 * One section of a component (Binary.md, "Component Definitions"). Every section records the
 * absolute offset of its id byte and how many bytes its size field took in the input: wasm-tools
 * writes minimal LEB128 sizes, but padded ones (such as 5-byte sizes) are legal and are reproduced
 * by the encoder when the contents still fit ({@code 0} means minimal).
 */
public sealed interface Section {

    /** Absolute offset of the section id byte. */
    long offset();

    /** Byte width of the size field in the input, or 0 for the minimal encoding. */
    int sizeLebWidth();

    /** The section id (0 to 12). */
    int id();

    /** Section 0: a custom section, kept as its name and raw payload. See {@link CustomSection}. */
    record Custom(long offset, int sizeLebWidth, CustomSection custom) implements Section {
        public int id() {
            return 0;
        }
    }

    /** Section 1: one embedded core module, kept as raw bytes. */
    record ModuleSection(long offset, int sizeLebWidth, CoreModuleBinary module) implements Section {
        public int id() {
            return 1;
        }
    }

    /** Section 2: core instance definitions. */
    record CoreInstanceSection(long offset, int sizeLebWidth, List<CoreInstance> instances) implements Section {
        public CoreInstanceSection {
            instances = List.copyOf(instances);
        }

        public int id() {
            return 2;
        }
    }

    /** Section 3: core type definitions (rec groups and module types). */
    record CoreTypeSection(long offset, int sizeLebWidth, List<CoreType> types) implements Section {
        public CoreTypeSection {
            types = List.copyOf(types);
        }

        public int id() {
            return 3;
        }
    }

    /** Section 4: one nested component, decoded recursively (offsets stay absolute). */
    record ComponentSection(long offset, int sizeLebWidth, Component component) implements Section {
        public int id() {
            return 4;
        }
    }

    /** Section 5: component instance definitions. */
    record InstanceSection(long offset, int sizeLebWidth, List<Instance> instances) implements Section {
        public InstanceSection {
            instances = List.copyOf(instances);
        }

        public int id() {
            return 5;
        }
    }

    /** Section 6: alias definitions. */
    record AliasSection(long offset, int sizeLebWidth, List<Alias> aliases) implements Section {
        public AliasSection {
            aliases = List.copyOf(aliases);
        }

        public int id() {
            return 6;
        }
    }

    /** Section 7: component type definitions. */
    record TypeSection(long offset, int sizeLebWidth, List<DefType> types) implements Section {
        public TypeSection {
            types = List.copyOf(types);
        }

        public int id() {
            return 7;
        }
    }

    /** Section 8: canonical definitions ({@code canon lift}, {@code canon lower}, built-ins). */
    record CanonSection(long offset, int sizeLebWidth, List<Canon> canons) implements Section {
        public CanonSection {
            canons = List.copyOf(canons);
        }

        public int id() {
            return 8;
        }
    }

    /**
     * Section 9 (🪙): the start definition {@code f:<funcidx> arg*:vec(<valueidx>) r:<u32>}.
     *
     * @param funcIndex the component function to call
     * @param args value indices passed as arguments
     * @param results the number of results, appended to the value index space
     */
    record StartSection(long offset, int sizeLebWidth, long funcIndex, List<Long> args, long results)
            implements Section {
        public StartSection {
            args = List.copyOf(args);
        }

        public int id() {
            return 9;
        }
    }

    /** Section 10: imports. */
    record ImportSection(long offset, int sizeLebWidth, List<Import> imports) implements Section {
        public ImportSection {
            imports = List.copyOf(imports);
        }

        public int id() {
            return 10;
        }
    }

    /** Section 11: exports. */
    record ExportSection(long offset, int sizeLebWidth, List<Export> exports) implements Section {
        public ExportSection {
            exports = List.copyOf(exports);
        }

        public int id() {
            return 11;
        }
    }

    /** Section 12 (🪙): value definitions. */
    record ValueSection(long offset, int sizeLebWidth, List<ValueDef> values) implements Section {
        public ValueSection {
            values = List.copyOf(values);
        }

        public int id() {
            return 12;
        }
    }
}
