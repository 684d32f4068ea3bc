package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

/**
 * struct.pack and struct.unpack. Every expected byte string was printed by Python 3.11's
 * {@code struct.pack(fmt, *values).hex()}.
 */
public class StructCodecTest {

    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    private static final List<Object> ALL_STANDARD = List.of("A", -2L, 200L, true, -300L, 60000L, -70000L, 4000000000L, -5L, 6L,
            -7L, U64_MAX, 1.5, 22.100000381469727, -999.88, 1e300);

    @Test
    public void everyStandardCodeLittleEndian() {
        assertPackedAndUnpacked("<cbB?hHiIlLqQefdd", ALL_STANDARD, "41fec801d4fe60ea90eefeff00286beefbffffff06000000f9ffffff"
                + "ffffffffffffffffffffffff003ecdccb041d7a3703d0a3f8fc09c7500883ce4377e");
    }

    @Test
    public void everyStandardCodeBigEndian() {
        assertPackedAndUnpacked(">cbB?hHiIlLqQefdd", ALL_STANDARD, "41fec801fed4ea60fffeee90ee6b2800fffffffb00000006ffffffff"
                + "fffffff9ffffffffffffffff3e0041b0cccdc08f3f0a3d70a3d77e37e43c8800759c");
    }

    @Test
    public void standardNativeOrderIsLittleEndianWithStandardSizes() {
        assertPackedAndUnpacked("=cbB?hHiIlLqQefdd", ALL_STANDARD, "41fec801d4fe60ea90eefeff00286beefbffffff06000000f9ffffff"
                + "ffffffffffffffffffffffff003ecdccb041d7a3703d0a3f8fc09c7500883ce4377e");
    }

    @Test
    public void everyNativeCodeWithAlignment() {
        List<Object> values = List.of("A", -2L, 200L, true, -300L, 60000L, -70000L, 4000000000L, -5L, 6L, -7L, U64_MAX, -8L, 9L,
                1.5, 22.100000381469727, -999.88, 10L);
        assertPackedAndUnpacked("@cbB?hHiIlLqQnNefdP", values, "41fec801d4fe60ea90eefeff00286beefbffffffffffffff06000000000000"
                + "00f9fffffffffffffffffffffffffffffff8ffffffffffffff0900000000000000003e0000cdccb041d7a3703d0a3f8fc00a00000000000000");
    }

    @Test
    public void nativePaddingAndSizes() {
        assertPackedAndUnpacked("@hf", List.of(1L, 2.5), "0100000000002040");
        assertPackedAndUnpacked("!hf", List.of(1L, 2.5), "000140200000");
        assertPackedAndUnpacked("@bq", List.of(1L, 2L), "01000000000000000200000000000000");
        assertPackedAndUnpacked("@qb", List.of(1L, 2L), "010000000000000002");
        assertPackedAndUnpacked("hd", List.of(3L, 4.0), "03000000000000000000000000001040");
        assertPackedAndUnpacked("@l", List.of(-2L), "feffffffffffffff");
        assertPackedAndUnpacked("<l", List.of(-2L), "feffffff");
    }

    @Test
    public void repeatCounts() {
        assertPackedAndUnpacked(">4f", List.of(1.0, 2.0, 3.0, 4.0), "3f800000400000004040000040800000");
    }

    @Test
    public void stringsAndPascalStrings() {
        assertPackedAndUnpacked("3s2p", List.of("abc", "z"), "616263017a");
        assertEquals("0461626364", Hex.of(StructFormat.parse("5p").pack(List.of("abcdef"))));
        assertEquals(List.of("abcd"), StructFormat.parse("5p").unpack(Hex.bytes("0461626364")));
        assertEquals("61620000", Hex.of(StructFormat.parse("4s").pack(List.of("ab"))));
        assertEquals("6162", Hex.of(StructFormat.parse("2s").pack(List.of("abcd"))));
    }

    @Test
    public void integerLimitsOfEverySize() {
        List<Object> values = List.of(-128L, 127L, 0L, 255L, -32768L, 32767L, 0L, 65535L, -2147483648L, 2147483647L, 0L,
                4294967295L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, U64_MAX);
        assertPackedAndUnpacked(">xbxbxBxBhhHHllLLqqQQ", values, "0080007f000000ff80007fff0000ffff800000007fffffff00000000"
                + "ffffffff80000000000000007fffffffffffffff0000000000000000ffffffffffffffff");
    }

    @Test
    public void unsigned64BitValuesBelowLongMaxAreLongs() {
        assertEquals(List.of(5L), StructFormat.parse(">Q").unpack(Hex.bytes("0000000000000005")));
        assertEquals(List.of(new BigInteger("9223372036854775808")),
                StructFormat.parse(">Q").unpack(Hex.bytes("8000000000000000")));
    }

    @Test
    public void referenceFloatVectors() {
        assertEquals("41b0cccd", Hex.of(StructFormat.parse(">f").pack(List.of(22.1))));
        assertEquals("41400000", Hex.of(StructFormat.parse(">f").pack(List.of(12.0))));
        assertEquals("c479f852", Hex.of(StructFormat.parse(">f").pack(List.of(-999.88))));
        assertEquals("0d00", Hex.of(StructFormat.parse("<H").pack(List.of(13L))));
        assertEquals("9e00", Hex.of(StructFormat.parse("<H").pack(List.of(158L))));
        assertEquals(List.of(-999.8800048828125), StructFormat.parse(">f").unpack(Hex.bytes("c479f852")));
        assertEquals(List.of(158L), StructFormat.parse("<H").unpack(Hex.bytes("9e00")));
    }

