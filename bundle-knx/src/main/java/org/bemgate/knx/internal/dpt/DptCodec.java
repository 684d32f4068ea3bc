package org.bemgate.knx.internal.dpt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HexFormat;
import java.util.Map;

import org.bemgate.core.api.DataFormat;

import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.dptxlator.DPT;
import tuwien.auto.calimero.dptxlator.DPTXlator;
import tuwien.auto.calimero.dptxlator.DPTXlator3BitControlled;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteFloat;
import tuwien.auto.calimero.dptxlator.DPTXlatorBoolean;
import tuwien.auto.calimero.dptxlator.TranslatorTypes;

/**
 * Decodes and encodes the values of one KNX datapoint type with Calimero's translators, producing the
 * JSON values BEMCom's xknx-based connector produces ({@code bemcom-contracts.md} §14.3):
 * <ul>
 * <li>DPT 1: {@code true}/{@code false};</li>
 * <li>DPT 3 (3.007, 3.008): the step as a signed increment in % (100, 50, 25, 12, 6, 3, 1; 0 is break);</li>
 * <li>5.001 and 5.003: whole % and degrees, {@code round(raw / 255 × 100)} and {@code × 360};</li>
 * <li>DPT 5, 6, 7, 8, 12, 13, 20: the raw integer, with no resolution scaling (xknx 0.21 applies none; the unit
 * then names the step, such as {@code 10 ms} for 7.003);</li>
 * <li>DPT 9: the 2-byte float to 0.01; DPT 14: the 4-byte float rounded to 7 significant digits;</li>
 * <li>17.001: the scene number 1…64 (raw + 1);</li>
 * <li>DPT 16: the text, NULs stripped; DPT 10 and 11: Calimero's text ({@code Tue, 14:30:05}, {@code 2024-05-31}).</li>
 * </ul>
 * Immutable and thread-safe: every call uses its own translator.
 */
public final class DptCodec {

    /** How the JSON value is made from the translator. */
    enum Shape {
        BOOL, STEP, PERCENT_OR_ANGLE, RAW_INTEGER, FLOAT2, FLOAT4, SCENE, TEXT
    }

    /** Units of subtypes whose raw value is kept although the KNX standard scales it. */
    private static final Map<String, String> RAW_UNITS = Map.of("7.003", "10 ms", "7.004", "100 ms", "8.003", "10 ms",
            "8.004", "100 ms", "8.010", "0.01 %");
    /** The translator used for a main type given without subtype, or with a subtype Calimero does not know. */
    private static final Map<Integer, String> GENERIC = Map.ofEntries(Map.entry(1, "1.001"), Map.entry(3, "3.007"),
            Map.entry(5, "5.010"), Map.entry(6, "6.010"), Map.entry(7, "7.001"), Map.entry(8, "8.001"), Map.entry(9, "9.002"),
            Map.entry(10, "10.001"), Map.entry(11, "11.001"), Map.entry(12, "12.001"), Map.entry(13, "13.001"),
            Map.entry(14, "14.000"), Map.entry(16, "16.000"), Map.entry(17, "17.001"), Map.entry(20, "20.001"));
    private static final int[] STEP_INCREMENTS = { 0, 100, 50, 25, 12, 6, 3, 1 };
    /** The largest KNX 2-byte float. */
    private static final double FLOAT2_MAX = 670760.96;

    private final DptName name;
    private final String translatorId;
    private final Shape shape;
    private final DataFormat dataFormat;
    private final String unit;
    private final Double min;
    private final Double max;
    private final String description;

