package dev.wit4j.runtime.abi;

/** The {@code string-encoding} canonical option (CanonicalABI.md "Canonical ABI Options"). */
public enum StringEncoding {
    /** UTF-8; lengths count bytes. The default. */
    UTF8("utf8"),
    /** UTF-16 little-endian; lengths count 16-bit code units, data is 2-byte aligned. */
    UTF16("utf16"),
    /**
     * Latin-1 or UTF-16, chosen per string: the high bit of the length ({@link StringCodec#UTF16_TAG})
     * is set when the string is UTF-16. Data is 2-byte aligned.
     */
    LATIN1_UTF16("latin1+utf16");

    private final String witName;

    StringEncoding(String witName) {
        this.witName = witName;
    }

    /** The spelling used in the text format, e.g. {@code latin1+utf16}. */
    public String witName() {
        return witName;
    }
}
