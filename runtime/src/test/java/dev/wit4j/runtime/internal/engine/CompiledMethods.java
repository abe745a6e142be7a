package dev.wit4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The methods of the classes a core module compiles to (unsplit), for tests that read generated code. */
final class CompiledMethods {

    private CompiledMethods() {}

    static List<MethodNode> of(byte[] wasm) {
        CompiledCode code = CodeCompiler.compile(wasm, () -> CoreModule.parseWorkingAround(wasm, true), 0, true);
        List<MethodNode> methods = new ArrayList<>();
        for (byte[] bytes : code.classes().values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            methods.addAll(node.methods);
        }
        return methods;
    }
}
