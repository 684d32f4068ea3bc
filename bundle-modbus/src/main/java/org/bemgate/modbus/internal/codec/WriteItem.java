package org.bemgate.modbus.internal.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One item of a {@code write_*} list of {@code MODBUS_CONFIG}: an actuator datapoint and how a value
 * written to it becomes Modbus write requests (§10.10, §11).
 */
public final class WriteItem {

    private final ModbusFunction function;
    private final int address;
    private final int unit;
    private final StructFormat datatypes;
    private final WordOrder wordOrder;
    private final Object exampleValue;
    private final Double scalingFactor;
    private final CompanionWrite companion;
    private final MetadataTemplate metadata;
    private final List<WriteRequest> companionRequests;

    /**
     * @throws ModbusValueException if the companion value cannot be encoded
     */
    WriteItem(ModbusFunction function, int address, int unit, StructFormat datatypes, WordOrder wordOrder,
            Object exampleValue, Double scalingFactor, CompanionWrite companion, MetadataTemplate metadata)
            throws ModbusValueException {
        this.function = function;
        this.address = address;
        this.unit = unit;
        this.datatypes = datatypes;
        this.wordOrder = wordOrder;
        this.exampleValue = exampleValue;
        this.scalingFactor = scalingFactor;
        this.companion = companion;
        this.metadata = metadata == null ? MetadataTemplate.NONE : metadata;
        this.companionRequests = companion == null ? List.of()
                : requests(companion.address(), companion.value(), "companion_value");
    }

    /** @return the write function */
    public ModbusFunction function() {
        return this.function;
    }

    /** @return the coil or first register */
    public int address() {
        return this.address;
    }

    /** @return the unit id */
    public int unit() {
        return this.unit;
    }

    /** @return the parsed {@code datatypes}, one value; null for coils */
    public StructFormat datatypes() {
        return this.datatypes;
    }

    /** @return the configured {@code example_value}, as is (any JSON value, or null) */
    public Object exampleValue() {
        return this.exampleValue;
    }

    /** @return the factor a value is multiplied by before encoding, or null */
    public Double scalingFactor() {
        return this.scalingFactor;
    }

    /** @return the companion write, or null */
    public CompanionWrite companion() {
        return this.companion;
    }

    /** @return the metadata configured for the actuator */
    public MetadataTemplate metadata() {
        return this.metadata;
    }

    /** @return the actuator's datapoint key, such as {@code write_register__1__1} */
    public String key() {
        return ModbusKeys.key(this.function, this.unit, this.address);
    }

    /** @return how error messages name this item, such as {@code write_register item at address 1} */
    public String describe() {
        return this.function.key() + " item at address " + this.address;
    }

    /**
     * Encodes an actuator value. Coils accept what BEMCom accepts; registers take the value scaled by
     * the scaling factor if there is one, packed with {@code datatypes} exactly like Python's
     * {@code struct.pack}. The companion write, if any, follows the item's own requests.
     *
     * @param value the JSON value received for the actuator
     * @return the requests to send, in order
     * @throws ModbusValueException naming the key, the value and the problem; nothing may be written
     */
    public List<WriteRequest> encode(Object value) throws ModbusValueException {
        List<WriteRequest> out;
        try {
            String what = this.scalingFactor == null ? "value" : "value " + show(value) + " scaled to";
            out = new ArrayList<>(requests(this.address, scale(value), what));
        } catch (ModbusValueException e) {
            throw new ModbusValueException(key() + ": " + e.getMessage());
        }
        out.addAll(this.companionRequests);
        return Collections.unmodifiableList(out);
    }

    // Messages name the value, not the key: encode() adds the key, the configuration parser the item.
    private List<WriteRequest> requests(int at, Object value, String what) throws ModbusValueException {
        if (this.function == ModbusFunction.WRITE_COIL) {
            Boolean on = CoilValues.toCoil(value);
            if (on == null) {
                throw new ModbusValueException(what + " " + show(value) + " is not true, false, 1 or 0");
            }
            return List.of(WriteRequest.coil(this.unit, at, on));
        }
        int[] registers;
        try {
            registers = this.datatypes.packRegisters(Collections.singletonList(value), this.wordOrder);
        } catch (StructException e) {
            throw new ModbusValueException(what + " " + show(value) + " cannot be packed with datatypes '"
                    + this.datatypes + "': " + e.getMessage());
        }
        if (this.function == ModbusFunction.WRITE_REGISTER) {
            return List.of(WriteRequest.registers(this.function, this.unit, at, registers));
        }
        List<WriteRequest> out = new ArrayList<>();
        for (int[] chunk : RequestSplitter.split(registers.length, this.function.maxPerRequest(),
                register -> this.datatypes.isValueBoundary(2 * register))) {
            int[] part = new int[chunk[1]];
            System.arraycopy(registers, chunk[0], part, 0, chunk[1]);
            out.add(WriteRequest.registers(this.function, this.unit, at + chunk[0], part));
        }
        return out;
    }

    // Fronius's write path (§11): the value is read as a number, then multiplied; integer codes get the
    // nearest integer, because e.g. 0.29 * 100 is 28.999999999999996 in binary floating point.
    private Object scale(Object value) throws ModbusValueException {
        if (this.scalingFactor == null) {
            return value;
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                number = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new ModbusValueException("value " + show(value) + " is not a number");
            }
        } else {
            throw new ModbusValueException("value " + show(value) + " is not a number");
        }
        double scaled = number * this.scalingFactor;
        StructCode.Kind kind = this.datatypes.fields().get(0).code().kind();
        if (kind != StructCode.Kind.SIGNED && kind != StructCode.Kind.UNSIGNED) {
            return scaled;
        }
        if (!Double.isFinite(scaled)) {
            throw new ModbusValueException("value " + show(value) + " scaled by " + this.scalingFactor + " is "
                    + scaled + ", not an integer");
        }
        return new BigDecimal(Math.rint(scaled)).toBigIntegerExact();
    }

    private static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return describe() + " (unit " + this.unit + (this.datatypes == null ? "" : ", datatypes '" + this.datatypes + "'")
                + ")";
    }
}
