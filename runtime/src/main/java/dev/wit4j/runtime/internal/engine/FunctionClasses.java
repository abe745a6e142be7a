package dev.wit4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Spreads the compiled functions of a large module over small classes. Endive puts the static
 * methods of all functions into as few "function group" classes as the class-file limits allow:
 * a JavaScript engine's 14,000 functions become two classes of 10 and 6 MB. The JVM parses and
 * verifies a class whole when it is first used, so the first call into such a module pays for
 * every function of the group, called or not (about half a second for the JavaScript engine).
 * This pass moves each group's functions, in order, into classes of about {@value #CLASS_BYTES}
 * bytes of code and points every call at the new owner: the same methods with the same code, of
 * which the JVM now loads only the classes a run reaches.
 *
 * <p>Only classes of exactly the group shape (static methods, no fields, no initialiser) are
 * moved; the rest are rewritten only where they call into a moved method.
 */
final class FunctionClasses {

    /**
     * Bytecode per new class: small enough that a run loads little it does not call, large enough
     * that the cost of each class does not dominate. Measured on the JavaScript engine's first call
     * in a fresh JVM (about 30% of the bytecode of the classes it loads is ever called): 8 KB took
     * about 60 ms less than 32 KB, 4 KB no less than 8 KB.
     */
    static final int CLASS_BYTES = 8 * 1024;

    private static final Pattern GROUP = Pattern.compile(".*FuncGroup_\\d+");
    /** {@code func_12}, {@code call_12}: the methods of one function share its index. */
    private static final Pattern FUNCTION_METHOD = Pattern.compile("[a-z]+_(\\d+)");

    private FunctionClasses() {}

    /**
     * The classes with every group split (keys are class names as the compiler gave them, with
     * {@code .} or {@code /}); {@code classes} itself if there is no group to split.
     */
    static Map<String, byte[]> spread(Map<String, byte[]> classes) {
        // internal name of the old owner + method name -> internal name of the new owner
        Map<String, String> moved = new HashMap<>();
        Map<String, byte[]> created = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            String internal = c.getKey().replace('.', '/');
            if (GROUP.matcher(internal).matches() && split(internal, c.getValue(), moved, created)) {
                groups.add(c.getKey());
            }
        }
        if (groups.isEmpty()) return classes;
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            if (!groups.contains(c.getKey())) out.put(c.getKey(), redirect(c.getValue(), moved));
        }
        created.forEach((name, bytes) -> out.put(name, redirect(bytes, moved)));
        return out;
    }

    /** Splits one group into {@code created}, recording where each method went; false if it is not a plain group. */
    private static boolean split(
            String internal, byte[] classFile, Map<String, String> moved, Map<String, byte[]> created) {
        ClassNode group = new ClassNode();
        new ClassReader(classFile).accept(group, 0);
        if (!group.fields.isEmpty()
                || group.methods.stream()
                        .anyMatch(m -> (m.access & Opcodes.ACC_STATIC) == 0
                                || m.name.equals("<clinit>")
                                || !FUNCTION_METHOD.matcher(m.name).matches())) {
            return false;
        }
        Map<String, Integer> sizes = new HashMap<>();
        ClassFiles.methodSizes(classFile, sizes::put);
        List<List<MethodNode>> parts = new ArrayList<>();
        List<MethodNode> part = new ArrayList<>();
        int bytes = 0;
        String function = null;
        for (MethodNode m : group.methods) {
            String index = FUNCTION_METHOD.matcher(m.name).replaceFirst("$1");
            // a new class only where a function begins: its methods stay together
            if (bytes >= CLASS_BYTES && !index.equals(function)) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(m);
            bytes += sizes.getOrDefault(m.name, 0);
            function = index;
        }
        parts.add(part);
        for (int i = 0; i < parts.size(); i++) {
            String name = internal + "_" + i;
            ClassWriter writer = new ClassWriter(0);
            writer.visit(group.version, group.access, name, null, group.superName, null);
            for (MethodNode m : parts.get(i)) {
                moved.put(internal + "." + m.name, name);
                m.accept(writer);
            }
            writer.visitEnd();
            created.put(name.replace('/', '.'), writer.toByteArray());
        }
        return true;
    }

    /** The class with its calls to moved methods pointed at their new classes. */
    private static byte[] redirect(byte[] classFile, Map<String, String> moved) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        return new MethodVisitor(
                                Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                            @Override
                            public void visitMethodInsn(
                                    int opcode, String owner, String method, String desc, boolean isInterface) {
                                String to = moved.get(owner + "." + method);
                                if (to != null) {
                                    changed[0] = true;
                                    owner = to;
                                }
                                super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                            }

                            @Override
                            public void visitLdcInsn(Object value) {
                                super.visitLdcInsn(value instanceof Handle h ? handle(h) : value);
                            }

                            @Override
                            public void visitInvokeDynamicInsn(
                                    String name, String desc, Handle bootstrap, Object... args) {
                                Object[] mapped = args.clone();
                                for (int i = 0; i < mapped.length; i++) {
                                    if (mapped[i] instanceof Handle h) mapped[i] = handle(h);
                                }
                                super.visitInvokeDynamicInsn(name, desc, handle(bootstrap), mapped);
                            }

                            private Handle handle(Handle h) {
                                String to = moved.get(h.getOwner() + "." + h.getName());
                                if (to == null) return h;
                                changed[0] = true;
                                return new Handle(h.getTag(), to, h.getName(), h.getDesc(), h.isInterface());
                            }
                        };
                    }
                },
                0);
        return changed[0] ? writer.toByteArray() : classFile;
    }
}
