package dev.wit4j.binary;

/** A {@code primvaltype} and its opcode (Binary.md, "Type Definitions"). */
public enum PrimValType implements ComponentValType {
    BOOL(0x7f, "bool"),
    S8(0x7e, "s8"),
    U8(0x7d, "u8"),
    S16(0x7c, "s16"),
    U16(0x7b, "u16"),
    S32(0x7a, "s32"),
    U32(0x79, "u32"),
    S64(0x78, "s64"),
    U64(0x77, "u64"),
    F32(0x76, "f32"),
    F64(0x75, "f64"),
    CHAR(0x74, "char"),
    STRING(0x73, "string"),
    /** 📝 */
    ERROR_CONTEXT(0x64, "error-context");

    private final int code;
    private final String text;

    PrimValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The opcode. */
    public int code() {
        return code;
    }

    /** The text-format keyword. */
    public String text() {
        return text;
    }

    /** The primitive with opcode {@code code}, or {@code null}. */
    static PrimValType ofCode(int code) {
        if (code == 0x64) {
            return ERROR_CONTEXT;
        }
        if (code >= 0x73 && code <= 0x7f) {
            return values()[0x7f - code];
        }
        return null;
    }
}
