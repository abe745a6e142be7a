package dev.wit4j.runtime.internal.engine.split;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a function of the splitter's tree back to the binary format: numbers its locals, writes
 * their declarations, and turns every label reference into a relative depth.
 */
final class BodyEncoder {

    private final TypeTable types;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Node.Block> labels = new ArrayList<>();
    private Func func;

    BodyEncoder(TypeTable types) {
        this.types = types;
    }

    /** The function's code entry without its size: local declarations, then the body. */
    byte[] encode(Func f) {
        func = f;
        out.reset();
        labels.clear();
        int index = 0;
        for (Local p : f.params) p.index = index++;
        for (Local l : f.locals) l.index = index++;
        List<int[]> groups = new ArrayList<>(); // [first local, count]
        for (int i = 0; i < f.locals.size(); i++) {
            if (!groups.isEmpty()
                    && f.locals.get(groups.get(groups.size() - 1)[0]).type.equals(f.locals.get(i).type)) {
                groups.get(groups.size() - 1)[1]++;
            } else {
                groups.add(new int[] {i, 1});
            }
        }
        Bytes.u32(out, groups.size());
        for (int[] g : groups) {
            Bytes.u32(out, g[1]);
            out.writeBytes(f.locals.get(g[0]).type.encoding());
        }
        labels.add(f.root);
        f.root.depth = 0;
        sequence(f.root.body);
        out.write(0x0B);
        return out.toByteArray();
    }

    private void sequence(List<Node> nodes) {
        for (Node n : nodes) {
            node(n);
        }
    }

    private void node(Node n) {
        if (n instanceof Node.Op op) {
            out.writeBytes(op.code);
        } else if (n instanceof Node.LocalOp l) {
            out.write(l.opcode);
            Bytes.u32(out, l.local.index);
        } else if (n instanceof Node.Branch b) {
            branch(b);
        } else {
            block((Node.Block) n);
        }
    }

    private void branch(Node.Branch b) {
        if (b.opcode == Node.Branch.RETURN) {
            if (b.targets[0] != func.root) throw new IllegalStateException("return to a block");
            out.write(0x0F);
            return;
        }
        if (b.opcode > 0xFF) throw new IllegalStateException("opcode");
        out.write(b.opcode);
        if (b.opcode == Node.Branch.BR_TABLE) {
            Bytes.u32(out, b.targets.length - 1);
        }
        for (Node.Block target : b.targets) {
            Bytes.u32(out, depth(target, labels.size()));
        }
    }

    /** The relative depth of {@code target} from inside the innermost of the first {@code open} labels. */
    private int depth(Node.Block target, int open) {
        int at = target.depth;
        if (at < 0 || at >= open || labels.get(at) != target) {
            throw new IllegalStateException("branch to a label that does not enclose it");
        }
        return open - 1 - at;
    }

    private void block(Node.Block b) {
        out.write(b.opcode);
        out.writeBytes(b.blockType != null ? b.blockType : types.blockType(b.type));
        if (b.opcode == Node.Block.TRY_TABLE) {
            Bytes.u32(out, b.catches.size());
            for (Node.Catch c : b.catches) {
                out.write(c.kind);
                if (c.kind == 0 || c.kind == 1) Bytes.u32(out, c.tag);
                Bytes.u32(out, depth(c.target, labels.size()));
            }
        }
        b.depth = labels.size();
        labels.add(b);
        sequence(b.body);
        if (b.elseBody != null) {
            out.write(0x05);
            sequence(b.elseBody);
        }
        out.write(0x0B);
        labels.remove(labels.size() - 1);
    }
}
