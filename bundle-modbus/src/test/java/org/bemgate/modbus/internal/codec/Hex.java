package org.bemgate.modbus.internal.codec;

import java.util.HexFormat;

/** Hex text of byte strings, as Python's {@code bytes.hex()} prints them. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
