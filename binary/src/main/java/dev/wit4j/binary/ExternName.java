package dev.wit4j.binary;

import java.util.List;

/**
 * A {@code nameattributes}: an import/export name and its attributes (Binary.md, "Import and
 * Export Definitions"). Name syntax (kebab-case, interface names, uniqueness) and duplicate
 * attributes are validation matters; the decoder only checks bytes and UTF-8.
 *
 * @param offset absolute offset of the leading byte
 * @param form the leading byte: {@code 0x00} (plain), {@code 0x01} (legacy, same meaning, still
 *     accepted) or {@code 0x02} (with an attribute vector, possibly empty); kept so that the
 *     encoder reproduces the input
 * @param name the {@code externname}
 * @param attributes the attributes in input order; always empty unless {@code form} is {@code 2}
 */
public record ExternName(long offset, int form, String name, List<Attribute> attributes) {

    public ExternName {
        attributes = List.copyOf(attributes);
        if (form < 0 || form > 2 || (form != 2 && !attributes.isEmpty())) {
            throw new IllegalArgumentException("bad extern name form " + form);
        }
    }

    /** A plain name, written with the {@code 0x00} form. */
    public static ExternName of(String name) {
        return new ExternName(-1, 0, name, List.of());
    }

    /** An {@code attribute} of an extern name. */
    public sealed interface Attribute {

        /** Absolute offset of the attribute's leading byte. */
        long offset();

        /** {@code 0x00 len:<u32> in:<interfacename>}: {@code (implements "in")} (🏷️). */
        record Implements(long offset, String interfaceName) implements Attribute {}

        /** {@code 0x01 len:<u32> vs:<semversuffix>}: {@code (versionsuffix "vs")} (🔗). */
        record VersionSuffix(long offset, String suffix) implements Attribute {}

        /** {@code 0x02 n:<name>}: {@code (external-id n)} (🏷️). */
        record ExternalId(long offset, String id) implements Attribute {}
    }
}
