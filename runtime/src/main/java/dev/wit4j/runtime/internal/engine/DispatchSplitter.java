package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.CompileReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Splits the dispatch methods Endive generates for {@code call_indirect} when they are too large
 * for HotSpot to JIT-compile. Such a method ends in one {@code lookupswitch} on the callee's
 * function index over every function of the call's type, each case calling that function with the
 * arguments already on the operand stack; a type with a thousand functions makes a method of
 * 12 KB, which HotSpot then interprets on every indirect call. This pass moves the cases into
 * methods of at most {@value #CASES} cases each and leaves in their place a few comparisons that
 * pick the method: the same calls, in JIT-compilable pieces.
 *
 * <p>Only methods of exactly that shape are touched; anything else is left as it is (and shows in
 * {@link CompileReport#methodsOverJitLimit()}).
 */
final class DispatchSplitter {

    /** Cases per method: a case is about 12 bytes of bytecode. */
    static final int CASES = 384;

    private DispatchSplitter() {}

    /** The class with its oversized dispatch methods split, or {@code classFile} itself if it has none. */
    static byte[] split(byte[] classFile) {
        int[] largest = {0};
        ClassFiles.methodSizes(classFile, (name, size) -> largest[0] = Math.max(largest[0], size));
        if (largest[0] <= CompileReport.JIT_LIMIT) return classFile;
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        boolean changed = false;
        for (MethodNode method : new ArrayList<>(node.methods)) {
            changed |= split(node, method);
        }
        if (!changed) return classFile;
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                try {
                    return super.getCommonSuperClass(a, b);
                } catch (RuntimeException | LinkageError e) {
                    return "java/lang/Object"; // the frames here only ever merge equal types
                }
            }
        };
        node.accept(writer);
        return writer.toByteArray();
    }

    /** One case: the function index and the call it makes. */
    private record Case(int key, MethodInsnNode call, int returnOpcode) {}

    private static boolean split(ClassNode owner, MethodNode method) {
        if (method.instructions.size() < 2 * CASES) return false;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LookupSwitchInsnNode sw && sw.keys.size() > CASES) {
                return split(owner, method, sw);
            }
        }
        return false;
    }

    private static boolean split(ClassNode owner, MethodNode method, LookupSwitchInsnNode sw) {
        AbstractInsnNode load = previous(sw);
        if (!(load instanceof VarInsnNode index) || index.getOpcode() != Opcodes.ILOAD) return false;
        List<Case> cases = new ArrayList<>();
        String descriptor = null;
        for (int i = 0; i < sw.keys.size(); i++) {
            AbstractInsnNode call = next(sw.labels.get(i));
            AbstractInsnNode ret = call == null ? null : next(call);
            if (!(call instanceof MethodInsnNode m)
                    || m.getOpcode() != Opcodes.INVOKESTATIC
                    || ret == null
                    || ret.getOpcode() < Opcodes.IRETURN
                    || ret.getOpcode() > Opcodes.RETURN) {
                return false;
            }
            if (descriptor == null) descriptor = m.desc;
            if (!descriptor.equals(m.desc)) return false;
            cases.add(new Case(sw.keys.get(i), m, ret.getOpcode()));
        }
        // the default: a call that makes the trap (given the index, perhaps), then athrow
        List<AbstractInsnNode> trap = new ArrayList<>();
        for (AbstractInsnNode n = next(sw.dflt); ; n = next(n)) {
            if (n == null || trap.size() > 4) return false;
            boolean allowed = n.getOpcode() == Opcodes.ATHROW
                    || (n instanceof MethodInsnNode m && m.getOpcode() == Opcodes.INVOKESTATIC)
                    || (n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && v.var == index.var);
            if (!allowed) return false;
            trap.add(n);
            if (n.getOpcode() == Opcodes.ATHROW) break;
        }

        // the pieces: (the call's arguments…, int index) → the call's result
        Type call = Type.getMethodType(descriptor);
        Type[] args = call.getArgumentTypes();
        Type[] pieceArgs = Arrays.copyOf(args, args.length + 1);
        pieceArgs[args.length] = Type.INT_TYPE;
        String pieceDescriptor = Type.getMethodDescriptor(call.getReturnType(), pieceArgs);
        int returnOpcode = cases.get(0).returnOpcode();
        InsnList chooser = new InsnList();
        for (int from = 0; from < cases.size(); from += CASES) {
            List<Case> piece = cases.subList(from, Math.min(cases.size(), from + CASES));
            String name = method.name + "$" + (from / CASES);
            owner.methods.add(piece(name, pieceDescriptor, args, piece, trap, returnOpcode));
            // if (index < next piece's first key) return piece(arguments…, index);
            LabelNode skip = new LabelNode();
            boolean last = from + CASES >= cases.size();
            if (!last) {
                chooser.add(new VarInsnNode(Opcodes.ILOAD, index.var));
                chooser.add(new LdcInsnNode(cases.get(from + CASES).key()));
                chooser.add(new JumpInsnNode(Opcodes.IF_ICMPGE, skip));
            }
            chooser.add(new VarInsnNode(Opcodes.ILOAD, index.var));
            chooser.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, name, pieceDescriptor, false));
            chooser.add(new InsnNode(returnOpcode));
            if (!last) chooser.add(skip);
        }
        // the cases' code is dead now: only the switch led there
        for (Case c : cases) {
            AbstractInsnNode ret = next(c.call());
            method.instructions.remove(c.call());
            method.instructions.remove(ret);
        }
        method.instructions.insert(sw, chooser);
        method.instructions.remove(sw);
        method.instructions.remove(load);
        return true;
    }

    /** A method holding some cases: pushes its arguments, then switches as the original did. */
    private static MethodNode piece(
            String name,
            String descriptor,
            Type[] args,
            List<Case> cases,
            List<AbstractInsnNode> trap,
            int returnOpcode) {
        MethodNode m = new MethodNode(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, descriptor, null, null);
        int slot = 0;
        for (Type a : args) {
            m.instructions.add(new VarInsnNode(a.getOpcode(Opcodes.ILOAD), slot));
            slot += a.getSize();
        }
        m.instructions.add(new VarInsnNode(Opcodes.ILOAD, slot));
        LabelNode fail = new LabelNode();
        int[] keys = new int[cases.size()];
        LabelNode[] labels = new LabelNode[cases.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cases.get(i).key();
            labels[i] = new LabelNode();
        }
        m.instructions.add(new LookupSwitchInsnNode(fail, keys, labels));
        for (int i = 0; i < keys.length; i++) {
            MethodInsnNode c = cases.get(i).call();
            m.instructions.add(labels[i]);
            m.instructions.add(new MethodInsnNode(c.getOpcode(), c.owner, c.name, c.desc, c.itf));
            m.instructions.add(new InsnNode(returnOpcode));
        }
        m.instructions.add(fail);
        for (AbstractInsnNode n : trap) {
            if (n instanceof VarInsnNode) {
                m.instructions.add(new VarInsnNode(Opcodes.ILOAD, slot)); // the index, here a parameter
            } else if (n instanceof MethodInsnNode c) {
                m.instructions.add(new MethodInsnNode(c.getOpcode(), c.owner, c.name, c.desc, c.itf));
            } else {
                m.instructions.add(new InsnNode(n.getOpcode()));
            }
        }
        m.maxStack = 0; // computed when written
        return m;
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) n = n.getNext(); // labels, line numbers, frames
        return n;
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getPrevious();
        while (n != null && n.getOpcode() < 0) n = n.getPrevious();
        return n;
    }
}
