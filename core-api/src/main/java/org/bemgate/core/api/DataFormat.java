package org.bemgate.core.api;

/**
 * The data formats of BEMCom, which decide which values, setpoints and schedules a datapoint accepts.
 */
public enum DataFormat {
    /** A number or null. */
    GENERIC_NUMERIC("generic_numeric"),
    /** A number or null within the datapoint's min and max value. */
    CONTINUOUS_NUMERIC("continuous_numeric"),
    /** A number from the datapoint's allowed values. */
    DISCRETE_NUMERIC("discrete_numeric"),
    /** A string or null. */
    GENERIC_TEXT("generic_text"),
    /** A string from the datapoint's allowed values. */
    DISCRETE_TEXT("discrete_text"),
    /** true or false, never null. */
    BOOL("bool"),
    /** Anything; the default for new datapoints. */
    UNKNOWN("unknown");

    private final String bemcomName;

    DataFormat(String bemcomName) {
        this.bemcomName = bemcomName;
    }

    /** @return the name BEMCom uses, such as {@code continuous_numeric} */
    public String bemcomName() {
        return bemcomName;
    }

    /** @return true for the three numeric formats */
    public boolean isNumeric() {
        return this == GENERIC_NUMERIC || this == CONTINUOUS_NUMERIC || this == DISCRETE_NUMERIC;
    }

    /** @return true for the two formats whose values must be one of the allowed values */
    public boolean isDiscrete() {
        return this == DISCRETE_NUMERIC || this == DISCRETE_TEXT;
    }

    /**
     * Looks a format up by its BEMCom name or constant name, ignoring case.
     *
     * @param name for example {@code generic_numeric}
     * @return the format
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static DataFormat parse(String name) {
        for (DataFormat f : values()) {
            if (f.bemcomName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DataFormat f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.bemcomName);
        }
        throw new IllegalArgumentException("unknown data format '" + name + "': expected one of " + known);
    }
}
