package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** Parsing, sizes and alignment of format strings, checked against Python 3.11's struct.calcsize. */
public class StructFormatTest {

    @Test
    public void standardSizesOfEveryCode() {
        assertEquals(62, StructFormat.parse("<cbB?hHiIlLqQefdd").byteSize());
        assertEquals(62, StructFormat.parse(">cbB?hHiIlLqQefdd").byteSize());
        assertEquals(62, StructFormat.parse("=cbB?hHiIlLqQefdd").byteSize());
        assertEquals(6, StructFormat.parse("!hf").byteSize());
        assertEquals(4, StructFormat.parse("<l").byteSize());
    }

    @Test
    public void nativeSizesAndAlignmentOf64BitLinux() {
        assertEquals(88, StructFormat.parse("@cbB?hHiIlLqQnNefdP").byteSize());
        assertEquals(8, StructFormat.parse("@hf").byteSize());
        assertEquals(8, StructFormat.parse("hf").byteSize());
        assertEquals(16, StructFormat.parse("@bq").byteSize());
        assertEquals(8, StructFormat.parse("@l").byteSize());
        assertEquals(16, StructFormat.parse("hd").byteSize());
    }

    @Test
    public void nativeModeHasNoTrailingPaddingButZeroCountAligns() {
        assertEquals(9, StructFormat.parse("@qb").byteSize());
        assertEquals(8, StructFormat.parse("@b0l").byteSize());
        assertEquals(1, StructFormat.parse("@b0l").valueCount());
    }

    @Test
    public void nativeFieldOffsetsIncludeAlignmentPadding() {
        List<StructField> fields = StructFormat.parse("@hf").fields();
        assertEquals(new StructField(StructCode.SHORT, 0, 2), fields.get(0));
        assertEquals(new StructField(StructCode.FLOAT, 4, 4), fields.get(1));
    }

    @Test
    public void repeatCountsRepeatValuesButStringsAreOneValue() {
        StructFormat four = StructFormat.parse(">4f");
        assertEquals(16, four.byteSize());
        assertEquals(4, four.valueCount());
        StructFormat strings = StructFormat.parse("3s2p");
        assertEquals(5, strings.byteSize());
        assertEquals(2, strings.valueCount());
        StructFormat pads = StructFormat.parse(">3xh");
        assertEquals(5, pads.byteSize());
        assertEquals(1, pads.valueCount());
        assertEquals(3, pads.fields().get(0).offset());
    }

    @Test
    public void whitespaceBetweenItemsIsIgnored() {
        StructFormat f = StructFormat.parse("> f\tf");
        assertEquals(8, f.byteSize());
        assertEquals(2, f.valueCount());
        assertTrue(f.isBigEndian());
    }

    @Test
    public void emptyFormatIsZeroBytes() {
        assertEquals(0, StructFormat.parse("").byteSize());
        assertEquals(0, StructFormat.parse(">").valueCount());
    }

    @Test
    public void prefixesSelectByteOrderAndMode() {
        assertTrue(StructFormat.parse(">h").isBigEndian());
        assertTrue(StructFormat.parse("!h").isBigEndian());
        assertFalse(StructFormat.parse("<h").isBigEndian());
        assertFalse(StructFormat.parse("=h").isBigEndian());
        assertFalse(StructFormat.parse("h").isBigEndian());
        assertTrue(StructFormat.parse("h").isNativeMode());
        assertTrue(StructFormat.parse("@h").isNativeMode());
        assertFalse(StructFormat.parse("=h").isNativeMode());
    }

    @Test
    public void badCharacters() {
        assertRejected("k", "bad char 'k' at position 0 in struct format");
        assertRejected(">fk", "bad char 'k' at position 2 in struct format");
        assertRejected("f>", "bad char '>' at position 1 in struct format");
        assertRejected("4 f", "bad char ' ' at position 1 in struct format");
    }

    @Test
    public void nativeOnlyCodesAreRejectedWithStandardSizes() {
        assertRejected(">n", "bad char 'n' at position 1 in struct format");
        assertRejected("<N", "bad char 'N' at position 1 in struct format");
        assertRejected("=P", "bad char 'P' at position 1 in struct format");
        assertEquals(24, StructFormat.parse("nNP").byteSize());
    }

    @Test
    public void repeatCountWithoutCode() {
        assertRejected("4", "repeat count given without format specifier");
        assertRejected(">f12", "repeat count given without format specifier");
    }

    @Test
    public void absurdSizes() {
        assertRejected("99999999999999999999x", "total struct size too long");
        assertRejected("600000d", "total struct size too long");
    }

    @Test
    public void nullIsRejected() {
        assertRejected(null, "no format string");
    }

    @Test
    public void valueBoundaries() {
        StructFormat f = StructFormat.parse(">hfh");
        assertTrue(f.isValueBoundary(0));
        assertTrue(f.isValueBoundary(2));
        assertFalse(f.isValueBoundary(4));
        assertTrue(f.isValueBoundary(6));
        assertTrue(f.isValueBoundary(8));
    }

    private static void assertRejected(String format, String message) {
        try {
            StructFormat.parse(format);
            fail("accepted " + format);
        } catch (StructException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
