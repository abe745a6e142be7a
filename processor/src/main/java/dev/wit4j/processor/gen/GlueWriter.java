package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import dev.wit4j.processor.model.TypeModel;
import java.util.Map;

/**
 * What {@link Lifting} and {@link Lowering} share: the world's types, their layouts, how handles
 * are reached, and the {@link DirectGlue}'s temporary names and helper methods.
 */
abstract class GlueWriter {

    private final DirectGlue glue;
    final Map<ClassName, TypeModel> types;
    final AbiLayout layout;
    final DirectGlue.Handles handles;

    GlueWriter(DirectGlue glue, Map<ClassName, TypeModel> types, AbiLayout layout, DirectGlue.Handles handles) {
        this.glue = glue;
        this.types = types;
        this.layout = layout;
        this.handles = handles;
    }

    /** A temporary name not yet used in the current method body. */
    final String fresh(String prefix) {
        return glue.fresh(prefix);
    }

    /** The name of the helper {@code kind} of {@code type}, generated later by the glue. */
    final String helper(String kind, ClassName type) {
        return glue.helper(kind, type);
    }
}
