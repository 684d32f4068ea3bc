package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/**
 * The demo device's little-endian half floats (§12) and the rounding of format {@code e}; expected
 * registers were printed by Python 3.11 ({@code struct.unpack('>H', struct.pack('<e', x))}).
 */
public class HalfFloatTest {

    private static final StructFormat NATIVE = StructFormat.parse("e");
    private static final StructFormat LITTLE = StructFormat.parse("<e");

    @Test
    public void demoDeviceRegisterVectors() {
        assertDemo(21.0, 16461);
        assertDemo(24.0, 78);
        assertDemo(17.0, 16460);
    }

    @Test
    public void demoDeviceRoomTemperatureReadsWithoutPrefix() {
        assertEquals(List.of(21.0), NATIVE.unpackRegisters(new int[] { 0x404d }, WordOrder.MOST_SIGNIFICANT_FIRST));
        assertEquals(List.of(24.0), NATIVE.unpackRegisters(new int[] { 0x004e }, WordOrder.MOST_SIGNIFICANT_FIRST));
    }

    @Test
    public void eighteenPointSevenReadsBackAsTheTutorialShows() {
        int[] registers = LITTLE.packRegisters(List.of(18.7), WordOrder.MOST_SIGNIFICANT_FIRST);
        assertArrayEquals(new int[] { 44364 }, registers);
        assertEquals(List.of(18.703125), LITTLE.unpackRegisters(registers, WordOrder.MOST_SIGNIFICANT_FIRST));
    }

    @Test
    public void roundingMatchesPython() {
        assertPacked(65504.0, "ff7b");
        assertPacked(65519.99, "ff7b");
        assertPacked(Math.scalb(1.0, -24), "0100");
        assertPacked(Math.scalb(1.0, -25), "0000");
        assertPacked(2.980232536792755e-08, "0100");
        assertPacked(-0.0, "0080");
        assertPacked(1.0 / 3, "5535");
        assertPacked(6.1e-5, "ff03");
        assertPacked(Double.POSITIVE_INFINITY, "007c");
        assertPacked(Double.NaN, "007e");
    }

    @Test
    public void unpackingIsExact() {
        assertEquals(List.of(0.333251953125), LITTLE.unpack(Hex.bytes("5535")));
        assertEquals(List.of(6.097555160522461e-05), LITTLE.unpack(Hex.bytes("ff03")));
        assertEquals(List.of(5.960464477539063e-08), LITTLE.unpack(Hex.bytes("0100")));
        assertEquals(List.of(-0.0), LITTLE.unpack(Hex.bytes("0080")));
        assertEquals(List.of(Double.POSITIVE_INFINITY), LITTLE.unpack(Hex.bytes("007c")));
        assertTrue(Double.isNaN((Double) LITTLE.unpack(Hex.bytes("007e")).get(0)));
    }

    @Test
    public void everyFiniteHalfFloatRoundTrips() {
        for (int bits = 0; bits < 0x10000; bits++) {
            if ((bits & 0x7c00) == 0x7c00) {
                continue;
            }
            assertEquals(Integer.toHexString(bits), bits, HalfFloat.fromDouble(HalfFloat.toDouble(bits)));
        }
    }

    @Test
    public void overflowIsAnError() {
        for (double tooLarge : new double[] { 65520.0, 1e6, -70000.0 }) {
            try {
                LITTLE.pack(List.of(tooLarge));
                fail("packed " + tooLarge);
            } catch (StructException e) {
                assertEquals("float too large to pack with e format", e.getMessage());
            }
        }
    }

    private static void assertDemo(double value, int register) {
        assertArrayEquals(new int[] { register }, LITTLE.packRegisters(List.of(value), WordOrder.MOST_SIGNIFICANT_FIRST));
        assertEquals(List.of(value), LITTLE.unpackRegisters(new int[] { register }, WordOrder.MOST_SIGNIFICANT_FIRST));
        assertEquals(List.of(value), NATIVE.unpackRegisters(new int[] { register }, WordOrder.MOST_SIGNIFICANT_FIRST));
    }

    private static void assertPacked(double value, String hex) {
        assertEquals(String.valueOf(value), hex, Hex.of(LITTLE.pack(List.of(value))));
    }
}
