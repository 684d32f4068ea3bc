package org.bemgate.ieee20305.internal.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * LFDI and SFDI as IEEE 2030.5-2018 §6.3.4 defines them: the LFDI is the leftmost 160 bits of the
 * SHA-256 of the certificate's DER; the SFDI is the LFDI's leftmost 36 bits in decimal followed by a
 * check digit that makes the sum of all digits a multiple of 10. The 36 bits are always the first 9 hex
 * digits of the 40-digit LFDI, whatever its leading zeros.
 */
public final class DeviceIds {

    private DeviceIds() {
    }

    /** @return the LFDI of a certificate, 40 upper-case hex digits */
    public static String lfdi(byte[] certificateDer) {
        return HexFormat.of().withUpperCase().formatHex(sha256(certificateDer), 0, 20);
    }

    /**
     * A stable LFDI for a device without a certificate, made from the aggregator's LFDI and the device's
     * own id, so the same device gets the same LFDI on every start.
     *
     * @param aggregatorLfdi the aggregator's LFDI
     * @param deviceId the device's id in the configuration
     * @return 40 upper-case hex digits
     */
    public static String derivedLfdi(String aggregatorLfdi, String deviceId) {
        return lfdi((aggregatorLfdi.toUpperCase(Locale.ROOT) + "/" + deviceId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param lfdi 40 hex digits
     * @return the SFDI with its check digit
     * @throws IllegalArgumentException if the LFDI is not 40 hex digits
     */
    public static long sfdi(String lfdi) {
        String l = normalize(lfdi);
        long bits36 = Long.parseLong(l.substring(0, 9), 16);
        return bits36 * 10 + checkDigit(bits36);
    }

    /** @return the digit that makes the decimal digits of {@code value} and it sum to a multiple of 10 */
    public static int checkDigit(long value) {
        int sum = 0;
        for (long v = value; v > 0; v /= 10) {
            sum += (int) (v % 10);
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * @param lfdi an LFDI as an operator may write it: any case, optionally with {@code 0x}, colons or spaces
     * @return 40 upper-case hex digits
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String normalize(String lfdi) {
        String l = lfdi == null ? "" : lfdi.strip().replace(":", "").replace(" ", "").replace("-", "");
        if (l.startsWith("0x") || l.startsWith("0X")) {
            l = l.substring(2);
        }
        if (l.length() != 40 || !l.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + lfdi + "' is not an LFDI: expected 40 hexadecimal digits (160 bits)");
        }
        return l.toUpperCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
