package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.util.List;

import org.junit.Test;

/** LSRF word order (§10.6) and round trips of every datatype in every byte order and both word orders. */
public class WordOrderTest {

    private static final WordOrder MSRF = WordOrder.MOST_SIGNIFICANT_FIRST;
    private static final WordOrder LSRF = WordOrder.LEAST_SIGNIFICANT_FIRST;

    @Test
    public void referenceVectors() {
        assertVector(">f", MSRF, 16816, 52429);
        assertVector(">f", LSRF, 52429, 16816);
        assertVector("<f", MSRF, 52684, 45121);
        assertVector("<f", LSRF, 45121, 52684);
    }

    @Test
    public void lsrfReversesAllFourRegistersOf64BitValues() {
        int[] msrf = StructFormat.parse(">d").packRegisters(List.of(22.1), MSRF);
        assertArrayEquals(new int[] { 16438, 6553, 39321, 39322 }, msrf);
        assertArrayEquals(new int[] { 39322, 39321, 6553, 16438 }, StructFormat.parse(">d").packRegisters(List.of(22.1), LSRF));
        assertEquals(List.of(-2L), StructFormat.parse("<q").unpackRegisters(new int[] { 65535, 65535, 65535, 65279 }, LSRF));
    }

    @Test
    public void lsrfReordersEachValueSeparatelyAndLeavesShortValuesAlone() {
        StructFormat f = StructFormat.parse(">hfH");
        int[] msrf = f.packRegisters(List.of(-1L, 22.1, 7L), MSRF);
        assertArrayEquals(new int[] { 65535, 16816, 52429, 7 }, msrf);
        assertArrayEquals(new int[] { 65535, 52429, 16816, 7 }, f.packRegisters(List.of(-1L, 22.1, 7L), LSRF));
    }

    @Test
    public void lsrfNeeds32BitValuesOnRegisterBoundaries() {
        try {
            StructFormat.parse(">xfx").checkWordOrder(LSRF);
            fail();
        } catch (StructException e) {
            assertEquals("LSRF word order needs every 4- and 8-byte number to start on a register boundary,"
                    + " but 'f' starts at byte 1", e.getMessage());
        }
        StructFormat.parse(">xfx").checkWordOrder(MSRF);
        StructFormat.parse(">xb4s").checkWordOrder(LSRF);
    }

    @Test
    public void everyDatatypeRoundTripsInEveryByteOrderAndBothWordOrders() {
        Object[][] cases = {
            { "xb", -128L }, { "xb", 127L }, { "xB", 0L }, { "xB", 255L }, { "x?", true }, { "x?", false }, { "xc", "Z" },
            { "h", -32768L }, { "h", 32767L }, { "H", 65535L }, { "e", -18.703125 }, { "e", 65504.0 },
            { "i", -2147483648L }, { "i", 2147483647L }, { "I", 4294967295L }, { "f", 22.100000381469727 },
            { "f", -3.4028234663852886e38 }, { "q", Long.MIN_VALUE }, { "q", Long.MAX_VALUE },
            { "Q", new BigInteger("18446744073709551615") }, { "d", -999.88 }, { "d", Double.MIN_VALUE },
        };
        for (String prefix : new String[] { "<", ">", "!", "=", "@", "" }) {
            for (Object[] c : cases) {
                assertRoundTrip(prefix + c[0], c[1]);
            }
            assertRoundTrip(prefix + "l", -5L);
            assertRoundTrip(prefix + "L", 4000000000L);
        }
        for (String code : new String[] { "n", "N", "P" }) {
            assertRoundTrip(code, 123456789L);
        }
    }

    private static void assertRoundTrip(String format, Object value) {
        StructFormat f = StructFormat.parse(format);
        int[] msrf = f.packRegisters(List.of(value), MSRF);
        int[] lsrf = f.packRegisters(List.of(value), LSRF);
        assertEquals(format, List.of(value), f.unpackRegisters(msrf, MSRF));
        assertEquals(format, List.of(value), f.unpackRegisters(lsrf, LSRF));
        StructField field = f.fields().get(0);
        boolean reordered = field.size() == 4 || field.size() == 8;
        assertArrayEquals(format, reordered ? reversed(msrf) : msrf, lsrf);
    }

    private static int[] reversed(int[] registers) {
        int[] out = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            out[i] = registers[registers.length - 1 - i];
        }
        return out;
    }

    private static void assertVector(String format, WordOrder order, int... registers) {
        StructFormat f = StructFormat.parse(format);
        assertArrayEquals(format + " " + order, registers, f.packRegisters(List.of(22.1), order));
        assertEquals(List.of(22.100000381469727), f.unpackRegisters(registers, order));
    }
}