    @Test
    public void integersAndBooleansPackAsFloats() {
        assertEquals("3f800000", Hex.of(StructFormat.parse(">f").pack(List.of(true))));
        assertEquals("41400000", Hex.of(StructFormat.parse(">f").pack(List.of(12))));
    }

    @Test
    public void booleansPackAsIntegers() {
        assertEquals("01", Hex.of(StructFormat.parse(">B").pack(List.of(true))));
    }

    @Test
    public void boolPacksPythonTruthiness() {
        StructFormat bool = StructFormat.parse(">?");
        assertEquals("00", Hex.of(bool.pack(Collections.singletonList(null))));
        assertEquals("01", Hex.of(bool.pack(List.of("x"))));
        assertEquals("00", Hex.of(bool.pack(List.of(""))));
        assertEquals("01", Hex.of(bool.pack(List.of(-3L))));
        assertEquals("00", Hex.of(bool.pack(List.of(0.0))));
        assertEquals(List.of(true), bool.unpack(Hex.bytes("07")));
        assertEquals(List.of(false), bool.unpack(Hex.bytes("00")));
    }

    @Test
    public void floatOverflowIsAnErrorButInfinityIsNot() {
        assertPackError(">f", 1e39, "float too large to pack with f format");
        assertEquals("7f800000", Hex.of(StructFormat.parse(">f").pack(List.of(Double.POSITIVE_INFINITY))));
        assertEquals(List.of(Double.NEGATIVE_INFINITY), StructFormat.parse(">f").unpack(Hex.bytes("ff800000")));
        assertTrue(Double.isNaN((Double) StructFormat.parse(">f").unpack(Hex.bytes("7fc00000")).get(0)));
    }

    @Test
    public void integerRangeErrors() {
        assertPackError(">h", 40000L, "'h' format requires -32768 <= number <= 32767");
        assertPackError(">H", -1L, "'H' format requires 0 <= number <= 65535");
        assertPackError(">b", 128, "'b' format requires -128 <= number <= 127");
        assertPackError("@L", -1L, "'L' format requires 0 <= number <= 18446744073709551615");
        assertPackError(">Q", U64_MAX.add(BigInteger.ONE), "'Q' format requires 0 <= number <= 18446744073709551615");
    }

    @Test
    public void typeErrorsAsPythonRaisesThem() {
        assertPackError(">f", "22.0", "required argument is not a float");
        assertPackError(">f", null, "required argument is not a float");
        assertPackError(">h", 1.0, "required argument is not an integer");
        assertPackError(">h", "1", "required argument is not an integer");
        assertPackError(">c", "ab", "char format requires a bytes object of length 1");
        assertPackError(">4s", 4L, "argument for 's' must be a bytes object");
    }

    @Test
    public void wrongNumberOfValuesOrBytes() {
        try {
            StructFormat.parse(">ff").pack(List.of(1.0));
            fail();
        } catch (StructException e) {
            assertEquals("pack expected 2 items for packing (got 1)", e.getMessage());
        }
        try {
            StructFormat.parse(">f").unpack(new byte[3]);
            fail();
        } catch (StructException e) {
            assertEquals("unpack requires a buffer of 4 bytes, got 3", e.getMessage());
        }
    }

    @Test
    public void registersArePackedBigEndianAsOnTheWire() {
        assertEquals(List.of(22.100000381469727), StructFormat.parse(">f").unpackRegisters(new int[] { 16816, 52429 },
                WordOrder.MOST_SIGNIFICANT_FIRST));
        assertArrayEquals(new int[] { 3328 }, StructFormat.parse("<H").packRegisters(List.of(13L),
                WordOrder.MOST_SIGNIFICANT_FIRST));
        try {
            StructFormat.parse(">f").unpackRegisters(new int[] { 1 }, WordOrder.MOST_SIGNIFICANT_FIRST);
            fail();
        } catch (StructException e) {
            assertEquals("unpack requires a buffer of 4 bytes, got 1 register(s)", e.getMessage());
        }
        try {
            StructFormat.parse(">b").packRegisters(List.of(1L), WordOrder.MOST_SIGNIFICANT_FIRST);
            fail();
        } catch (StructException e) {
            assertEquals("format describes 1 bytes, not a whole number of registers", e.getMessage());
        }
    }

    @Test
    public void registerValuesOutside16BitsAreRejected() {
        try {
            Registers.toBytes(new int[] { 1, 65536 });
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("register 1 holds 65536, not a 16-bit unsigned value", e.getMessage());
        }
        try {
            Registers.toBytes(new int[] { -1 });
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("register 0 holds -1, not a 16-bit unsigned value", e.getMessage());
        }
    }

    private static void assertPackedAndUnpacked(String format, List<Object> values, String hex) {
        StructFormat f = StructFormat.parse(format);
        assertEquals(format + " pack", hex, Hex.of(f.pack(values)));
        List<Object> decoded = f.unpack(Hex.bytes(hex));
        List<Object> expected = Arrays.asList(values.toArray());
        // 'f' decodes to the float's exact value, not to the double that was packed.
        for (int i = 0; i < expected.size(); i++) {
            if (f.fields().get(i).code() == StructCode.FLOAT) {
                expected.set(i, (double) (float) (double) (Double) expected.get(i));
            }
        }
        assertEquals(format + " unpack", expected, decoded);
    }

    private static void assertPackError(String format, Object value, String message) {
        try {
            StructFormat.parse(format).pack(Collections.singletonList(value));
            fail("packed " + value + " with " + format);
        } catch (StructException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
