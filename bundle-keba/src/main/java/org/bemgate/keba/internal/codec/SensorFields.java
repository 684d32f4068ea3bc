package org.bemgate.keba.internal.codec;

import java.util.HashMap;
import java.util.Map;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;

/**
 * What every field of reports 1, 2 and 3 means and in which unit it comes (device-protocols §B.6).
 * Values are published as the station sends them, as BEMCom does, so the unit is the wire's own:
 * {@code mA}, {@code mW}, {@code 0.1 Wh}, {@code V}, {@code 0.1 %}. Fields that are not in the table
 * (other firmware) still become datapoints, with the data format their first value shows.
 */
public final class SensorFields {

    /**
     * @param report the report that carries the field
     * @param unit the wire's unit, empty for codes and text
     * @param description what it means
     */
    record Field(int report, String unit, String description) {
    }

    private static final Map<String, Field> FIELDS = new HashMap<>();

    static {
        // in every report; filed under report 2 for state messages, which never carry them
        add(2, "ID", "", "Report number");
        add(2, "Serial", "", "Serial number of the station");
        add(2, "Sec", "s", "Uptime of the station");
        add(1, "Product", "", "Product code: model and options");
        add(1, "Firmware", "", "Firmware version");
        add(1, "COM-module", "", "Communication module fitted (1) or not (0)");
        add(1, "Backend", "", "Backend (OCPP) communication present (1) or not (0)");
        add(1, "timeQ", "", "Quality of the station's clock synchronisation");
        add(1, "setBoot", "", "Boot setting of the firmware");
        add(1, "DIP-Sw1", "", "DIP switch block 1, hexadecimal");
        add(1, "DIP-Sw2", "", "DIP switch block 2, hexadecimal");
        add(2, "State", "", "0 starting, 1 not ready, 2 ready for the car, 3 charging, 4 error, 5 authorisation rejected");
        add(2, "Error1", "", "Error detail of state 4");
        add(2, "Error2", "", "Error detail of state 4");
        add(2, "Plug", "", "0 unplugged, 1 plugged at the station, 3 also locked, 5 plugged at station and car, 7 also locked "
                + "(charging needs 7)");
        add(2, "AuthON", "", "RFID authorisation on (1) or off (0)");
        add(2, "Authreq", "", "Authorisation still required (1)");
        add(2, "Enable sys", "", "Charging enabled overall: X1 input, RFID and UDP (1) or not (0)");
        add(2, "Enable user", "", "Charging enabled by UDP (ena) (1) or not (0)");
        add(2, "Max curr", "mA", "Current offered to the car");
        add(2, "Max curr %", "0.1 %", "PWM duty cycle offered to the car, 1000 = 100 %");
        add(2, "Curr HW", "mA", "Hardware limit: the lowest of DIP switches, cable and temperature");
        add(2, "Curr user", "mA", "Limit set over UDP by curr or currtime");
        add(2, "Curr FS", "mA", "Failsafe current");
        add(2, "Tmo FS", "s", "Failsafe timeout");
        add(2, "Curr timer", "mA", "Current that currtime sets when its delay ends");
        add(2, "Tmo CT", "s", "Time left until currtime applies");
        add(2, "Setenergy", "0.1 Wh", "Energy limit of the session, 0 for none");
        add(2, "Output", "", "X2 relay output");
        add(2, "Input", "", "X1 input");
        add(2, "X2 phaseSwitch source", "", "Phase switch source: 0 none, 1 OCPP, 2 REST, 3 Modbus, 4 UDP");
        add(2, "X2 phaseSwitch", "", "Phases: 0 one, 1 three");
        for (int i = 1; i <= 3; i++) {
            add(3, "U" + i, "V", "Voltage of phase " + i);
            add(3, "I" + i, "mA", "Current of phase " + i);
        }
        add(3, "P", "mW", "Active power");
        add(3, "PF", "0.1 %", "Power factor, 1000 = 1");
        add(3, "E pres", "0.1 Wh", "Energy of the present session; restarts with a new session");
        add(3, "E total", "0.1 Wh", "Energy of all past sessions");
    }

    private SensorFields() {
    }

    private static void add(int report, String name, String unit, String description) {
        FIELDS.put(name, new Field(report, unit, description));
    }

    /**
     * The report an unsolicited state message belongs to: {@code E pres} to report 3, the state
     * fields ({@code State}, {@code Plug}, {@code Input}, {@code Enable sys}, {@code Max curr}) and
     * anything unknown to report 2, so a message updates the same datapoint the poll does.
     *
     * @param field a field name
     * @return 1, 2 or 3
     */
    public static int reportOf(String field) {
        Field f = FIELDS.get(field);
        return f == null ? 2 : f.report();
    }

    /**
     * @param connector the connector name
     * @param key the sensor key
     * @param field the field name
     * @param example the first value seen, which decides the data format
     * @return the sensor's metadata
     */
    public static DatapointMetadata metadata(String connector, String key, String field, Object example) {
        Field f = FIELDS.get(field);
        boolean numeric = example instanceof Number;
        DataFormat format = numeric ? DataFormat.GENERIC_NUMERIC
                : example instanceof String ? DataFormat.GENERIC_TEXT
                : example instanceof Boolean ? DataFormat.BOOL : DataFormat.UNKNOWN;
        return DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.SENSOR).dataFormat(format)
                .unit(numeric && f != null ? f.unit() : "")
                .description(f == null ? "Field '" + field + "' as the station reports it" : f.description())
                .exampleValue(example).build();
    }
}
