package dev.wit4j.processor.gen;

import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.TypeModel;

/**
 * WIT {@code flags} → Java enum with one constant per flag; signatures use {@code Set<E>} (pass an
 * {@link java.util.EnumSet}).
 */
public final class FlagsGenerator {
    private FlagsGenerator() {}

    public static TypeSpec generate(TypeModel.FlagsModel f) {
        Javadocs doc = Javadocs.of(f.docs())
                .paragraph("WIT flags {@code " + f.witName()
                        + "}: a value is a {@code Set} of these constants, typically an {@link java.util.EnumSet}.");
        return EnumGenerator.build(f, doc, f.flags());
    }
}
