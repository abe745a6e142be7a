package dev.wit4j.binary;

import java.util.List;

/**
 * A {@code core:type} in a component's core type section or in a type declarator (Binary.md,
 * "Type Definitions"): either a core rec group ({@link CoreRecGroup}; a plain function type is an
 * implicit rec group of one final sub type) or a core module type.
 *
 * <p>The {@code 0x50} opcode is shared by {@code core:moduletype} and a non-final
 * {@code core:subtype}; at this position a non-final sub type is written {@code 0x00 0x50}. The
 * encoder adds the {@code 0x00} prefix itself whenever an implicit rec group holds a non-abbreviated
 * non-final sub type.
 */
public sealed interface CoreType permits CoreRecGroup, CoreType.Module {

    /** Absolute offset of the type's first byte. */
    long offset();

    /** {@code 0x50 md*:vec(<core:moduledecl>)}: {@code (module md*)}. */
    record Module(long offset, List<ModuleDecl> decls) implements CoreType {
        public Module {
            decls = List.copyOf(decls);
        }
    }
}
