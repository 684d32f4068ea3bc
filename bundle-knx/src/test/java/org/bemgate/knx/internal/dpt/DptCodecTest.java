package org.bemgate.knx.internal.dpt;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.junit.Test;

/** Decoding and encoding with Calimero's translators, with the values BEMCom's connector produces. */
public class DptCodecTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static void roundTrip(String dpt, byte[] bytes, Object value) throws DptException {
        DptCodec c = DptCodec.of(dpt);
        assertEquals(dpt + " decodes", value, c.decode(bytes));
        assertArrayEquals(dpt + " encodes", bytes, c.encode(value));
    }

    @Test
    public void bemcomsTwoByteFloatVectorAndCalimerosOnes() throws DptException {
        roundTrip("DPST-9-1", b(0x07, 0x89), 19.29);
        roundTrip("DPST-9-1", b(0x0C, 0x33), 21.5);
        roundTrip("DPST-9-1", b(0x8A, 0x24), -30.0);
        roundTrip("DPT-9", b(0x07, 0x89), 19.29);
        assertEquals(0.0, DptCodec.of("DPST-9-24").decode(b(0, 0)));
        assertEquals("largest mantissa and exponent", 670760.96, DptCodec.of("DPST-9-2").decode(b(0x7F, 0xFF)));
        assertEquals("so the largest value is within the datapoint's bounds", 670760.96, DptCodec.of("DPST-9-2").max(), 0);
    }

    @Test
    public void switchesAreBooleansAndAcceptZeroAndOneAsXknxDoes() throws DptException {
        roundTrip("DPT-1", b(1), true);
        roundTrip("DPST-1-1", b(0), false);
        roundTrip("DPST-1-8", b(1), true);
        assertArrayEquals(b(1), DptCodec.of("DPST-1-1").encode(1));
        assertArrayEquals(b(0), DptCodec.of("DPST-1-1").encode(0L));
    }

    @Test
    public void stepControlIsAnIncrementInPercentAsXknxStepwise() throws DptException {
        roundTrip("DPST-3-7", b(0x0B), 25L);
        roundTrip("DPST-3-7", b(0x09), 100L);
        roundTrip("DPST-3-8", b(0x01), -100L);
        roundTrip("DPT-3", b(0x0F), 1L);
        roundTrip("DPST-3-7", b(0x00), 0L);
        assertEquals("decrease with break code is 0 too", 0L, DptCodec.of("DPST-3-7").decode(b(0x08)));
        assertArrayEquals("between steps: the next smaller one", b(0x0C), DptCodec.of("DPST-3-7").encode(20));
        assertEquals("%", DptCodec.of("DPST-3-7").unit());
    }

    @Test
    public void scalingAndAngleAreWholeNumbersAsBemcomRoundsThem() throws DptException {
        roundTrip("DPST-5-1", b(0x80), 50L);
        roundTrip("DPST-5-1", b(0xFF), 100L);
        roundTrip("DPST-5-1", b(0x00), 0L);
        assertEquals(181L, DptCodec.of("DPST-5-3").decode(b(0x80)));
        roundTrip("DPST-5-3", b(0xFF), 360L);
        assertEquals("%", DptCodec.of("DPST-5-1").unit());
        assertEquals("°", DptCodec.of("DPST-5-3").unit());
    }

    @Test
    public void integerTypesKeepTheRawValue() throws DptException {
        roundTrip("DPT-5", b(0xC8), 200L);
        roundTrip("DPST-5-10", b(0xFF), 255L);
        roundTrip("DPST-6-1", b(0xF6), -10L);
        roundTrip("DPT-7", b(0x12, 0x34), 4660L);
        roundTrip("DPST-7-600", b(0x0F, 0xA0), 4000L);
        roundTrip("DPST-8-1", b(0xFF, 0xFE), -2L);
        roundTrip("DPST-12-1200", b(0xFF, 0xFF, 0xFF, 0xFF), 4294967295L);
        roundTrip("DPST-13-13", b(0xFF, 0xFF, 0xFF, 0xFE), -2L);
        roundTrip("DPST-17-1", b(0x00), 1L);
        roundTrip("DPST-17-1", b(0x3F), 64L);
        roundTrip("DPST-20-102", b(0x03), 3L);
        assertEquals("K", DptCodec.of("DPST-7-600").unit());
        assertEquals("kWh", DptCodec.of("DPST-13-13").unit());
    }

    @Test
    public void resolutionScaledSubtypesStayRawAsInXknx021AndTheUnitSaysTheStep() throws DptException {
        roundTrip("DPST-7-3", b(0x00, 0x0A), 10L);
        assertEquals("10 ms", DptCodec.of("DPST-7-3").unit());
        assertEquals("100 ms", DptCodec.of("DPST-7-4").unit());
        roundTrip("DPST-8-10", b(0xFF, 0x9C), -100L);
        assertEquals("0.01 %", DptCodec.of("DPST-8-10").unit());
    }

    @Test
    public void fourByteFloatsAreRoundedToSevenSignificantDigits() throws DptException {
        DptCodec c = DptCodec.of("DPST-14-56");
        assertEquals(1234.568, c.decode(c.encode(1234.5678)));
        assertArrayEquals(b(0x44, 0x9A, 0x52, 0x2B), c.encode(1234.5678));
        assertEquals("W", c.unit());
        assertEquals(DataFormat.GENERIC_NUMERIC, c.dataFormat());
        assertEquals(0.1, DptCodec.of("DPT-14").decode(b(0x3D, 0xCC, 0xCC, 0xCD)));
    }

    @Test
    public void textIsPaddedWithNulsAndStripped() throws DptException {
        roundTrip("DPST-16-0", b('K', 'N', 'X', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "KNX");
        assertEquals(DataFormat.GENERIC_TEXT, DptCodec.of("DPST-16-0").dataFormat());
    }

    @Test
    public void timeAndDateAreCalimerosText() throws DptException {
        roundTrip("DPST-10-1", b(0x4E, 0x1E, 0x05), "Tue, 14:30:05");
        roundTrip("DPST-11-1", b(0x1F, 0x05, 0x18), "2024-05-31");
    }

    @Test
    public void metadataComesFromTheDpt() throws DptException {
        DptCodec t = DptCodec.of("DPST-9-1");
        assertEquals("°C", t.unit());
        assertEquals(DataFormat.CONTINUOUS_NUMERIC, t.dataFormat());
        assertEquals(-273.0, t.min(), 0);
        assertEquals("9.001", t.translatorId());
        assertTrue(t.description(), t.description().startsWith("DPST-9-1 Temperature"));
        DptCodec generic = DptCodec.of("DPT-9");
        assertEquals("", generic.unit());
        DptCodec unknownSub = DptCodec.of("DPST-9-999");
        assertEquals("a subtype Calimero does not know is decoded as its main type, without unit", "", unknownSub.unit());
        assertEquals(19.29, unknownSub.decode(b(0x07, 0x89)));
        DptCodec sw = DptCodec.of("DPST-1-1");
        assertEquals(DataFormat.BOOL, sw.dataFormat());
        assertNull(sw.min());
        assertEquals(100.0, DptCodec.of("DPST-5-1").max(), 0);
        assertEquals(64.0, DptCodec.of("DPST-17-1").max(), 0);
    }

    /** Every key of BEMCom's table ({@code bemcom-contracts.md} §14.3) is accepted, and a value goes round. */
    @Test
    public void everyDptBemcomSupportsRoundTrips() throws DptException {
        List<String> keys = new ArrayList<>(List.of("DPT-1", "DPST-1-1", "DPST-1-2", "DPST-1-3", "DPST-1-7", "DPST-1-8", "DPST-10-1",
                "DPST-11-1", "DPT-3", "DPST-3-7", "DPST-3-8", "DPT-5", "DPST-5-4", "DPST-5-5", "DPST-5-10", "DPST-5-6", "DPST-5-1",
                "DPST-5-3", "DPST-17-1", "DPT-6", "DPST-6-1", "DPST-6-10", "DPT-7", "DPST-7-11", "DPST-7-12", "DPST-7-13",
                "DPST-7-600", "DPT-8", "DPST-8-10", "DPST-8-11", "DPT-9", "DPST-9-10", "DPST-9-11", "DPST-9-999", "DPT-12",
                "DPST-12-1200", "DPST-12-1201", "DPT-13", "DPST-13-1", "DPST-13-2", "DPST-13-100", "DPT-14", "DPST-16-0"));
        for (int i = 1; i <= 7; i++) {
            keys.add("DPST-7-" + i);
            keys.add("DPST-8-" + i);
        }
        for (int i = 1; i <= 8; i++) {
            keys.add("DPST-9-" + i);
        }
        for (int i = 20; i <= 28; i++) {
            keys.add("DPST-9-" + i);
        }
        for (int i = 10; i <= 15; i++) {
            keys.add("DPST-13-" + i);
        }
        for (int i = 0; i <= 79; i++) {
            keys.add("DPST-14-" + i);
        }
        assertEquals("the 152 automatic entries and the 8 supported ones added by hand", 160, keys.size());
        for (String k : keys) {
            DptCodec c = DptCodec.of(k);
            Object sample = switch (c.dataFormat()) {
                case BOOL -> Boolean.TRUE;
                case GENERIC_TEXT -> k.startsWith("DPST-10") ? "12:34:56" : k.startsWith("DPST-11") ? "2025-01-02" : "abc";
                default -> k.startsWith("DPT-9") || k.startsWith("DPST-9") ? (Object) 12.5
                        : k.startsWith("DPT-14") || k.startsWith("DPST-14") ? (Object) 0.25 : (Object) 6L;
            };
            Object back = c.decode(c.encode(sample));
            assertEquals(k + " via " + c.translatorId(), sample, back);
        }
    }

    @Test
    public void unsupportedTypesAreRefusedSayingWhichAreSupported() {
        for (String k : new String[] { "DPST-2-1", "DPST-18-1", "DPT-19", "DPST-6-20", "DPT-232" }) {
            try {
                DptCodec.of(k);
                fail(k + " accepted");
            } catch (DptException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(k + " is not supported; supported are DPT 1, 3"));
            }
        }
        try {
            DptCodec.of("temperature");
            fail();
        } catch (DptException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected DPT-<main> or DPST-<main>-<sub>"));
        }
    }

    @Test
    public void badBytesAndBadValuesAreRefusedWithTheReason() throws DptException {
        DptCodec t = DptCodec.of("DPST-9-1");
        try {
            t.decode(b(0x07));
            fail();
        } catch (DptException e) {
            assertEquals("DPST-9-1 takes 2 bytes, not 1 (07)", e.getMessage());
        }
        String[][] bad = { { "DPST-5-1", "101" }, { "DPST-1-1", "on" }, { "DPST-17-1", "0" }, { "DPST-5-10", "2.5" },
            { "DPST-16-0", "fifteen letters" }, { "DPST-9-1", "-300" } };
        for (String[] c : bad) {
            Object v = c[1].matches("-?[0-9.]+") ? (Object) Double.valueOf(c[1]) : c[1];
            try {
                DptCodec.of(c[0]).encode(v);
                fail(c[0] + " took " + v);
            } catch (DptException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(c[0]));
            }
        }
    }

    @Test
    public void namesInEtsAndCalimeroForm() throws DptException {
        assertEquals(new DptName(9, 1), DptName.parse("DPST-9-1"));
        assertEquals(new DptName(9, 1), DptName.parse(" dpst-9-1 "));
        assertEquals(new DptName(9, -1), DptName.parse("DPT-9"));
        assertEquals(new DptName(9, 1), DptName.parse("9.001"));
        assertEquals("9.001", new DptName(9, 1).calimeroId());
        assertEquals("12.1200", new DptName(12, 1200).calimeroId());
        assertEquals("DPST-12-1200", new DptName(12, 1200).toString());
    }
}
