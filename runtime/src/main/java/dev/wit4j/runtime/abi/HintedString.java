package dev.wit4j.runtime.abi;

import java.util.Objects;

/**
 * A string together with the encoding it came from and its length in that encoding's (tagged) code
 * units: the {@code String = tuple[str, str, int]} of CanonicalABI.md "Loading". Storing uses the
 * hint to choose allocation sizes up front, so that a string crossing between components is
 * allocated exactly as the spec prescribes.
 *
 * <p>The hint must be accurate: {@code taggedCodeUnits} is the byte length for UTF-8, the number
 * of 16-bit code units for UTF-16 and, for {@code latin1+utf16}, the number of Latin-1 bytes or the
 * number of UTF-16 code units with {@link StringCodec#UTF16_TAG} set.
 *
 * @param text the string; it has no unpaired surrogates
 * @param encoding the encoding the string was loaded from (or is pretended to be in)
 * @param taggedCodeUnits its length in code units of that encoding, tagged for latin1+utf16
 */
public record HintedString(String text, StringEncoding encoding, long taggedCodeUnits) {

    public HintedString {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
    }

    /**
     * A host string with the hint that lets storing it into {@code target} make exactly one
     * allocation of the final size: its UTF-8 length for UTF-8, its UTF-16 length for UTF-16, and
     * for latin1+utf16 its length as Latin-1 if every character fits, else as tagged UTF-16.
     */
    public static HintedString forHost(String text, StringEncoding target) {
        switch (target) {
            case UTF8:
                return new HintedString(text, StringEncoding.UTF8, StringCodec.utf8Length(text));
            case UTF16:
                return new HintedString(text, StringEncoding.UTF16, text.length());
            default:
                boolean latin1 = StringCodec.isLatin1(text);
                long units = latin1 ? text.length() : text.length() | StringCodec.UTF16_TAG;
                return new HintedString(text, StringEncoding.LATIN1_UTF16, units);
        }
    }
}
