package org.bemgate.modbus.internal.codec;

/**
 * The format characters of Python's {@code struct} with their sizes, and the register counts
 * BEMCom's {@code compute_addresses} gives them (§10.4, §10.5).
 */
public enum StructCode {
    /** {@code x}: a pad byte, no value. */
    PAD('x', 1, 1, Kind.PAD, 0),
    /** {@code c}: one byte as a one-character string (Python gives {@code bytes} of length 1). */
    CHAR('c', 1, 1, Kind.CHAR, 1),
    /** {@code b}: signed char. */
    BYTE('b', 1, 1, Kind.SIGNED, 1),
    /** {@code B}: unsigned char. */
    UNSIGNED_BYTE('B', 1, 1, Kind.UNSIGNED, 1),
    /** {@code ?}: bool. */
    BOOL('?', 1, 1, Kind.BOOL, 1),
    /** {@code h}: short. */
    SHORT('h', 2, 2, Kind.SIGNED, 1),
    /** {@code H}: unsigned short. */
    UNSIGNED_SHORT('H', 2, 2, Kind.UNSIGNED, 1),
    /** {@code i}: int. */
    INT('i', 4, 4, Kind.SIGNED, 2),
    /** {@code I}: unsigned int. */
    UNSIGNED_INT('I', 4, 4, Kind.UNSIGNED, 2),
    /** {@code l}: long, 4 bytes standard, 8 bytes native on 64-bit Linux. */
    LONG('l', 4, 8, Kind.SIGNED, 2),
    /** {@code L}: unsigned long, 4 bytes standard, 8 bytes native. */
    UNSIGNED_LONG('L', 4, 8, Kind.UNSIGNED, 2),
    /** {@code q}: long long. */
    LONG_LONG('q', 8, 8, Kind.SIGNED, 4),
    /** {@code Q}: unsigned long long. */
    UNSIGNED_LONG_LONG('Q', 8, 8, Kind.UNSIGNED, 4),
    /** {@code n}: ssize_t, native mode only. */
    SSIZE('n', 0, 8, Kind.SIGNED, 0),
    /** {@code N}: size_t, native mode only. */
    SIZE('N', 0, 8, Kind.UNSIGNED, 0),
    /** {@code e}: IEEE 754 half float. */
    HALF_FLOAT('e', 2, 2, Kind.FLOAT, 1),
    /** {@code f}: IEEE 754 single. */
    FLOAT('f', 4, 4, Kind.FLOAT, 2),
    /** {@code d}: IEEE 754 double. */
    DOUBLE('d', 8, 8, Kind.FLOAT, 4),
    /** {@code s}: a byte string of the repeat count's length, one value. */
    STRING('s', 1, 1, Kind.STRING, 0),
    /** {@code p}: a Pascal string (length byte first) of the repeat count's length, one value. */
    PASCAL_STRING('p', 1, 1, Kind.PASCAL_STRING, 0),
    /** {@code P}: void pointer, native mode only. */
    POINTER('P', 0, 8, Kind.UNSIGNED, 0);

    /** How a code's bytes turn into a value. */
    public enum Kind {
        /** Pad bytes. */
        PAD,
        /** One byte as a string. */
        CHAR,
        /** Two's complement integer. */
        SIGNED,
        /** Unsigned integer. */
        UNSIGNED,
        /** Zero or not. */
        BOOL,
        /** IEEE 754 binary floating point. */
        FLOAT,
        /** Bytes as a string. */
        STRING,
        /** Length byte, then bytes as a string. */
        PASCAL_STRING
    }

    private final char character;
    private final int standardSize;
    private final int nativeSize;
    private final Kind kind;
    private final int bemcomRegisters;

    StructCode(char character, int standardSize, int nativeSize, Kind kind, int bemcomRegisters) {
        this.character = character;
        this.standardSize = standardSize;
        this.nativeSize = nativeSize;
        this.kind = kind;
        this.bemcomRegisters = bemcomRegisters;
    }

    /**
     * @param c a format character
     * @return its code, or null if Python's {@code struct} has none such
     */
    public static StructCode of(char c) {
        for (StructCode code : values()) {
            if (code.character == c) {
                return code;
            }
        }
        return null;
    }

    /** @return the format character */
    public char character() {
        return this.character;
    }

    /** @return the size in bytes with a {@code = < > !} prefix; 0 if the code is native only */
    public int standardSize() {
        return this.standardSize;
    }

    /** @return the size in bytes, and alignment, in native mode on 64-bit Linux */
    public int nativeSize() {
        return this.nativeSize;
    }

    /** @return how the bytes are interpreted */
    public Kind kind() {
        return this.kind;
    }

    /** @return true for integers and floats, the types LSRF word order applies to */
    public boolean isNumber() {
        return this.kind == Kind.SIGNED || this.kind == Kind.UNSIGNED || this.kind == Kind.FLOAT;
    }

    /**
     * @return the registers BEMCom's {@code compute_addresses} advances for one value of this
     *         code; 0 for codes it skips (no address)
     */
    public int bemcomRegisters() {
        return this.bemcomRegisters;
    }
}
