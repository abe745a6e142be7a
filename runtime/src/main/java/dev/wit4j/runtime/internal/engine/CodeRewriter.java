package dev.wit4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites the core compiler's classes where its code is slow on HotSpot for a reason of its own.
 *
 * <p><b>Globals.</b> The compiler emits {@code global.get i} as {@code push i; aload instance;
 * invokestatic readGlobal(int, Instance)}, and {@code global.set i} the same way with the value
 * below; for every such site whose {@code i} is a constant naming a {@linkplain GlobalCells#moved
 * moved} global, this pass loads the cells once on entry ({@link CompiledOps#cells} into a new
 * local) and makes the site {@code aload cells; push i; laload} (or, for a set, {@code aload
 * cells; push i; dup2_x2; pop2; lastore}, which moves the value above the array and index). The
 * rewritten sites are no longer than the calls they replace, so no method grows past the JIT's
 * size limit by more than its entry. A site of another shape is left as it is: it still reaches
 * the same value through the global's {@link GlobalCells.Cell}.
 *
 * <p><b>Interruption checks.</b> The compiler checks the thread's interrupt flag (how a guest is
 * stopped: {@code Instance.interrupt()}, call timeouts) before every direct call, at every loop
 * back edge and on entry to every indirect call. The checks before direct calls go: code without
 * loops or indirect calls runs for a bounded time (unbounded recursion ends in a stack overflow,
 * a trap), so the guest still stops at its next back edge or indirect call, and calls — which the
 * code of a JavaScript engine makes constantly — stop paying for it.
 *
 * <p><b>{@code memory.init}</b> becomes a call of {@link CompiledOps#memoryInit}, which is also
 * given the instance, so that the segment copied is the running instance's even when its memory
 * is another instance's (the compiler's own asks the memory, which knows only one instance's).
 *
 * <p><b>Unsigned comparison.</b> {@code i32.ge_u} becomes a call of {@link CompiledOps#i32GeU},
 * which the JIT inlines (the compiler's own is kept out of line on Java 17).
 */
final class CodeRewriter {

    private static final String MEMORY = "Lrun/endive/runtime/Memory;";
    private static final String INSTANCE = "Lrun/endive/runtime/Instance;";
    private static final String READ = "(ILrun/endive/runtime/Instance;)J";
    private static final String WRITE = "(JILrun/endive/runtime/Instance;)V";
    private static final String OPS = Type.getInternalName(CompiledOps.class);

    private CodeRewriter() {}

    /**
     * {@code classFile} rewritten: its accesses to globals for which {@code moved} holds (none if
     * null), and its unsigned comparisons.
     */
    static byte[] rewrite(byte[] classFile, IntPredicate moved) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            changed |= rewriteComparisons(method);
            changed |= rewriteMemoryInit(method);
            changed |= dropChecksBeforeCalls(method);
            if (moved != null) {
                changed |= rewriteGlobals(method, moved);
            }
        }
        if (!changed) return classFile;
        // frames are kept (and extended by the new local), only the stack depth is recomputed
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static boolean rewriteGlobals(MethodNode method, IntPredicate moved) {
        if ((method.access & Opcodes.ACC_STATIC) == 0) return false;
        int memorySlot = memorySlot(method.desc);
        if (memorySlot < 0) return false;
        List<MethodInsnNode> sites = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && v.var == memorySlot) {
                return false; // the memory argument is reassigned: not code this pass knows
            }
            if (insn instanceof MethodInsnNode call && isGlobalAccess(call)) {
                AbstractInsnNode instance = call.getPrevious();
                AbstractInsnNode push = instance == null ? null : instance.getPrevious();
                if (instance instanceof VarInsnNode load
                        && load.getOpcode() == Opcodes.ALOAD
                        && push != null
                        && constant(push) >= 0
                        && moved.test(constant(push))) {
                    sites.add(call);
                }
            }
        }
        if (sites.isEmpty()) return false;
        int cells = method.maxLocals;
        method.maxLocals = cells + 1;
        InsnList insns = method.instructions;
        for (MethodInsnNode call : sites) {
            AbstractInsnNode instance = call.getPrevious();
            AbstractInsnNode push = instance.getPrevious();
            insns.insertBefore(push, new VarInsnNode(Opcodes.ALOAD, cells));
            insns.remove(instance);
            if (call.name.equals("readGlobal")) {
                insns.set(call, new InsnNode(Opcodes.LALOAD));
            } else {
                insns.insertBefore(call, new InsnNode(Opcodes.DUP2_X2));
                insns.insertBefore(call, new InsnNode(Opcodes.POP2));
                insns.set(call, new InsnNode(Opcodes.LASTORE));
            }
        }
        InsnList entry = new InsnList();
        entry.add(new VarInsnNode(Opcodes.ALOAD, memorySlot));
        entry.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OPS, "cells", "(" + MEMORY + ")[J", false));
        entry.add(new VarInsnNode(Opcodes.ASTORE, cells));
        insns.insert(entry);
        for (AbstractInsnNode insn : insns) {
            if (insn instanceof FrameNode frame) {
                addLocal(frame, cells);
            }
        }
        return true;
    }

    /**
     * Removes the interruption checks of a compiled wasm function ({@code func_…}) that are not
     * followed by a jump or a switch (those are the loop back edges).
     */
    private static boolean dropChecksBeforeCalls(MethodNode method) {
        if (!method.name.startsWith("func_")) return false;
        List<AbstractInsnNode> drop = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call
                    && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.endsWith("Shaded")
                    && call.name.equals("checkInterruption")
                    && call.desc.equals("()V")) {
                AbstractInsnNode next = call.getNext();
                while (next != null && next.getOpcode() < 0) next = next.getNext(); // labels, frames, lines
                int op = next == null ? -1 : next.getOpcode();
                if (op != Opcodes.GOTO && op != Opcodes.TABLESWITCH && op != Opcodes.LOOKUPSWITCH) {
                    drop.add(call);
                }
            }
        }
        // a nop rather than nothing: no two stack map frames may fall on one offset
        drop.forEach(call -> method.instructions.set(call, new InsnNode(Opcodes.NOP)));
        return !drop.isEmpty();
    }

    private static boolean rewriteComparisons(MethodNode method) {
        boolean changed = false;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call
                    && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.endsWith("Shaded")
                    && call.name.equals("i32_ge_u")
                    && call.desc.equals("(II)I")) {
                call.owner = OPS;
                call.name = "i32GeU";
                changed = true;
            }
        }
        return changed;
    }

    private static boolean rewriteMemoryInit(MethodNode method) {
        if ((method.access & Opcodes.ACC_STATIC) == 0) return false;
        int instanceSlot = slotOf(method.desc, INSTANCE);
        if (instanceSlot < 0) return false;
        boolean changed = false;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call
                    && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.endsWith("Shaded")
                    && call.name.equals("memoryInit")
                    && call.desc.equals("(IIII" + MEMORY + ")V")) {
                method.instructions.insertBefore(call, new VarInsnNode(Opcodes.ALOAD, instanceSlot));
                call.owner = OPS;
                call.desc = "(IIII" + MEMORY + INSTANCE + ")V";
                changed = true;
            }
        }
        return changed;
    }

    /** Declares the cells local (slot {@code slot}, a {@code long[]}) in an expanded frame. */
    private static void addLocal(FrameNode frame, int slot) {
        if (frame.type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames are expected expanded");
        }
        List<Object> locals = frame.local == null ? new ArrayList<>() : new ArrayList<>(frame.local);
        int slots = 0;
        for (Object local : locals) {
            slots += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
        }
        while (slots < slot) {
            locals.add(Opcodes.TOP);
            slots++;
        }
        locals.add("[J");
        frame.local = locals;
    }

    private static boolean isGlobalAccess(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.endsWith("Shaded")
                && (call.name.equals("readGlobal") && call.desc.equals(READ)
                        || call.name.equals("writeGlobal") && call.desc.equals(WRITE));
    }

    /** The int an instruction pushes, if it pushes a non-negative constant; -1 otherwise. */
    private static int constant(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_0 && op <= Opcodes.ICONST_5) return op - Opcodes.ICONST_0;
        if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && insn instanceof IntInsnNode i)
            return Math.max(i.operand, -1);
        if (op == Opcodes.LDC && insn instanceof LdcInsnNode l && l.cst instanceof Integer i) return Math.max(i, -1);
        return -1;
    }

    /** The local slot of a static method's last {@code Memory} parameter, or -1. */
    private static int memorySlot(String desc) {
        return slotOf(desc, MEMORY);
    }

    /** The local slot of the (last) parameter of type {@code descriptor}, or -1. */
    private static int slotOf(String desc, String descriptor) {
        int slot = 0;
        int found = -1;
        for (Type arg : Type.getArgumentTypes(desc)) {
            if (arg.getDescriptor().equals(descriptor)) found = slot;
            slot += arg.getSize();
        }
        return found;
    }
}
