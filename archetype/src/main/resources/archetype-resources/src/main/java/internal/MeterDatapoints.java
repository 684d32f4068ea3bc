package ${package}.internal;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;

/** The datapoints of one meter, all known up front. Keys are the meter's own field names. */
final class MeterDatapoints {

    static final String POWER = "power";
    static final String ENERGY = "energy";
    static final String VOLTAGE = "voltage";
    static final String RELAY_STATE = "relayState";
    static final String RELAY = "relay";

    private MeterDatapoints() {
    }

    static List<DatapointMetadata> all(String connector) {
        return List.of(
                sensor(connector, POWER, DataFormat.GENERIC_NUMERIC, "W", "Active power, positive when drawn"),
                sensor(connector, ENERGY, DataFormat.GENERIC_NUMERIC, "Wh", "Energy drawn since the meter was made"),
                sensor(connector, VOLTAGE, DataFormat.GENERIC_NUMERIC, "V", "Voltage"),
                sensor(connector, RELAY_STATE, DataFormat.BOOL, "", "true while the meter's relay is closed, as the meter reports it"),
                DatapointMetadata.builder(DatapointId.of(connector, RELAY), DatapointType.ACTUATOR).dataFormat(DataFormat.BOOL)
                        .description("Closes (true) or opens (false) the meter's relay").exampleValue(true).build());
    }

    private static DatapointMetadata sensor(String connector, String key, DataFormat format, String unit, String description) {
        return DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.SENSOR).dataFormat(format).unit(unit)
                .description(description).build();
    }
}
