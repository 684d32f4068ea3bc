package org.bemgate.modbus.internal.codec;

/**
 * Connector settings that change how {@code MODBUS_CONFIG} is read and registers are coded.
 *
 * @param wordOrder the register order of 32- and 64-bit values (§10.6)
 * @param lenient false: any key the connector does not use is an error, which catches typos;
 *        true: such keys are ignored with a warning, as BEMCom drops unknown top-level keys
 */
public record ModbusCodecOptions(WordOrder wordOrder, boolean lenient) {

    /** BEMCom's word order, strict keys. */
    public static final ModbusCodecOptions DEFAULTS = new ModbusCodecOptions(WordOrder.MOST_SIGNIFICANT_FIRST, false);

    /** @param wordOrder the word order; null means most significant register first */
    public ModbusCodecOptions {
        wordOrder = wordOrder == null ? WordOrder.MOST_SIGNIFICANT_FIRST : wordOrder;
    }

    /** @param order the word order @return these options with that word order */
    public ModbusCodecOptions withWordOrder(WordOrder order) {
        return new ModbusCodecOptions(order, this.lenient);
    }

    /** @param on whether unused keys are only warned about @return these options with that setting */
    public ModbusCodecOptions withLenient(boolean on) {
        return new ModbusCodecOptions(this.wordOrder, on);
    }
}
