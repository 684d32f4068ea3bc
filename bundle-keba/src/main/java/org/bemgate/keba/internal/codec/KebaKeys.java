package org.bemgate.keba.internal.codec;

/**
 * Datapoint keys as BEMCom's KEBA connector forms them (§13.3, §13.4): sensors
 * {@code <station>__report <n>__<field>} with the space inside {@code report 1} kept, actuators
 * {@code <station>__<command>}.
 */
public final class KebaKeys {

    /** Joins the parts of a key, as BEMCom's flattening does. */
    public static final String SEPARATOR = "__";

    private KebaKeys() {
    }

    /**
     * @param station the station's name, such as {@code p30_garage}
     * @param report the report number
     * @param field the field, such as {@code Max curr %}
     * @return for example {@code p30_garage__report 2__Max curr %}
     */
    public static String sensor(String station, int report, String field) {
        return station + SEPARATOR + "report " + report + SEPARATOR + field;
    }

    /**
     * @param station the station's name
     * @param actuator the actuator
     * @return for example {@code p30_garage__curr}
     */
    public static String actuator(String station, Actuator actuator) {
        return station + SEPARATOR + actuator.command();
    }
}
