package dev.wit4j.binary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes the model of this package back into a binary.
 *
 * <p>Everything is written in the canonical form wasm-tools uses (minimal LEB128, short reference
 * types, ...), except where the model records that the input did otherwise (padded section sizes,
 * the legacy {@code 0x01} name form, long-form reference types, explicit sub types), so that
 * decoding and re-encoding a binary reproduces it byte for byte. Custom sections and core modules
 * are written back from their raw bytes. No validation is done: a model that was decoded can
 * always be encoded, and so can a hand-built one.
 */
public final class ComponentEncoder {

    private static final byte[] COMPONENT_PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    private ComponentEncoder() {}

    /**
     * Encodes a component, or returns a copy of a core module's bytes. A section size recorded as
     * padded is padded again if the contents still fit that width, else written minimally.
     */
    public static byte[] encode(WasmBinary binary) {
        Objects.requireNonNull(binary, "binary");
        if (binary instanceof CoreModuleBinary m) {
            return m.bytes().toByteArray();
        }
        BinaryWriter w = new BinaryWriter();
        component(w, (Component) binary);
        return w.toByteArray();
    }

    private static void component(BinaryWriter w, Component c) {
        w.bytes(COMPONENT_PREAMBLE);
        for (Section s : c.sections()) {
            BinaryWriter body = new BinaryWriter();
            section(body, s);
            // A padded size is kept when it still fits; otherwise the minimal size is used.
            w.u8(s.id()).uleb(body.size(), s.sizeLebWidth()).bytes(body);
        }
    }

    private static void section(BinaryWriter w, Section section) {
        if (section instanceof Section.Custom s) {
            w.string(s.custom().name())
                    .bytes(
                            s.custom().data().array(),
                            s.custom().data().offset(),
                            s.custom().data().length());
        } else if (section instanceof Section.ModuleSection s) {
            w.bytes(
                    s.module().bytes().array(),
                    s.module().bytes().offset(),
                    s.module().bytes().length());
        } else if (section instanceof Section.CoreInstanceSection s) {
            vec(w, s.instances(), ComponentEncoder::coreInstance);
        } else if (section instanceof Section.CoreTypeSection s) {
            vec(w, s.types(), ComponentEncoder::coreType);
        } else if (section instanceof Section.ComponentSection s) {
            component(w, s.component());
        } else if (section instanceof Section.InstanceSection s) {
            vec(w, s.instances(), ComponentEncoder::instance);
        } else if (section instanceof Section.AliasSection s) {
            vec(w, s.aliases(), ComponentEncoder::alias);
        } else if (section instanceof Section.TypeSection s) {
            vec(w, s.types(), ComponentEncoder::defType);
        } else if (section instanceof Section.CanonSection s) {
            vec(w, s.canons(), ComponentEncoder::canon);
        } else if (section instanceof Section.StartSection s) {
            w.uleb(s.funcIndex());
            vec(w, s.args(), BinaryWriter::uleb);
            w.uleb(s.results());
        } else if (section instanceof Section.ImportSection s) {
            vec(w, s.imports(), (x, i) -> {
                externName(x, i.name());
                externType(x, i.type());
            });
        } else if (section instanceof Section.ExportSection s) {
            vec(w, s.exports(), ComponentEncoder::export);
        } else if (section instanceof Section.ValueSection s) {
            vec(w, s.values(), (x, v) -> {
                valType(x, v.type());
                x.uleb(v.data().length())
                        .bytes(v.data().array(), v.data().offset(), v.data().length());
            });
        } else {
            throw new AssertionError(section);
        }
    }

    private interface ItemWriter<T> {
        void write(BinaryWriter w, T item);
    }

