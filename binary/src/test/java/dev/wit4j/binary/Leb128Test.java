package dev.wit4j.binary;

import static dev.wit4j.binary.BinaryTestSupport.bin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Leb128Test {

    private static BinaryReader reader(String s) {
        byte[] b = bin(s);
        return new BinaryReader(b, 0, b.length);
    }

    @Test
    void u32() {
        assertEquals(0, reader("\\00").u32());
        assertEquals(624485, reader("\\e5\\8e\\26").u32());
        assertEquals(0xffff_ffffL, reader("\\ff\\ff\\ff\\ff\\0f").u32());
        assertEquals(1, reader("\\81\\80\\80\\80\\00").u32());
        BinaryFormatException e = assertThrows(
                BinaryFormatException.class,
                () -> reader("\\ff\\ff\\ff\\ff\\1f").u32());
        assertEquals("invalid var_u32: integer too large", e.reason());
        assertEquals(4, e.offset());
        e = assertThrows(
                BinaryFormatException.class,
                () -> reader("\\80\\80\\80\\80\\80\\00").u32());
        assertTrue(e.reason().contains("representation too long"));
        e = assertThrows(BinaryFormatException.class, () -> reader("\\80\\80").u32());
        assertEquals("unexpected end-of-file", e.reason());
        assertEquals(2, e.offset());
    }

    @Test
    void s33() {
        assertEquals(-1, reader("\\7f").s33());
        assertEquals(-16, reader("\\70").s33());
        assertEquals(63, reader("\\3f").s33());
        assertEquals(64, reader("\\c0\\00").s33());
        assertEquals(0xffff_ffffL, reader("\\ff\\ff\\ff\\ff\\0f").s33());
        assertEquals(-0x1_0000_0000L, reader("\\80\\80\\80\\80\\70").s33());
        assertEquals(-1, reader("\\ff\\ff\\ff\\ff\\7f").s33());
        assertThrows(
                BinaryFormatException.class,
                () -> reader("\\ff\\ff\\ff\\ff\\4f").s33());
        assertThrows(
                BinaryFormatException.class,
                () -> reader("\\80\\80\\80\\80\\80\\00").s33());
    }

    @Test
    void u64() {
        assertEquals(-1L, reader("\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\01").u64());
        assertThrows(
                BinaryFormatException.class,
                () -> reader("\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\02").u64());
    }

    @Test
    void writer() {
        assertArrayEquals(bin("\\e5\\8e\\26"), new BinaryWriter().uleb(624485).toByteArray());
        assertArrayEquals(
                bin("\\81\\80\\80\\80\\00"), new BinaryWriter().uleb(1, 5).toByteArray());
        assertArrayEquals(
                bin("\\ff\\ff\\ff\\ff\\0f"),
                new BinaryWriter().uleb(0xffff_ffffL, 2).toByteArray());
        assertArrayEquals(bin("\\7f"), new BinaryWriter().sleb(-1).toByteArray());
        assertArrayEquals(bin("\\c0\\00"), new BinaryWriter().sleb(64).toByteArray());
        assertArrayEquals(bin("\\40"), new BinaryWriter().sleb(-64).toByteArray());
        for (long v : new long[] {0, 1, 63, 64, 127, 128, 200, 0x7fff_ffffL, 0xffff_ffffL, -1, -65, -0x1_0000_0000L}) {
            byte[] b = new BinaryWriter().sleb(v).toByteArray();
            assertEquals(v, new BinaryReader(b, 0, b.length).s33());
            assertEquals(Leb128.signedSize(v), b.length);
            if (v >= 0) {
                byte[] u = new BinaryWriter().uleb(v).toByteArray();
                assertEquals(v, new BinaryReader(u, 0, u.length).u32());
                assertEquals(Leb128.unsignedSize(v), u.length);
            }
        }
    }

    @Test
    void strings() {
        assertEquals("héllo", reader("\\06h\\c3\\a9llo").string());
        // Overlong encodings and encoded surrogates are not UTF-8.
        assertThrows(BinaryFormatException.class, () -> reader("\\02\\c0\\80").string());
        assertThrows(
                BinaryFormatException.class, () -> reader("\\03\\ed\\a0\\80").string());
        assertThrows(BinaryFormatException.class, () -> reader("\\05ab").string());
    }
}