    private DptCodec(DptName name, String translatorId, Shape shape, DataFormat dataFormat, String unit, Double min, Double max,
            String description) {
        this.name = name;
        this.translatorId = translatorId;
        this.shape = shape;
        this.dataFormat = dataFormat;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    /**
     * Finds the codec of a datapoint type.
     *
     * @param text as in {@code KNX_DATAPOINTS}: {@code DPT-9}, {@code DPST-9-1}
     * @return its codec
     * @throws DptException if the text is not a datapoint type or the type is not supported, saying which are
     */
    public static DptCodec of(String text) throws DptException {
        DptName n = DptName.parse(text);
        String generic = GENERIC.get(n.main());
        if (generic == null) {
            throw unsupported(n);
        }
        boolean known = !n.mainOnly() && knownToCalimero(n.main(), n.calimeroId());
        String id = known ? n.calimeroId() : generic;
        DPT dpt = translator(id).getType();
        // Without a known subtype there is no unit: the generic translator's would be a guess.
        String unit = known ? dpt.getUnit() : "";
        String what = known ? dpt.getDescription() : "generic " + n.main() + ".xxx";
        String description = n + " " + what;
        switch (n.main()) {
            case 1:
                return new DptCodec(n, id, Shape.BOOL, DataFormat.BOOL, "", null, null,
                        description + " (false = " + dpt.getLowerValue() + ", true = " + dpt.getUpperValue() + ")");
            case 3:
                return new DptCodec(n, id, Shape.STEP, DataFormat.CONTINUOUS_NUMERIC, "%", -100.0, 100.0,
                        description + " (step as an increment in %: ±100, 50, 25, 12, 6, 3, 1; 0 stops)");
            case 5:
                if (id.equals("5.001") || id.equals("5.003")) {
                    return new DptCodec(n, id, Shape.PERCENT_OR_ANGLE, DataFormat.CONTINUOUS_NUMERIC, unit, 0.0,
                            id.equals("5.001") ? 100.0 : 360.0, description);
                }
                return integer(n, id, unit, dpt, description);
            case 6:
                if (id.equals("6.020")) {
                    throw unsupported(n);
                }
                return integer(n, id, unit, dpt, description);
            case 7:
            case 8:
                if (RAW_UNITS.containsKey(id)) {
                    // Decoded with the unscaled translator of the same size so the value stays raw, as in BEMCom.
                    return new DptCodec(n, n.main() == 7 ? "7.001" : "8.001", Shape.RAW_INTEGER, DataFormat.CONTINUOUS_NUMERIC,
                            RAW_UNITS.get(id), n.main() == 7 ? 0.0 : -32768.0, n.main() == 7 ? 65535.0 : 32767.0,
                            description + " (raw value, 1 = " + RAW_UNITS.get(id) + ")");
                }
                return integer(n, id, unit, dpt, description);
            case 9:
                // Calimero's upper bounds stop short of 0x7FFF (2047 × 2^15 / 100); keep every decodable value in range.
                return new DptCodec(n, id, Shape.FLOAT2, DataFormat.CONTINUOUS_NUMERIC, unit, bound(dpt.getLowerValue()),
                        Math.max(FLOAT2_MAX, bound(dpt.getUpperValue())), description);
            case 12:
            case 13:
            case 20:
                return integer(n, id, unit, dpt, description);
            case 14:
                return new DptCodec(n, id, Shape.FLOAT4, DataFormat.GENERIC_NUMERIC, unit, null, null, description);
            case 17:
                return new DptCodec(n, id, Shape.SCENE, DataFormat.CONTINUOUS_NUMERIC, "", 1.0, 64.0,
                        description + " (1-64, as xknx numbers scenes)");
            case 10:
            case 11:
            case 16:
                return new DptCodec(n, id, Shape.TEXT, DataFormat.GENERIC_TEXT, "", null, null,
                        description + (n.main() == 10 ? " (text such as 'Tue, 14:30:05' or '14:30:05')"
                                : n.main() == 11 ? " (text yyyy-mm-dd)" : " (at most 14 characters)"));
            default:
                throw unsupported(n);
        }
    }

    private static DptCodec integer(DptName n, String id, String unit, DPT dpt, String description) {
        Double lo = bound(dpt.getLowerValue());
        Double hi = bound(dpt.getUpperValue());
        return new DptCodec(n, id, Shape.RAW_INTEGER, lo != null && hi != null ? DataFormat.CONTINUOUS_NUMERIC
                : DataFormat.GENERIC_NUMERIC, unit, lo, hi, description);
    }

    /** @return the type as configured, such as {@code DPST-9-1} */
    public DptName name() {
        return name;
    }

    /** @return the Calimero translator id used, such as {@code 9.001} */
    public String translatorId() {
        return translatorId;
    }

    /** @return the data format of the datapoint */
    public DataFormat dataFormat() {
        return dataFormat;
    }

    /** @return the unit, empty when none */
    public String unit() {
        return unit;
    }

    /** @return the smallest value, or null */
    public Double min() {
        return min;
    }

    /** @return the largest value, or null */
    public Double max() {
        return max;
    }

    /** @return what the type is, for the datapoint's description */
    public String description() {
        return description;
    }

    /**
     * @param asdu the value bytes of a group write or response; one byte for types of up to 6 bits
     * @return the JSON value: Boolean, Long, Double or String
     * @throws DptException if the bytes do not fit the type
     */
    public Object decode(byte[] asdu) throws DptException {
        DPTXlator x = translator(translatorId);
        int expected = Math.max(1, x.getTypeSize());
        if (asdu == null || asdu.length != expected) {
            throw new DptException(name + " takes " + expected + " byte" + (expected == 1 ? "" : "s") + ", not "
                    + (asdu == null ? 0 : asdu.length) + " (" + (asdu == null ? "" : HexFormat.of().formatHex(asdu)) + ")");
        }
        try {
            x.setData(asdu);
            switch (shape) {
                case BOOL:
                    return ((DPTXlatorBoolean) x).getValueBoolean();
                case STEP: {
                    DPTXlator3BitControlled c = (DPTXlator3BitControlled) x;
                    long inc = STEP_INCREMENTS[c.getStepCode()];
                    return c.getControlBit() ? inc : -inc;
                }
                case PERCENT_OR_ANGLE:
                    return Math.round(x.getNumericValue());
                case RAW_INTEGER:
                    return (long) x.getNumericValue();
                case FLOAT2:
                    return Math.round(x.getNumericValue() * 100) / 100.0;
                case FLOAT4: {
                    float f = ((DPTXlator4ByteFloat) x).getValueFloat();
                    if (Float.isNaN(f) || Float.isInfinite(f)) {
                        throw new DptException(name + ": " + f + " is not a JSON number");
                    }
                    return new BigDecimal(f).round(new MathContext(7, RoundingMode.HALF_EVEN)).doubleValue();
                }
                case SCENE:
                    return (long) x.getNumericValue() + 1;
                case TEXT:
                    return x.getValue();
                default:
                    throw new IllegalStateException(shape.name());
            }
        } catch (KNXException | RuntimeException e) {
            throw new DptException(name + " cannot decode " + HexFormat.of().formatHex(asdu) + ": " + e.getMessage());
        }
    }

    /**
     * @param value a JSON value
     * @return a translator holding it, ready to be sent
     * @throws DptException if the value does not fit the type, saying why
     */
    public DPTXlator translator(Object value) throws DptException {
        DPTXlator x = translator(translatorId);
        try {
            switch (shape) {
                case BOOL:
                    ((DPTXlatorBoolean) x).setValue(bool(value));
                    break;
                case STEP: {
                    long inc = whole(value, -100, 100);
                    ((DPTXlator3BitControlled) x).setValue(inc > 0, stepCode(Math.abs(inc)));
                    break;
                }
                case PERCENT_OR_ANGLE:
                    x.setValue(number(value, min, max));
                    break;
                case RAW_INTEGER: {
                    long v = whole(value, min == null ? Long.MIN_VALUE : min.longValue(), max == null ? Long.MAX_VALUE : max.longValue());
                    x.setValue((double) v);
                    break;
                }
                case FLOAT2:
                case FLOAT4:
                    x.setValue(number(value, min, max));
                    break;
                case SCENE:
                    x.setValue((double) (whole(value, 1, 64) - 1));
                    break;
                case TEXT:
                    if (!(value instanceof String)) {
                        throw new DptException(name + " takes text, not " + show(value));
                    }
                    x.setValue((String) value);
                    break;
                default:
                    throw new IllegalStateException(shape.name());
            }
        } catch (KNXException | RuntimeException e) {
            throw new DptException(name + " cannot encode " + show(value) + ": " + e.getMessage());
        }
        return x;
    }

    /**
     * @param value a JSON value
     * @return the bytes it is sent as
     * @throws DptException if the value does not fit the type
     */
    public byte[] encode(Object value) throws DptException {
        return translator(value).getData();
    }

    /** xknx's thresholds: an increment of 100 % or more is step code 1, …, 1 % or more step code 7, 0 breaks. */
    private static int stepCode(long increment) {
        for (int code = 1; code < STEP_INCREMENTS.length; code++) {
            if (increment >= STEP_INCREMENTS[code]) {
                return code;
            }
        }
        return 0;
    }

    private boolean bool(Object value) throws DptException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        throw new DptException(name + " takes true or false, not " + show(value));
    }

