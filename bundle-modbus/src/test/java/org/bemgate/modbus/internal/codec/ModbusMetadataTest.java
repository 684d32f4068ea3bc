package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.junit.Test;

/** Datapoint metadata of the demo device (§12) and bemgate's optional {@code metadata} objects. */
public class ModbusMetadataTest {

    private static final String DEMO = """
            {"read_input_registers": [{"address": 1, "count": 1, "unit": 1, "datatypes": "e"}],
             "write_register":       [{"address": 1, "unit": 1, "datatypes": "<e", "example_value": "22.0"}]}
            """;

    @Test
    public void demoDeviceDatapointsHaveBemcomDefaults() throws Exception {
        ModbusConfig config = ModbusConfig.parse(DEMO);
        assertEquals(List.of(DatapointMetadata.builder(DatapointId.of("demo-room", "read_input_registers__1__1"),
                DatapointType.SENSOR).build()), config.sensorMetadata("demo-room"));
        DatapointMetadata actuator = config.actuatorMetadata("demo-room").get(0);
        assertEquals(DatapointId.parse("demo-room/write_register__1__1"), actuator.id());
        assertEquals(DatapointType.ACTUATOR, actuator.type());
        assertEquals(DataFormat.UNKNOWN, actuator.dataFormat());
        assertEquals("22.0", actuator.exampleValue());
    }

    @Test
    public void configuredMetadataIsApplied() throws Exception {
        ModbusConfig config = ModbusConfig.parse("""
                {"read_input_registers": [{"address": 1, "count": 1, "unit": 1, "datatypes": "e",
                   "metadata": {"1": {"data_format": "continuous_numeric", "unit": "°C", "description": "room temperature",
                                      "min_value": 15, "max_value": 30}}}],
                 "read_coils": [{"address": 0, "count": 2, "unit": 1, "metadata": {"1": {"data_format": "bool"}}}],
                 "write_register": [{"address": 1, "unit": 1, "datatypes": "<e", "example_value": "22.0",
                   "metadata": {"data_format": "discrete_numeric", "allowed_values": [15, 22.5, 30]}}]}
                """);
        List<DatapointMetadata> sensors = config.sensorMetadata("demo-room");
        assertEquals(3, sensors.size());
        DatapointMetadata temperature = sensors.get(0);
        assertEquals(DataFormat.CONTINUOUS_NUMERIC, temperature.dataFormat());
        assertEquals("°C", temperature.unit());
        assertEquals("room temperature", temperature.description());
        assertEquals(Double.valueOf(15), temperature.minValue());
        assertEquals(Double.valueOf(30), temperature.maxValue());
        assertNull(temperature.exampleValue());
        assertEquals(DataFormat.UNKNOWN, sensors.get(1).dataFormat());
        assertEquals("read_coils__1__1", sensors.get(2).id().key());
        assertEquals(DataFormat.BOOL, sensors.get(2).dataFormat());
        DatapointMetadata setpoint = config.actuatorMetadata("demo-room").get(0);
        assertEquals(DataFormat.DISCRETE_NUMERIC, setpoint.dataFormat());
        assertEquals(List.of(15L, 22.5, 30L), setpoint.allowedValues());
        assertEquals("22.0", setpoint.exampleValue());
    }

    @Test
    public void laterOverlappingRangeDecidesTheMetadata() throws Exception {
        ModbusConfig config = ModbusConfig.parse("""
                {"read_holding_registers": [
                   {"address": 0, "count": 2, "unit": 1, "datatypes": ">hh", "metadata": {"1": {"unit": "A"}}},
                   {"address": 1, "count": 1, "unit": 1, "datatypes": ">h", "metadata": {"1": {"unit": "V"}}}]}
                """);
        List<DatapointMetadata> sensors = config.sensorMetadata("meter");
        assertEquals(2, sensors.size());
        assertEquals("read_holding_registers__1__1", sensors.get(1).id().key());
        assertEquals("V", sensors.get(1).unit());
    }

    @Test
    public void invalidConnectorNameIsRejected() throws Exception {
        try {
            ModbusConfig.parse(DEMO).sensorMetadata("demo room");
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("connector name 'demo room' must not contain '/', '+', '#' or white space", e.getMessage());
        }
    }
}
