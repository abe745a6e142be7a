package dev.wit4j.runtime.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;
import run.endive.wasm.types.PassiveDataSegment;
import dev.wit4j.runtime.engine.split.DataSegments;
import run.endive.wasm.types.CodeSection;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.DataCountSection;
import run.endive.wasm.types.DataSection;
import run.endive.wasm.types.ElementSection;
import run.endive.wasm.types.ExportSection;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.FunctionSection;
import run.endive.wasm.types.GlobalSection;
import run.endive.wasm.types.ImportSection;
import run.endive.wasm.types.MemorySection;
import run.endive.wasm.types.SectionId;
import run.endive.wasm.types.StartSection;
import run.endive.wasm.types.TableSection;
import run.endive.wasm.types.TagSection;
import run.endive.wasm.types.TypeSection;

/**
 * Reads the skeleton of a compiled module (every function body {@code unreachable}) for instances
 * that run compiled code only: everything but the code section is parsed as Endive parses it, and
 * each function gets one shared empty body, since compiled code never reads bodies, and the data
 * segments are read directly ({@link DataSegments}). Parsing the
 * bodies cost more than all the rest: a JavaScript engine's 14,550 one-instruction bodies took
 * 0.05 s warm and 0.3 s in a fresh JVM. Nothing here is validated (the module was when it was
 * compiled), and no digest of the bytes is computed.
 */
final class SkeletonParser {
    private static final FunctionBody NEVER_READ = new FunctionBody(List.of(), List.of());

    private SkeletonParser() {}

    /** The module; a skeleton this reader cannot take is parsed whole, as any module is. */
    static WasmModule parse(byte[] skeleton) {
        WasmModule.Builder module = WasmModule.builder().withValidation(false);
        Parser.Builder parser = Parser.builder().withValidation(false);
        DataSegments.Parts parts = DataSegments.read(skeleton);
        for (int id = SectionId.CUSTOM; id <= SectionId.TAG; id++) {
            if (id != SectionId.CODE && (id != SectionId.DATA || parts == null)) parser.includeSectionId(id);
        }
        if (parts != null) {
            DataSection.Builder section = DataSection.builder();
            for (DataSegments.Segment d : parts.segments()) {
                section.addDataSegment(d.offset() == null ? new PassiveDataSegment(d.data())
                        : new ActiveDataSegment(d.memory(),
                                List.of(new Instruction(-1, OpCode.I32_CONST, new long[] {d.offset()})), d.data()));
            }
            module.setDataSection(section.build());
        }
        int[] functions = {-1};
        try {
            // the generic reader copies its input in 1 KB steps: give it only the sections it reads
            byte[] rest = parts != null ? parts.withoutCodeAndData() : skeleton;
            parser.build().parse(new ByteArrayInputStream(rest), s -> {
                switch (s.sectionId()) {
                    case SectionId.CUSTOM -> module.addCustomSection(((CustomSection) s).name(), (CustomSection) s);
                    case SectionId.TYPE -> module.setTypeSection((TypeSection) s);
                    case SectionId.IMPORT -> module.setImportSection((ImportSection) s);
                    case SectionId.FUNCTION -> {
                        module.setFunctionSection((FunctionSection) s);
                        functions[0] = ((FunctionSection) s).functionCount();
                    }
                    case SectionId.TABLE -> module.setTableSection((TableSection) s);
                    case SectionId.MEMORY -> module.setMemorySection((MemorySection) s);
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
            if (functions[0] > 0) {
                CodeSection.Builder code = CodeSection.builder();
                for (int i = 0; i < functions[0]; i++) code.addFunctionBody(NEVER_READ);
                module.setCodeSection(code.build());
            }
            return module.build();
        } catch (RuntimeException e) { // a skeleton the fast readers do not take: read it whole
            return CoreModule.parseWorkingAround(skeleton, false);
        }
    }
}