    private long whole(Object value, long lo, long hi) throws DptException {
        double d = number(value, (double) lo, (double) hi);
        if (d != Math.rint(d)) {
            throw new DptException(name + " takes whole numbers, not " + show(value));
        }
        return (long) d;
    }

    private double number(Object value, Double lo, Double hi) throws DptException {
        if (!(value instanceof Number) || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new DptException(name + " takes a number, not " + show(value));
        }
        double d = ((Number) value).doubleValue();
        if (lo != null && d < lo || hi != null && d > hi) {
            throw new DptException(name + " takes " + plain(lo) + " to " + plain(hi) + ", not " + show(value));
        }
        return d;
    }

    private static String plain(Double d) {
        return d == null ? "any" : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private static String show(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    private static Double bound(String text) {
        try {
            return Double.valueOf(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean knownToCalimero(int main, String id) {
        try {
            TranslatorTypes.MainType t = TranslatorTypes.getMainType(main);
            return t != null && t.getSubTypes().containsKey(id);
        } catch (KNXException | RuntimeException e) {
            return false;
        }
    }

    private static DPTXlator translator(String id) {
        try {
            return TranslatorTypes.createTranslator(0, id);
        } catch (KNXException e) {
            throw new IllegalStateException("Calimero has no translator " + id, e);
        }
    }

    private static DptException unsupported(DptName n) {
        return new DptException(n + " is not supported; supported are DPT 1, 3 (3.007, 3.008), 5, 6 (not 6.020), 7, 8, 9, 10.001, "
                + "11.001, 12, 13, 14, 16, 17.001 and 20");
    }

    @Override
    public String toString() {
        return name + " (" + translatorId + ", " + dataFormat.bemcomName() + (unit.isEmpty() ? "" : ", " + unit) + ")";
    }
}
