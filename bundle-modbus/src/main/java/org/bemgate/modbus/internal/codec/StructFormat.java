package org.bemgate.modbus.internal.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A parsed Python {@code struct} format string, as BEMCom's {@code datatypes} (§10.4): byte order
 * prefix, codes, repeat counts, and for native mode ({@code @} or no prefix) the 64-bit Linux sizes
 * and alignment, fixed to little-endian.
 *
 * <p>Values map to Java as follows: integers {@link Long} ({@link BigInteger} for unsigned 64-bit
 * values above {@link Long#MAX_VALUE}), {@code e f d} {@link Double}, {@code ?} {@link Boolean},
 * {@code c s p} {@link String} with one character per byte (ISO-8859-1). Packing accepts what Python
 * accepts for the matching JSON value: integers and booleans for integer codes (never a number with a
 * fraction), any number or boolean for float codes, anything for {@code ?} (by Python truthiness).
 *
 * <p>Instances are immutable.
 */
public final class StructFormat {

    /** One token of the format: a code and its repeat count. */
    public record Item(StructCode code, int count) {
    }

    // Far above any Modbus range (65536 registers); only keeps absurd repeat counts out.
    private static final int MAX_BYTES = 1 << 20;
    private static final String WHITESPACE = " \t\n\r\u000b\f";

    private final String text;
    private final boolean bigEndian;
    private final boolean nativeMode;
    private final List<Item> items;
    private final List<StructField> fields;
    private final int size;

    private StructFormat(String text, boolean bigEndian, boolean nativeMode, List<Item> items, List<StructField> fields,
            int size) {
        this.text = text;
        this.bigEndian = bigEndian;
        this.nativeMode = nativeMode;
        this.items = Collections.unmodifiableList(items);
        this.fields = Collections.unmodifiableList(fields);
        this.size = size;
    }

    /**
     * Parses a format string with Python's rules: the prefix only as the first character, white space
     * between items ignored, a count directly before its code.
     *
     * @param text the format, such as {@code >ffff}, {@code <e} or {@code @hf}
     * @return the parsed format
     * @throws StructException where Python's {@code struct} would raise {@code struct.error}
     */
    public static StructFormat parse(String text) {
        if (text == null) {
            throw new StructException("no format string");
        }
        int pos = 0;
        char prefix = text.isEmpty() ? 0 : text.charAt(0);
        if ("@=<>!".indexOf(prefix) >= 0) {
            pos = 1;
        } else {
            prefix = 0;
        }
        boolean nativeMode = prefix == 0 || prefix == '@';
        List<Item> items = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        int size = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (WHITESPACE.indexOf(c) >= 0) {
                pos++;
                continue;
            }
            int count = 1;
            if (c >= '0' && c <= '9') {
                long n = 0;
                while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                    n = n * 10 + text.charAt(pos) - '0';
                    if (n > MAX_BYTES) {
                        throw new StructException("total struct size too long");
                    }
                    pos++;
                }
                if (pos == text.length()) {
                    throw new StructException("repeat count given without format specifier");
                }
                count = (int) n;
                c = text.charAt(pos);
            }
            StructCode code = StructCode.of(c);
            if (code == null || !nativeMode && code.standardSize() == 0) {
                throw new StructException("bad char '" + c + "' at position " + pos + " in struct format");
            }
            int itemSize = nativeMode ? code.nativeSize() : code.standardSize();
            if (nativeMode) {
                // Python aligns even for a zero count: that is how '0l' pads a struct's end.
                size = (size + itemSize - 1) / itemSize * itemSize;
            }
            switch (code.kind()) {
                case PAD -> size += count;
                case STRING, PASCAL_STRING -> {
                    fields.add(new StructField(code, size, count));
                    size += count;
                }
                default -> {
                    for (int i = 0; i < count; i++) {
                        fields.add(new StructField(code, size, itemSize));
                        size += itemSize;
                    }
                }
            }
            if (size > MAX_BYTES) {
                throw new StructException("total struct size too long");
            }
            items.add(new Item(code, count));
            pos++;
        }
        return new StructFormat(text, prefix == '>' || prefix == '!', nativeMode, items, fields, size);
    }

    /** @return the format as written */
    public String text() {
        return this.text;
    }

    /** @return true for {@code >} and {@code !}; native mode is little-endian */
    public boolean isBigEndian() {
        return this.bigEndian;
    }

    /** @return true for {@code @} or no prefix: native sizes and alignment */
    public boolean isNativeMode() {
        return this.nativeMode;
    }

    /** @return the tokens in order, pad bytes included */
    public List<Item> items() {
        return this.items;
    }

    /** @return one field per value, in order */
    public List<StructField> fields() {
        return this.fields;
    }

    /** @return the number of values ({@code len(struct.unpack(...))}) */
    public int valueCount() {
        return this.fields.size();
    }

    /** @return the number of bytes ({@code struct.calcsize}) */
    public int byteSize() {
        return this.size;
    }

    /**
     * Checks that a word order can be applied: LSRF reverses the registers of each 4- and 8-byte
     * number, which is only defined when the number starts on a register boundary.
     *
     * @param order the word order
     * @throws StructException naming the first number that does not start on a register boundary
     */
    public void checkWordOrder(WordOrder order) {
        if (order != WordOrder.LEAST_SIGNIFICANT_FIRST) {
            return;
        }
        for (StructField f : this.fields) {
            if (isWordOrdered(f) && f.offset() % 2 != 0) {
                throw new StructException("LSRF word order needs every 4- and 8-byte number to start on a register boundary,"
                        + " but '" + f.code().character() + "' starts at byte " + f.offset());
            }
        }
    }

    /**
     * @param byteOffset an offset into the packed bytes
     * @return true if no value's bytes straddle it, so a request may end there
     */
    public boolean isValueBoundary(int byteOffset) {
        for (StructField f : this.fields) {
            if (f.straddles(byteOffset)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code struct.unpack}.
     *
     * @param bytes exactly {@link #byteSize()} bytes
     * @return the values
     * @throws StructException if the buffer has the wrong size
     */
    public List<Object> unpack(byte[] bytes) {
        if (bytes.length != this.size) {
            throw new StructException("unpack requires a buffer of " + this.size + " bytes, got " + bytes.length);
        }
        List<Object> values = new ArrayList<>(this.fields.size());
        for (StructField f : this.fields) {
            values.add(decode(f, bytes));
        }
        return values;
    }

    /**
     * {@code struct.pack}.
     *
     * @param values one value per field
     * @return the packed bytes; pad and alignment bytes are zero
     * @throws StructException if the number of values is wrong or a value does not fit its code
     */
    public byte[] pack(List<?> values) {
        if (values.size() != this.fields.size()) {
            throw new StructException("pack expected " + this.fields.size() + " items for packing (got " + values.size() + ")");
        }
        byte[] bytes = new byte[this.size];
        for (int i = 0; i < values.size(); i++) {
            encode(this.fields.get(i), values.get(i), bytes);
        }
        return bytes;
    }

    /**
     * Decodes registers: packs them big-endian as on the wire (§10.4), applies the word order, then
     * unpacks.
     *
     * @param registers 16-bit unsigned values, exactly {@code byteSize() / 2} of them
     * @param order the word order
     * @return the values
     * @throws StructException if the registers do not match the format
     */
    public List<Object> unpackRegisters(int[] registers, WordOrder order) {
        checkWordOrder(order);
        if (registers.length * 2 != this.size) {
            throw new StructException("unpack requires a buffer of " + this.size + " bytes, got " + registers.length
                    + " register(s)");
        }
        return unpack(reorderWords(Registers.toBytes(registers), order));
    }

    /**
     * Encodes values into registers: packs, applies the word order, splits into big-endian words.
     *
     * @param values one value per field
     * @param order the word order
     * @return the registers
     * @throws StructException if the values do not fit or the format is not whole registers
     */
    public int[] packRegisters(List<?> values, WordOrder order) {
        checkWordOrder(order);
        if (this.size % 2 != 0) {
            throw new StructException("format describes " + this.size + " bytes, not a whole number of registers");
        }
        return Registers.fromBytes(reorderWords(pack(values), order));
    }

    private byte[] reorderWords(byte[] bytes, WordOrder order) {
        if (order != WordOrder.LEAST_SIGNIFICANT_FIRST) {
            return bytes;
        }
        byte[] out = bytes.clone();
        for (StructField f : this.fields) {
            if (isWordOrdered(f)) {
                int words = f.size() / 2;
                for (int w = 0; w < words; w++) {
                    int from = f.offset() + 2 * w;
                    int to = f.offset() + 2 * (words - 1 - w);
                    out[to] = bytes[from];
                    out[to + 1] = bytes[from + 1];
                }
            }
        }
        return out;
    }

    private static boolean isWordOrdered(StructField f) {
        return f.code().isNumber() && (f.size() == 4 || f.size() == 8);
    }

    private Object decode(StructField f, byte[] b) {
        int o = f.offset();
        switch (f.code().kind()) {
            case CHAR:
                return String.valueOf((char) (b[o] & 0xff));
            case BOOL:
                return b[o] != 0;
            case STRING:
                return new String(b, o, f.size(), StandardCharsets.ISO_8859_1);
            case PASCAL_STRING:
                if (f.size() == 0) {
                    return "";
                }
                return new String(b, o + 1, Math.min(b[o] & 0xff, f.size() - 1), StandardCharsets.ISO_8859_1);
            case FLOAT:
                long bits = readUnsigned(b, o, f.size());
                if (f.size() == 2) {
                    return HalfFloat.toDouble((int) bits);
                }
                return f.size() == 4 ? (double) Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            case SIGNED:
                long raw = readUnsigned(b, o, f.size());
                int shift = 64 - 8 * f.size();
                return raw << shift >> shift;
            case UNSIGNED:
                long u = readUnsigned(b, o, f.size());
                return u >= 0 ? (Object) u : new BigInteger(Long.toUnsignedString(u));
            default:
                throw new IllegalStateException("pad bytes have no value");
        }
    }

    private long readUnsigned(byte[] b, int offset, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int index = this.bigEndian ? offset + i : offset + n - 1 - i;
            v = v << 8 | (b[index] & 0xff);
        }
        return v;
    }

    private void write(byte[] b, int offset, int n, long v) {
        for (int i = 0; i < n; i++) {
            int index = this.bigEndian ? offset + n - 1 - i : offset + i;
            b[index] = (byte) (v >>> 8 * i);
        }
    }

    private void encode(StructField f, Object value, byte[] b) {
        char c = f.code().character();
        int o = f.offset();
        switch (f.code().kind()) {
            case CHAR -> {
                byte[] one = toBytes(value);
                if (one == null || one.length != 1) {
                    throw new StructException("char format requires a bytes object of length 1");
                }
                b[o] = one[0];
            }
            case BOOL -> b[o] = (byte) (isTruthy(value) ? 1 : 0);
            case STRING, PASCAL_STRING -> {
                byte[] s = toBytes(value);
                if (s == null) {
                    throw new StructException("argument for '" + c + "' must be a bytes object");
                }
                if (f.code().kind() == StructCode.Kind.STRING) {
                    System.arraycopy(s, 0, b, o, Math.min(s.length, f.size()));
                } else if (f.size() > 0) {
                    int n = Math.min(s.length, f.size() - 1);
                    System.arraycopy(s, 0, b, o + 1, n);
                    b[o] = (byte) Math.min(n, 255);
                }
            }
            case FLOAT -> {
                Double d = toDouble(value);
                if (d == null) {
                    throw new StructException("required argument is not a float");
                }
                if (f.size() == 2) {
                    write(b, o, 2, HalfFloat.fromDouble(d));
                } else if (f.size() == 4) {
                    float single = (float) d.doubleValue();
                    if (Float.isInfinite(single) && !d.isInfinite()) {
                        throw new StructException("float too large to pack with f format");
                    }
                    write(b, o, 4, Float.floatToRawIntBits(single) & 0xffffffffL);
                } else {
                    write(b, o, 8, Double.doubleToRawLongBits(d));
                }
            }
            case SIGNED, UNSIGNED -> {
                BigInteger v = toInteger(value);
                if (v == null) {
                    throw new StructException("required argument is not an integer");
                }
                int bitCount = 8 * f.size();
                boolean signed = f.code().kind() == StructCode.Kind.SIGNED;
                BigInteger min = signed ? BigInteger.ONE.shiftLeft(bitCount - 1).negate() : BigInteger.ZERO;
                BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bitCount - 1) : BigInteger.ONE.shiftLeft(bitCount))
                        .subtract(BigInteger.ONE);
                if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                    throw new StructException("'" + c + "' format requires " + min + " <= number <= " + max);
                }
                write(b, o, f.size(), v.longValue());
            }
            default -> throw new IllegalStateException("pad bytes have no value");
        }
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xff) {
                    return null;
                }
            }
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    /**
     * @param value a JSON value
     * @return the value as Python's {@code int()} of a JSON integer or bool would give it, or null for
     *         anything else (numbers with a fraction included, as Python refuses to pack floats as ints)
     */
    static BigInteger toInteger(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        return null;
    }

    /**
     * @param value a JSON value
     * @return the value as Python's {@code float()} of a JSON number or bool would give it, or null
     */
    static Double toDouble(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    /**
     * @param value a JSON value
     * @return Python's truth value of it: false for null, false, zero and empty strings and containers
     */
    static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigInteger big) {
            return big.signum() != 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length > 0;
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructFormat other && other.text.equals(this.text);
    }

    @Override
    public int hashCode() {
        return this.text.hashCode();
    }

    @Override
    public String toString() {
        return this.text;
    }
}
