package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.internal.engine.split.DataSegments;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.CodeSection;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.DataCountSection;
import run.endive.wasm.types.DataSection;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.ElementSection;
import run.endive.wasm.types.ExportSection;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.FunctionSection;
import run.endive.wasm.types.GlobalSection;
import run.endive.wasm.types.ImportSection;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.MemorySection;
import run.endive.wasm.types.OpCode;
import run.endive.wasm.types.PassiveDataSegment;
import run.endive.wasm.types.SectionId;
import run.endive.wasm.types.StartSection;
import run.endive.wasm.types.TableSection;
import run.endive.wasm.types.TagSection;
import run.endive.wasm.types.TypeSection;

/**
 * Reads the skeleton of a compiled module (every function body {@code unreachable}) for instances
 * that run compiled code only: everything but the code section is parsed as Endive parses it, and
 * each function gets one shared empty body, since compiled code never reads bodies, and the data
 * segments are read directly ({@link DataSegments}), their bytes left where they lie when the
 * module's memories are its own ({@link SegmentBytes}). Parsing the
 * bodies cost more than all the rest: a JavaScript engine's 14,550 one-instruction bodies took
 * 0.05 s warm and 0.3 s in a fresh JVM. Nothing here is validated (the module was when it was
 * compiled), and no digest of the bytes is computed.
 */
final class SkeletonParser {
    private static final FunctionBody NEVER_READ = new FunctionBody(List.of(), List.of());

    private SkeletonParser() {}

    /**
     * The module, and where its segments' bytes are if its engine segments are placeholders (else
     * null). {@code skeleton} must not change while instances of the module exist.
     */
    record Skeleton(WasmModule module, SegmentBytes segments) {}

    private static final byte[] NO_BYTES = {};

    /** The module; a skeleton this reader cannot take is parsed whole, as any module is. */
    static Skeleton parse(byte[] skeleton) {
        WasmModule.Builder module = WasmModule.builder().withValidation(false);
        Parser.Builder parser = Parser.builder().withValidation(false);
        DataSegments.Parts parts = DataSegments.read(skeleton);
        for (int id = SectionId.CUSTOM; id <= SectionId.TAG; id++) {
            if (id != SectionId.CODE && (id != SectionId.DATA || parts == null)) parser.includeSectionId(id);
        }
        boolean[] foreignMemory = {false};
        int[] functions = {-1};
        try {
            // the generic reader copies its input in 1 KB steps: give it only the sections it reads
            byte[] rest = parts != null ? parts.withoutCodeAndData() : skeleton;
            parser.build().parse(new ByteArrayInputStream(rest), s -> {
                switch (s.sectionId()) {
                    case SectionId.CUSTOM -> module.addCustomSection(((CustomSection) s).name(), (CustomSection) s);
                    case SectionId.TYPE -> module.setTypeSection((TypeSection) s);
                    case SectionId.IMPORT -> {
                        ImportSection imports = (ImportSection) s;
                        for (int i = 0; i < imports.importCount(); i++) {
                            foreignMemory[0] |= imports.getImport(i).importType() == ExternalType.MEMORY;
                        }
                        module.setImportSection(imports);
                    }
                    case SectionId.FUNCTION -> {
                        module.setFunctionSection((FunctionSection) s);
                        functions[0] = ((FunctionSection) s).functionCount();
                    }
                    case SectionId.TABLE -> module.setTableSection((TableSection) s);
                    case SectionId.MEMORY -> {
                        MemorySection memories = (MemorySection) s;
                        for (int i = 0; i < memories.memoryCount(); i++) {
                            // Endive's own memory (a shared one) would be given placeholders
                            foreignMemory[0] |=
                                    !PagedMemory.supports(memories.getMemory(i).limits());
                        }
                        module.setMemorySection(memories);
                    }
                    case SectionId.GLOBAL -> module.setGlobalSection((GlobalSection) s);
                    case SectionId.EXPORT -> module.setExportSection((ExportSection) s);
                    case SectionId.START -> module.setStartSection((StartSection) s);
                    case SectionId.ELEMENT -> module.setElementSection((ElementSection) s);
                    case SectionId.DATA -> module.setDataSection((DataSection) s);
                    case SectionId.DATA_COUNT -> module.setDataCountSection((DataCountSection) s);
                    case SectionId.TAG -> module.setTagSection((TagSection) s);
                    default -> module.addIgnoredSection(s.sectionId());
                }
            });
            SegmentBytes segments = null;
            if (parts != null) {
                boolean placeholders = !foreignMemory[0];
                DataSection.Builder section = DataSection.builder();
                DataSegment[] made = new DataSegment[parts.segments().size()];
                for (int i = 0; i < made.length; i++) {
                    DataSegments.Segment d = parts.segments().get(i);
                    byte[] data =
                            placeholders ? NO_BYTES : Arrays.copyOfRange(d.module(), d.from(), d.from() + d.length());
                    made[i] = d.offset() == null
                            ? new PassiveDataSegment(data)
                            : new ActiveDataSegment(
                                    d.memory(),
                                    List.of(new Instruction(-1, OpCode.I32_CONST, new long[] {d.offset()})),
                                    data);
                    section.addDataSegment(made[i]);
                }
                module.setDataSection(section.build());
                if (placeholders) segments = new SegmentBytes(made, parts.segments());
            }
            if (functions[0] > 0) {
                CodeSection.Builder code = CodeSection.builder();
                for (int i = 0; i < functions[0]; i++) code.addFunctionBody(NEVER_READ);
                module.setCodeSection(code.build());
            }
            return new Skeleton(module.build(), segments);
        } catch (RuntimeException e) { // a skeleton the fast readers do not take: read it whole
            return new Skeleton(CoreModule.parseWorkingAround(skeleton, false), null);
        }
    }
}
