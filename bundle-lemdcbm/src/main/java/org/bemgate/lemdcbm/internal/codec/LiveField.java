package org.bemgate.lemdcbm.internal.codec;

import org.bemgate.core.api.DataFormat;

/**
 * The fields of {@code /v1/livemeasure}, each a sensor whose key is the meter's own field name,
 * with the factor from the meter's unit to the gateway's (kW → W, kWh → Wh, as EVerest reads them
 * since its fix #871). A required field missing or not a number makes the whole answer invalid.
 */
public enum LiveField {
    VOLTAGE("voltage", "V", 1, true, "DC voltage"),
    CURRENT("current", "A", 1, true, "DC current"),
    POWER("power", "W", 1000, true, "Power; the meter gives kW"),
    ENERGY_IMPORT_TOTAL("energyImportTotal", "Wh", 1000, true, "Imported energy register; the meter gives kWh"),
    ENERGY_EXPORT_TOTAL("energyExportTotal", "Wh", 1000, true, "Exported energy register; the meter gives kWh"),
    TEMPERATURE_H("temperatureH", "°C", 1, false, "Temperature of the high-side terminal"),
    TEMPERATURE_L("temperatureL", "°C", 1, false, "Temperature of the low-side terminal"),
    TIMESTAMP("timestamp", "", 0, false, "The meter's time of the measurement, its local time without zone");

    private final String key;
    private final String unit;
    private final double factor;
    private final boolean required;
    private final String description;

    LiveField(String key, String unit, double factor, boolean required, String description) {
        this.key = key;
        this.unit = unit;
        this.factor = factor;
        this.required = required;
        this.description = description;
    }

    /** @return the meter's field name, also the datapoint key */
    public String key() {
        return key;
    }

    /** @return the gateway's unit; empty for the timestamp */
    public String unit() {
        return unit;
    }

    /** @return what to multiply the meter's number by; 0 for the text field */
    public double factor() {
        return factor;
    }

    /** @return true if every answer must have it */
    public boolean required() {
        return required;
    }

    /** @return the datapoint's description */
    public String description() {
        return description;
    }

    /** @return numeric fields are generic_numeric, the timestamp generic_text */
    public DataFormat dataFormat() {
        return factor == 0 ? DataFormat.GENERIC_TEXT : DataFormat.GENERIC_NUMERIC;
    }
}
