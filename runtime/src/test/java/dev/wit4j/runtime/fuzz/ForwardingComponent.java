package dev.wit4j.runtime.fuzz;

import dev.wit4j.runtime.fuzz.AbiRandom.Function;
import dev.wit4j.runtime.fuzz.AbiRandom.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a component whose exports forward their arguments to host imports of the same type
 * and return what those return (wasmtime's {@code component_api} fuzz target does the same). For
 * function {@code fN} it imports the named types it uses as {@code fN-tK} (with an equality bound:
 * Explainer.md requires records, variants, enums and flags in an import's or export's type to be
 * named), the function {@code host-fN}, and exports {@code run-fN}.
 *
 * <p>The core code does not look at the values: the lifted export and the lowered import have the
 * same core parameters (flat values, or one pointer to them once there are more than 16), so the
 * export passes them on as they came; when the result takes more than one flat value, the export
 * allocates the space the import writes it to and returns its address. Strings and lists stay
 * where the host put them while lowering the arguments. A bump allocator serves {@code realloc}
 * (growing memory as needed, copying on reallocation), and each export's {@code post-return}
 * frees everything, so memory does not fill up over many calls. Memory and allocator live in a
 * module of their own, instantiated first, because lowering the imports needs them before the
 * module that calls the imports can be instantiated.
 *
 * <p>A corruptible component also exports {@code corrupt: func(target: u32, offset: u32, mask:
 * u32)}, which makes every later call damage what it passes on, by XOR with {@code mask}: target
 * 1 the core parameter number {@code offset}, 2 a byte of the memory the call's values occupy
 * (the byte {@code offset} modulo their extent) before calling the import, 3 the flat result, 4 a
 * byte of that memory after the import returned (when the result and what it points to are
 * there); 0 nothing.
 */
public final class ForwardingComponent {

    /** The {@code string-encoding} canonical options. */
    public enum Encoding {
        UTF8("utf8"),
        UTF16("utf16"),
        LATIN1_UTF16("latin1+utf16");

        public final String text;

        Encoding(String text) {
            this.text = text;
        }
    }

    private static final String LIBC = """
              (core module $Libc
                (memory (export "memory") 1)
                (global $bump (mut i32) (i32.const 16))
                (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
                  (local $p i32) (local $end i32) (local $have i32)
                  (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
                                         (i32.sub (i32.const 0) (local.get $align))))
                  (local.set $end (i32.add (local.get $p) (local.get $new_size)))
                  (local.set $have (i32.shl (memory.size) (i32.const 16)))
                  (if (i32.gt_u (local.get $end) (local.get $have))
                    (then (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have))
                                                                       (i32.const 65535)) (i32.const 16)))
                                      (i32.const -1))
                            (then unreachable))))
                  (global.set $bump (local.get $end))
                  (if (local.get $old)
                    (then (memory.copy (local.get $p) (local.get $old)
                            (select (local.get $old_size) (local.get $new_size)
                                    (i32.lt_u (local.get $old_size) (local.get $new_size))))))
                  (local.get $p))
                (func (export "reset") (global.set $bump (i32.const 16)))
                (func (export "used") (result i32) (global.get $bump)))
            """;

    private ForwardingComponent() {}

    /** The component text for {@code functions}, all with strings in {@code encoding}. */
    public static String wat(List<Function> functions, Encoding encoding) {
        return wat(functions, encoding, false);
    }

    /** {@link #wat(List, Encoding)}, and whether the component is corruptible. */
    public static String wat(List<Function> functions, Encoding encoding, boolean corruptible) {
        StringBuilder sb = new StringBuilder("(component\n");
        for (Function f : functions) {
            for (AbiType.Named t : f.definitions()) {
                sb.append("  (type $")
                        .append(t.name())
                        .append("-def ")
                        .append(AbiType.watDefinition(t))
                        .append(")\n");
                sb.append("  (import \"")
                        .append(t.name())
                        .append("\" (type $")
                        .append(t.name())
                        .append(" (eq $")
                        .append(t.name())
                        .append("-def)))\n");
            }
            sb.append("  (import \"host-")
                    .append(f.prefix())
                    .append("\" (func $host-")
                    .append(f.prefix())
                    .append(componentType(f.signature()))
                    .append("))\n");
        }
        sb.append(LIBC);
        sb.append("  (core instance $libc (instantiate $Libc))\n");
        sb.append("  (alias core export $libc \"memory\" (core memory $mem))\n");
        sb.append("  (alias core export $libc \"realloc\" (core func $realloc))\n");
        String options = "(memory $mem) (realloc $realloc) string-encoding=" + encoding.text;
        for (Function f : functions) {
            sb.append("  (core func $lower-")
                    .append(f.prefix())
                    .append(" (canon lower (func $host-")
                    .append(f.prefix())
                    .append(") ")
                    .append(options)
                    .append("))\n");
        }
        sb.append(mainModule(functions, corruptible));
        sb.append(
                "  (core instance $main (instantiate $Main (with \"libc\" (instance $libc)) (with \"host\" (instance");
        for (Function f : functions) {
            sb.append(" (export \"")
                    .append(f.prefix())
                    .append("\" (func $lower-")
                    .append(f.prefix())
                    .append("))");
        }
        sb.append("))))\n");
        for (Function f : functions) {
            sb.append("  (func $run-")
                    .append(f.prefix())
                    .append(componentType(f.signature()))
                    .append(" (canon lift (core func $main \"run-")
                    .append(f.prefix())
                    .append("\") ")
                    .append(options)
                    .append(" (post-return (core func $main \"post-")
                    .append(f.prefix())
                    .append("\"))))\n");
            sb.append("  (export \"run-")
                    .append(f.prefix())
                    .append("\" (func $run-")
                    .append(f.prefix())
                    .append("))\n");
        }
        if (corruptible) {
            sb.append("  (func $corrupt (param \"target\" u32) (param \"offset\" u32) (param \"mask\" u32)"
                    + " (canon lift (core func $main \"corrupt\")))\n");
            sb.append("  (export \"corrupt\" (func $corrupt))\n");
        }
        return sb.append(")\n").toString();
    }

    private static String componentType(Signature s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.params().size(); i++) {
            sb.append(" (param \"p")
                    .append(i)
                    .append("\" ")
                    .append(AbiType.wat(s.params().get(i)))
                    .append(')');
        }
        s.result().ifPresent(r -> sb.append(" (result ").append(AbiType.wat(r)).append(')'));
        return sb.toString();
    }

    /** {@code flatten_functype} for sync functions: the core parameters, the same lifted and lowered. */
    public static List<String> coreParams(Signature s) {
        List<String> flat = AbiType.flat(s.params());
        return flat.size() > 16 ? List.of("i32") : flat;
    }

    /** The core results of the lifted export: the flat result, or a pointer to it. */
    public static List<String> liftResults(Signature s) {
        List<String> flat = s.result().map(AbiType::flat).orElse(List.of());
        return flat.size() > 1 ? List.of("i32") : flat;
    }

    private static final String CORRUPTION = """
                (import "libc" "used" (func $used (result i32)))
                (global $target (mut i32) (i32.const 0))
                (global $offset (mut i32) (i32.const 0))
                (global $mask (mut i32) (i32.const 0))
                (func (export "corrupt") (param i32 i32 i32)
                  (global.set $target (local.get 0)) (global.set $offset (local.get 1)) (global.set $mask (local.get 2)))
                (func $flip (local $used i32) (local $at i32)
                  (local.set $used (call $used))
                  (if (i32.gt_u (local.get $used) (i32.const 16))
                    (then (local.set $at (i32.add (i32.const 16)
                                                  (i32.rem_u (global.get $offset) (i32.sub (local.get $used) (i32.const 16)))))
                          (i32.store8 (local.get $at) (i32.xor (i32.load8_u (local.get $at)) (global.get $mask))))))
            """;

    private static String mainModule(List<Function> functions, boolean corruptible) {
        StringBuilder sb = new StringBuilder("  (core module $Main\n");
        sb.append("    (import \"libc\" \"memory\" (memory 0))\n");
        sb.append("    (import \"libc\" \"realloc\" (func $realloc (param i32 i32 i32 i32) (result i32)))\n");
        sb.append("    (import \"libc\" \"reset\" (func $reset))\n");
        for (Function f : functions) {
            Signature s = f.signature();
            List<String> params = new ArrayList<>(coreParams(s));
            List<String> results = liftResults(s);
            if (s.resultInMemory()) {
                params.add("i32"); // lowered: the caller says where the result goes
            }
            sb.append("    (import \"host\" \"")
                    .append(f.prefix())
                    .append("\" (func $")
                    .append(f.prefix())
                    .append(coreType(params, s.resultInMemory() ? List.of() : results))
                    .append("))\n");
        }
        if (corruptible) {
            sb.append(CORRUPTION);
        }
        for (Function f : functions) {
            Signature s = f.signature();
            List<String> params = coreParams(s);
            List<String> results = liftResults(s);
            boolean flatResult = !results.isEmpty() && !s.resultInMemory();
            sb.append("    (func (export \"run-")
                    .append(f.prefix())
                    .append("\")")
                    .append(coreType(params, results));
            if (s.resultInMemory()) {
                AbiType r = s.result().orElseThrow();
                sb.append(
                                " (local $ret i32)\n      (local.set $ret (call $realloc (i32.const 0) (i32.const 0) (i32.const ")
                        .append(AbiType.alignment(r))
                        .append(") (i32.const ")
                        .append(AbiType.size(r))
                        .append(")))");
            } else if (corruptible && flatResult) {
                sb.append(" (local $res ").append(results.get(0)).append(')');
            }
            if (corruptible) {
                for (int i = 0; i < params.size(); i++) {
                    sb.append(
                                    "\n      (if (i32.and (i32.eq (global.get $target) (i32.const 1)) (i32.eq (global.get $offset) (i32.const ")
                            .append(i)
                            .append("))) (then (local.set ")
                            .append(i)
                            .append(' ')
                            .append(xor(params.get(i), "(local.get " + i + ")"))
                            .append(")))");
                }
                sb.append("\n      (if (i32.eq (global.get $target) (i32.const 2)) (then (call $flip)))");
            }
            sb.append("\n      (call $").append(f.prefix());
            for (int i = 0; i < params.size(); i++) {
                sb.append(" (local.get ").append(i).append(')');
            }
            if (s.resultInMemory()) {
                sb.append(" (local.get $ret))");
            } else {
                sb.append(')');
            }
            if (corruptible) {
                if (flatResult) {
                    sb.append(
                                    "\n      (local.set $res)\n      (if (i32.eq (global.get $target) (i32.const 3)) (then (local.set $res ")
                            .append(xor(results.get(0), "(local.get $res)"))
                            .append(")))");
                }
                sb.append("\n      (if (i32.eq (global.get $target) (i32.const 4)) (then (call $flip)))");
                if (flatResult) {
                    sb.append("\n      (local.get $res)");
                }
            }
            if (s.resultInMemory()) {
                sb.append("\n      (local.get $ret)");
            }
            sb.append(")\n");
            sb.append("    (func (export \"post-")
                    .append(f.prefix())
                    .append("\")")
                    .append(coreType(results, List.of()))
                    .append(" (call $reset))\n");
        }
        return sb.append("  )\n").toString();
    }

    /** {@code value}, of core type {@code type}, XOR the mask (in both halves of a 64-bit value). */
    private static String xor(String type, String value) {
        String mask64 =
                "(i64.or (i64.extend_i32_u (global.get $mask)) (i64.shl (i64.extend_i32_u (global.get $mask)) (i64.const 32)))";
        return switch (type) {
            case "i32" -> "(i32.xor " + value + " (global.get $mask))";
            case "i64" -> "(i64.xor " + value + " " + mask64 + ")";
            case "f32" -> "(f32.reinterpret_i32 (i32.xor (i32.reinterpret_f32 " + value + ") (global.get $mask)))";
            default -> "(f64.reinterpret_i64 (i64.xor (i64.reinterpret_f64 " + value + ") " + mask64 + "))";
        };
    }

    private static String coreType(List<String> params, List<String> results) {
        return (params.isEmpty() ? "" : " (param " + String.join(" ", params) + ")")
                + (results.isEmpty() ? "" : " (result " + String.join(" ", results) + ")");
    }

    /** The function type in WIT, for messages: {@code func(p0: u8, p1: string) -> f0-t0}. */
    public static String witSignature(Signature s) {
        StringBuilder sb = new StringBuilder("func(");
        List<String> params = new ArrayList<>();
        for (int i = 0; i < s.params().size(); i++) {
            params.add("p" + i + ": " + AbiType.wit(s.params().get(i)));
        }
        sb.append(String.join(", ", params)).append(')');
        s.result().ifPresent(r -> sb.append(" -> ").append(AbiType.wit(r)));
        return sb.toString();
    }

    /**
     * The WIT world these functions are the component of: the named types at the world's top level
     * (a component imports them, as {@link #wat} does), {@code host-fN} imported, {@code run-fN}
     * exported.
     */
    public static String witWorld(String name, List<Function> functions) {
        StringBuilder sb = new StringBuilder("world ").append(name).append(" {\n");
        for (Function f : functions) {
            f.definitions()
                    .forEach(t ->
                            sb.append("  ").append(AbiType.witDefinition(t)).append('\n'));
            sb.append("  import host-")
                    .append(f.prefix())
                    .append(": ")
                    .append(witSignature(f.signature()))
                    .append(";\n");
            sb.append("  export run-")
                    .append(f.prefix())
                    .append(": ")
                    .append(witSignature(f.signature()))
                    .append(";\n");
        }
        return sb.append("}\n").toString();
    }
}
