package org.bemgate.simulators.knx;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value a group address holds on the simulated bus, as it travels in a telegram: either up to 6 bits
 * inside the APCI byte (DPT 1, 2, 3: {@code small}) or whole bytes after it.
 *
 * @param data the bytes; for a small value one byte holding the 6 bits
 * @param small true if the value travels inside the APCI byte
 */
public record GroupValue(byte[] data, boolean small) {

    /** Copies the bytes and checks a small value fits in 6 bits. */
    public GroupValue {
        data = data.clone();
        if (small && (data.length != 1 || (data[0] & 0xC0) != 0)) {
            throw new IllegalArgumentException("a small group value is one byte of at most 6 bits, not " + HexFormat.of().formatHex(data));
        }
    }

    /** @param sixBits 0..63, such as 1 for a switch that is on @return a value carried in the APCI byte */
    public static GroupValue small(int sixBits) {
        return new GroupValue(new byte[] { (byte) sixBits }, true);
    }

    /** @param bytes the value's bytes, such as {@code 0x0C, 0x33} for 21.5 °C @return a value carried after the APCI byte */
    public static GroupValue bytes(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new GroupValue(b, false);
    }

    /**
     * Parses the form the simulator's configuration uses: hex bytes such as {@code 0C33}, or
     * {@code small:1} for a value inside the APCI byte.
     *
     * @param text the text
     * @return the value
     */
    public static GroupValue parse(String text) {
        String t = text.strip();
        if (t.startsWith("small:")) {
            return small(Integer.parseInt(t.substring(6).strip()));
        }
        return new GroupValue(HexFormat.of().parseHex(t), false);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupValue g && g.small == small && Arrays.equals(g.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + (small ? 1 : 0);
    }

    @Override
    public String toString() {
        return small ? "small:" + data[0] : HexFormat.of().withUpperCase().formatHex(data);
    }
}
