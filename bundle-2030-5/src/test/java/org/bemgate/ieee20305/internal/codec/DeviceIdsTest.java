package org.bemgate.ieee20305.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.Test;

/** LFDI and SFDI as IEEE 2030.5-2018 §6.3.4 defines them, with the standard's worked example (reference D.4). */
public class DeviceIdsTest {

    @Test
    public void theStandardsWorkedExample() {
        // LFDI 3E4F45AB31EDFE5B67E343E5E4562E31984E23E5 → 0x3E4F45AB3 = 16726121139, digit sum 39 → check digit 1
        assertEquals(16726121139L, Long.parseLong("3E4F45AB3", 16));
        assertEquals(1, DeviceIds.checkDigit(16726121139L));
        assertEquals(167261211391L, DeviceIds.sfdi("3E4F45AB31EDFE5B67E343E5E4562E31984E23E5"));
        assertEquals(167261211391L, DeviceIds.sfdi("3e4f45ab31edfe5b67e343e5e4562e31984e23e5"));
    }

    @Test
    public void aDigitSumThatIsAMultipleOfTenGivesCheckDigitZeroNotTen() {
        // 0x100000002 = 4294967298, digit sum 60: envoy-client's bug would append "10"
        assertEquals(0, DeviceIds.checkDigit(4294967298L));
        assertEquals(42949672980L, DeviceIds.sfdi("1000000020000000000000000000000000000000"));
    }

    @Test
    public void leadingZeroBitsAreKeptTheTruncationIsAlwaysTheFirstNineHexDigits() {
        // envoy-client shifts by bit_length - 36, which reads 0x000000001... as 0x1...: wrong
        assertEquals(1L * 10 + 9, DeviceIds.sfdi("0000000010000000000000000000000000000000"));
        assertEquals(0L, DeviceIds.sfdi("0000000000000000000000000000000000000000"));
        // the largest 36-bit value: 68719476735, digit sum 63 → 7; the xsd's maximum SFDI is 687194767359
        assertEquals(687194767357L, DeviceIds.sfdi("FFFFFFFFF0000000000000000000000000000000"));
        assertTrue(DeviceIds.sfdi("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF") <= 687194767359L);
    }

    @Test
    public void theSfdiDigitsAlwaysSumToAMultipleOfTen() {
        for (long v : new long[] { 1, 9, 10, 19, 99, 12345, 16726121139L, 68719476735L }) {
            long s = v * 10 + DeviceIds.checkDigit(v);
            int sum = 0;
            for (long x = s; x > 0; x /= 10) {
                sum += (int) (x % 10);
            }
            assertEquals("for " + v, 0, sum % 10);
        }
    }

    @Test
    public void theLfdiIsTheFirst160BitsOfTheSha256OfTheCertificate() throws Exception {
        byte[] der = { 0x30, 0x03, 0x02, 0x01, 0x07 };
        String full = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        assertEquals(full.substring(0, 40), DeviceIds.lfdi(der));
        assertEquals(40, DeviceIds.lfdi(der).length());
    }

    @Test
    public void lfdisAreNormalisedAndBadOnesRefused() {
        assertEquals("3E4F45AB31EDFE5B67E343E5E4562E31984E23E5", DeviceIds.normalize("0x3e4f45ab31edfe5b67e343e5e4562e31984e23e5"));
        assertEquals("3E4F45AB31EDFE5B67E343E5E4562E31984E23E5",
                DeviceIds.normalize("3E:4F:45:AB:31:ED:FE:5B:67:E3:43:E5:E4:56:2E:31:98:4E:23:E5"));
        assertThrows(IllegalArgumentException.class, () -> DeviceIds.normalize("0x21352135135"));
        assertThrows(IllegalArgumentException.class, () -> DeviceIds.normalize("1172794507551"));
        assertThrows(IllegalArgumentException.class, () -> DeviceIds.normalize("G" + "0".repeat(39)));
    }

    @Test
    public void derivedDeviceLfdisAreStableAndDistinct() {
        String agg = "3E4F45AB31EDFE5B67E343E5E4562E31984E23E5";
        assertEquals(DeviceIds.derivedLfdi(agg, "site1"), DeviceIds.derivedLfdi(agg.toLowerCase(), "site1"));
        assertTrue(!DeviceIds.derivedLfdi(agg, "site1").equals(DeviceIds.derivedLfdi(agg, "site2")));
    }
}