    private static <T> void vec(BinaryWriter w, List<T> items, ItemWriter<? super T> item) {
        w.uleb(items.size());
        for (T t : items) {
            item.write(w, t);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Instances and aliases

    private static void coreInstance(BinaryWriter w, CoreInstance i) {
        if (i instanceof CoreInstance.Instantiate x) {
            w.u8(0x00).uleb(x.moduleIndex());
            vec(w, x.args(), (y, a) -> y.string(a.name()).u8(0x12).uleb(a.instanceIndex()));
        } else {
            CoreInstance.FromExports x = (CoreInstance.FromExports) i;
            w.u8(0x01);
            vec(w, x.exports(), (y, e) -> y.string(e.name()).u8(e.sort().code()).uleb(e.index()));
        }
    }

    private static void instance(BinaryWriter w, Instance i) {
        if (i instanceof Instance.Instantiate x) {
            w.u8(0x00).uleb(x.componentIndex());
            vec(w, x.args(), (y, a) -> {
                y.string(a.name());
                sortIdx(y, a.target());
            });
        } else {
            Instance.FromExports x = (Instance.FromExports) i;
            w.u8(0x01);
            vec(w, x.exports(), (y, e) -> {
                externName(y, e.name());
                sortIdx(y, e.target());
            });
        }
    }

    private static void sort(BinaryWriter w, Sort s) {
        w.u8(s.code());
        if (s.isCore()) {
            w.u8(s.coreSort().code());
        }
    }

    private static void sortIdx(BinaryWriter w, SortIdx s) {
        sort(w, s.sort());
        w.uleb(s.index());
    }

    private static void alias(BinaryWriter w, Alias a) {
        sort(w, a.sort());
        if (a instanceof Alias.InstanceExport x) {
            w.u8(0x00).uleb(x.instanceIndex()).string(x.name());
        } else if (a instanceof Alias.CoreInstanceExport x) {
            w.u8(0x01).uleb(x.instanceIndex()).string(x.name());
        } else {
            Alias.Outer x = (Alias.Outer) a;
            w.u8(0x02).uleb(x.count()).uleb(x.index());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Core types

    private static void coreType(BinaryWriter w, CoreType t) {
        if (t instanceof CoreType.Module m) {
            w.u8(0x50);
            vec(w, m.decls(), ComponentEncoder::moduleDecl);
            return;
        }
        CoreRecGroup g = (CoreRecGroup) t;
        // Binary.md: at this position a lone non-final sub type is prefixed with 0x00, since a
        // bare 0x50 means a module type.
        if (!g.explicit()
                && !g.types().get(0).abbreviated()
                && !g.types().get(0).isFinal()) {
            w.u8(0x00);
        }
        recGroup(w, g);
    }

    private static void recGroup(BinaryWriter w, CoreRecGroup g) {
        if (g.explicit()) {
            w.u8(0x4e);
            vec(w, g.types(), ComponentEncoder::subType);
        } else {
            subType(w, g.types().get(0));
        }
    }

    private static void subType(BinaryWriter w, CoreSubType s) {
        if (!s.abbreviated()) {
            w.u8(s.isFinal() ? 0x4f : 0x50);
            vec(w, s.supertypes(), BinaryWriter::uleb);
        }
        compositeType(w, s.composite());
    }

    private static void compositeType(BinaryWriter w, CoreCompositeType c) {
        if (c.shared()) {
            w.u8(0x65);
        }
        if (c.describes().isPresent()) {
            w.u8(0x4c).uleb(c.describes().getAsLong());
        }
        if (c.descriptor().isPresent()) {
            w.u8(0x4d).uleb(c.descriptor().getAsLong());
        }
        CoreCompositeType.Body body = c.body();
        if (body instanceof CoreCompositeType.Func f) {
            w.u8(0x60);
            vec(w, f.params(), ComponentEncoder::coreValType);
            vec(w, f.results(), ComponentEncoder::coreValType);
        } else if (body instanceof CoreCompositeType.Array a) {
            w.u8(0x5e);
            fieldType(w, a.element());
        } else if (body instanceof CoreCompositeType.Struct s) {
            w.u8(0x5f);
            vec(w, s.fields(), ComponentEncoder::fieldType);
        } else {
            w.u8(0x5d).sleb(((CoreCompositeType.Cont) body).typeIndex());
        }
    }

    private static void fieldType(BinaryWriter w, CoreFieldType f) {
        if (f.storage() instanceof CoreStorageType.Packed p) {
            w.u8(p.code());
        } else {
            coreValType(w, (CoreValueType) f.storage());
        }
        w.bool(f.mutable());
    }

    private static void coreValType(BinaryWriter w, CoreValueType t) {
        if (t instanceof CoreValueType.Num n) {
            w.u8(n.code());
        } else {
            refType(w, (CoreValueType.Ref) t);
        }
    }

    private static void refType(BinaryWriter w, CoreValueType.Ref r) {
        if (r.shorthand()) {
            heapType(w, r.heapType());
        } else {
            w.u8(r.nullable() ? 0x63 : 0x64);
            heapType(w, r.heapType());
        }
    }

    private static void heapType(BinaryWriter w, CoreHeapType h) {
        if (h instanceof CoreHeapType.Abstract a) {
            if (a.shared()) {
                w.u8(0x65);
            }
            w.u8(a.kind().code());
        } else if (h instanceof CoreHeapType.Concrete c) {
            w.sleb(c.typeIndex());
        } else {
            w.u8(0x62).uleb(((CoreHeapType.Exact) h).typeIndex());
        }
    }

    private static void moduleDecl(BinaryWriter w, ModuleDecl d) {
        if (d instanceof ModuleDecl.Import i) {
            w.u8(0x00).string(i.module()).string(i.name());
            typeRef(w, i.type());
        } else if (d instanceof ModuleDecl.Type t) {
            w.u8(0x01);
            recGroup(w, t.type());
        } else if (d instanceof ModuleDecl.OuterAlias a) {
            w.u8(0x02).u8(0x10).u8(0x01).uleb(a.count()).uleb(a.index());
        } else {
            ModuleDecl.Export e = (ModuleDecl.Export) d;
            w.u8(0x03).string(e.name());
            typeRef(w, e.type());
        }
    }

    private static void typeRef(BinaryWriter w, CoreTypeRef t) {
        if (t instanceof CoreTypeRef.Func f) {
            w.u8(0x00).uleb(f.typeIndex());
        } else if (t instanceof CoreTypeRef.FuncExact f) {
            w.u8(0x20).uleb(f.typeIndex());
        } else if (t instanceof CoreTypeRef.Table x) {
            w.u8(0x01);
            refType(w, x.element());
            int flags = (x.maximum().isPresent() ? 1 : 0) | (x.shared() ? 2 : 0) | (x.table64() ? 4 : 0);
            w.u8(flags).uleb(x.initial());
            x.maximum().ifPresent(w::uleb);
        } else if (t instanceof CoreTypeRef.Memory x) {
            w.u8(0x02);
            int flags = (x.maximum().isPresent() ? 1 : 0)
                    | (x.shared() ? 2 : 0)
                    | (x.memory64() ? 4 : 0)
                    | (x.pageSizeLog2().isPresent() ? 8 : 0);
            w.u8(flags).uleb(x.initial());
            x.maximum().ifPresent(w::uleb);
            x.pageSizeLog2().ifPresent(w::uleb);
        } else if (t instanceof CoreTypeRef.Global x) {
            w.u8(0x03);
            coreValType(w, x.type());
            w.u8((x.mutable() ? 1 : 0) | (x.shared() ? 2 : 0));
        } else {
            w.u8(0x04).u8(0x00).uleb(((CoreTypeRef.Tag) t).typeIndex());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Component types

    private static void defType(BinaryWriter w, DefType t) {
        if (t instanceof DefType.ResourceType r) {
            w.u8(0x3f);
            coreValType(w, r.rep());
            if (r.dtor().isPresent()) {
                w.u8(0x01).uleb(r.dtor().getAsLong());
            } else {
                w.u8(0x00);
            }
        } else if (t instanceof DefType.FuncType f) {
            w.u8(f.async() ? 0x43 : 0x40);
            vec(w, f.params(), ComponentEncoder::labeledType);
            resultList(w, f.result());
        } else if (t instanceof DefType.ComponentType c) {
            w.u8(0x41);
            vec(w, c.decls(), ComponentEncoder::componentDecl);
        } else if (t instanceof DefType.InstanceType i) {
            w.u8(0x42);
            vec(w, i.decls(), ComponentEncoder::instanceDecl);
        } else {
            defValType(w, (DefValType) t);
        }
    }

    private static void resultList(BinaryWriter w, Optional<ComponentValType> result) {
        if (result.isPresent()) {
            w.u8(0x00);
            valType(w, result.get());
        } else {
            w.u8(0x01).u8(0x00);
        }
    }

    private static void defValType(BinaryWriter w, DefValType t) {
        if (t instanceof DefValType.PrimitiveType p) {
            w.u8(p.type().code());
        } else if (t instanceof DefValType.RecordType r) {
            w.u8(0x72);
            vec(w, r.fields(), ComponentEncoder::labeledType);
        } else if (t instanceof DefValType.VariantType v) {
            w.u8(0x71);
            vec(w, v.cases(), (x, c) -> {
                x.string(c.label());
                optionalValType(x, c.type());
                x.u8(0x00);
            });
        } else if (t instanceof DefValType.ListType l) {
            w.u8(0x70);
            valType(w, l.element());
        } else if (t instanceof DefValType.FixedListType l) {
            w.u8(0x67);
            valType(w, l.element());
            w.uleb(l.length());
        } else if (t instanceof DefValType.TupleType u) {
            w.u8(0x6f);
            vec(w, u.types(), ComponentEncoder::valType);
        } else if (t instanceof DefValType.FlagsType f) {
            w.u8(0x6e);
            vec(w, f.labels(), BinaryWriter::string);
        } else if (t instanceof DefValType.EnumType e) {
            w.u8(0x6d);
            vec(w, e.labels(), BinaryWriter::string);
        } else if (t instanceof DefValType.OptionType o) {
            w.u8(0x6b);
            valType(w, o.type());
        } else if (t instanceof DefValType.ResultType r) {
            w.u8(0x6a);
            optionalValType(w, r.ok());
            optionalValType(w, r.error());
        } else if (t instanceof DefValType.OwnType o) {
            w.u8(0x69).uleb(o.typeIndex());
        } else if (t instanceof DefValType.BorrowType b) {
            w.u8(0x68).uleb(b.typeIndex());
        } else if (t instanceof DefValType.StreamType s) {
            w.u8(0x66);
            optionalValType(w, s.element());
        } else if (t instanceof DefValType.FutureType f) {
            w.u8(0x65);
            optionalValType(w, f.element());
        } else {
            DefValType.MapType m = (DefValType.MapType) t;
            w.u8(0x63);
            valType(w, m.key());
            valType(w, m.value());
        }
    }

    private static void labeledType(BinaryWriter w, DefType.LabeledType l) {
        w.string(l.label());
        valType(w, l.type());
    }

    private static void optionalValType(BinaryWriter w, Optional<ComponentValType> t) {
        if (t.isPresent()) {
            w.u8(0x01);
            valType(w, t.get());
        } else {
            w.u8(0x00);
        }
    }

    private static void valType(BinaryWriter w, ComponentValType t) {
        if (t instanceof PrimValType p) {
            w.u8(p.code());
            return;
        }
        long index = ((ComponentValType.Indexed) t).typeIndex();
        // The decoder wraps a negative one-byte s33 (a stray opcode byte) into a u32 near 2^32;
        // writing it back as that negative number keeps such binaries byte-identical.
        w.sleb(index >= 0xffff_ffc0L ? index - 0x1_0000_0000L : index);
    }

    private static void componentDecl(BinaryWriter w, ComponentDecl d) {
        if (d instanceof ComponentDecl.ImportDecl i) {
            w.u8(0x03);
            externName(w, i.name());
            externType(w, i.type());
        } else {
            instanceDecl(w, (InstanceDecl) d);
        }
    }

    private static void instanceDecl(BinaryWriter w, InstanceDecl d) {
        if (d instanceof InstanceDecl.CoreTypeDecl c) {
            w.u8(0x00);
            coreType(w, c.type());
        } else if (d instanceof InstanceDecl.TypeDecl t) {
            w.u8(0x01);
            defType(w, t.type());
        } else if (d instanceof InstanceDecl.AliasDecl a) {
            w.u8(0x02);
            alias(w, a.alias());
        } else {
            InstanceDecl.ExportDecl e = (InstanceDecl.ExportDecl) d;
            w.u8(0x04);
            externName(w, e.name());
            externType(w, e.type());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Imports and exports

    private static void externName(BinaryWriter w, ExternName n) {
        w.u8(n.form()).string(n.name());
        if (n.form() == 0x02) {
            vec(w, n.attributes(), (x, a) -> {
                if (a instanceof ExternName.Attribute.Implements i) {
                    x.u8(0x00).string(i.interfaceName());
                } else if (a instanceof ExternName.Attribute.VersionSuffix v) {
                    x.u8(0x01).string(v.suffix());
                } else {
                    x.u8(0x02).string(((ExternName.Attribute.ExternalId) a).id());
                }
            });
        }
    }

    private static void externType(BinaryWriter w, ExternType t) {
        sort(w, t.sort());
        if (t instanceof ExternType.Module m) {
            w.uleb(m.coreTypeIndex());
        } else if (t instanceof ExternType.Func f) {
            w.uleb(f.typeIndex());
        } else if (t instanceof ExternType.Value v) {
            if (v.bound() instanceof ExternType.ValueBound.Eq e) {
                w.u8(0x00).uleb(e.valueIndex());
            } else {
                w.u8(0x01);
                valType(w, ((ExternType.ValueBound.OfType) v.bound()).type());
            }
        } else if (t instanceof ExternType.Type ty) {
            if (ty.bound() instanceof ExternType.TypeBound.Eq e) {
                w.u8(0x00).uleb(e.typeIndex());
            } else {
                w.u8(0x01);
            }
        } else if (t instanceof ExternType.Component c) {
            w.uleb(c.typeIndex());
        } else {
            w.uleb(((ExternType.Instance) t).typeIndex());
        }
    }

    private static void export(BinaryWriter w, Export e) {
        externName(w, e.name());
        sortIdx(w, e.target());
        if (e.type().isPresent()) {
            w.u8(0x01);
            externType(w, e.type().get());
        } else {
            w.u8(0x00);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Canonical definitions

    private static void canon(BinaryWriter w, Canon c) {
        w.u8(c.opcode());
        if (c instanceof Canon.Lift x) {
            w.u8(0x00).uleb(x.coreFuncIndex());
            options(w, x.options());
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.Lower x) {
            w.u8(0x00).uleb(x.funcIndex());
            options(w, x.options());
        } else if (c instanceof Canon.ResourceNew x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.ResourceDrop x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.ResourceRep x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.TaskReturn x) {
            resultList(w, x.result());
            options(w, x.options());
        } else if (c instanceof Canon.ContextGet x) {
            coreValType(w, x.type());
            w.uleb(x.slot());
        } else if (c instanceof Canon.ContextSet x) {
            coreValType(w, x.type());
            w.uleb(x.slot());
        } else if (c instanceof Canon.SubtaskCancel x) {
            w.bool(x.async());
        } else if (c instanceof Canon.StreamNew x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.StreamRead x) {
            w.uleb(x.typeIndex());
            options(w, x.options());
        } else if (c instanceof Canon.StreamWrite x) {
            w.uleb(x.typeIndex());
            options(w, x.options());
        } else if (c instanceof Canon.StreamCancelRead x) {
            w.uleb(x.typeIndex()).bool(x.async());
        } else if (c instanceof Canon.StreamCancelWrite x) {
            w.uleb(x.typeIndex()).bool(x.async());
        } else if (c instanceof Canon.StreamDropReadable x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.StreamDropWritable x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.FutureNew x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.FutureRead x) {
            w.uleb(x.typeIndex());
            options(w, x.options());
        } else if (c instanceof Canon.FutureWrite x) {
            w.uleb(x.typeIndex());
            options(w, x.options());
        } else if (c instanceof Canon.FutureCancelRead x) {
            w.uleb(x.typeIndex()).bool(x.async());
        } else if (c instanceof Canon.FutureCancelWrite x) {
            w.uleb(x.typeIndex()).bool(x.async());
        } else if (c instanceof Canon.FutureDropReadable x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.FutureDropWritable x) {
            w.uleb(x.typeIndex());
        } else if (c instanceof Canon.ErrorContextNew x) {
            options(w, x.options());
        } else if (c instanceof Canon.ErrorContextDebugMessage x) {
            options(w, x.options());
        } else if (c instanceof Canon.WaitableSetWait x) {
            w.bool(x.cancellable()).uleb(x.memoryIndex());
        } else if (c instanceof Canon.WaitableSetPoll x) {
            w.bool(x.cancellable()).uleb(x.memoryIndex());
        } else if (c instanceof Canon.ThreadNewIndirect x) {
            w.uleb(x.coreTypeIndex()).uleb(x.tableIndex());
        } else if (c instanceof Canon.ThreadSuspend x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadYield x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadSuspendThenResume x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadYieldThenResume x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadSuspendThenPromote x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadYieldThenPromote x) {
            w.bool(x.cancellable());
        } else if (c instanceof Canon.ThreadSpawnRef x) {
            w.bool(x.shared()).uleb(x.coreTypeIndex());
        } else if (c instanceof Canon.ThreadSpawnIndirect x) {
            w.bool(x.shared()).uleb(x.coreTypeIndex()).uleb(x.tableIndex());
        } else if (c instanceof Canon.ThreadAvailableParallelism x) {
            w.bool(x.shared());
        }
        // The remaining built-ins (backpressure.*, task.cancel, subtask.drop, error-context.drop,
        // waitable-set.new/drop, waitable.join, thread.index, thread.resume-later) have no
        // immediates beyond their opcode.
    }

    private static void options(BinaryWriter w, List<CanonOpt> options) {
        vec(w, options, (x, o) -> {
            if (o instanceof CanonOpt.StringEncoding s) {
                x.u8(s.encoding().code());
            } else if (o instanceof CanonOpt.Memory m) {
                x.u8(0x03).uleb(m.memoryIndex());
            } else if (o instanceof CanonOpt.Realloc r) {
                x.u8(0x04).uleb(r.funcIndex());
            } else if (o instanceof CanonOpt.PostReturn p) {
                x.u8(0x05).uleb(p.funcIndex());
            } else if (o instanceof CanonOpt.Async) {
                x.u8(0x06);
            } else if (o instanceof CanonOpt.Callback cb) {
                x.u8(0x07).uleb(cb.funcIndex());
            } else if (o instanceof CanonOpt.CoreType t) {
                x.u8(0x08).uleb(t.typeIndex());
            } else {
                x.u8(0x09);
            }
        });
    }
}
