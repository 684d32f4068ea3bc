package org.bemgate.mqtt.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.junit.Test;

/** BEMCom's message shapes (bemcom-contracts.md §4) with the contract's vectors. */
public class BemcomJsonTest {

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void valueMessagesKeepJsonTypes() {
        assertEquals("{\"value\":\"18.0\",\"timestamp\":1585858832910}", s(BemcomJson.value(new Value("18.0", 1585858832910L))));
        assertEquals("{\"value\":18.0,\"timestamp\":1596240000000}", s(BemcomJson.value(new Value(18.0, 1596240000000L))));
        assertEquals("{\"value\":21,\"timestamp\":1}", s(BemcomJson.value(new Value(21L, 1))));
        assertEquals("{\"value\":null,\"timestamp\":1}", s(BemcomJson.value(new Value(null, 1))));
        assertEquals("{\"value\":true,\"timestamp\":1}", s(BemcomJson.value(new Value(true, 1))));
        assertEquals("{\"value\":{\"a\":[1,2]},\"timestamp\":1}", s(BemcomJson.value(new Value(Map.of("a", List.of(1, 2)), 1))));
    }

    @Test
    public void aValueJacksonCannotWriteGoesAsItsTextAsBemcomFallsBackToStr() {
        Object odd = new Object() {
            @Override
            public String toString() {
                return "odd";
            }
        };
        assertEquals("{\"value\":\"odd\",\"timestamp\":1}", s(BemcomJson.value(new Value(odd, 1))));
    }

    @Test
    public void heartbeatLogAvailableDatapointsMapAndRawMessageShapes() {
        assertEquals("{\"this_heartbeats_timestamp\":1571927361261,\"next_heartbeats_timestamp\":1571927391261}",
                s(BemcomJson.heartbeat(1571927361261L, 30_000)));
        assertEquals("{\"timestamp\":1571843907448,\"msg\":\"Connector running fine.\",\"emitter\":\"main\",\"level\":20}",
                s(BemcomJson.log(1571843907448L, "Connector running fine.", "main", 20)));
        Map<String, Object> sensor = new LinkedHashMap<>();
        sensor.put("Channel__P__value__0", "0.122");
        sensor.put("Channel__P__unit__0", "kW");
        assertEquals("{\"sensor\":{\"Channel__P__value__0\":\"0.122\",\"Channel__P__unit__0\":\"kW\"},"
                + "\"actuator\":{\"Channel__P__setpoint__0\":\"0.4\"}}",
                s(BemcomJson.availableDatapoints(sensor, Map.of("Channel__P__setpoint__0", "0.4"))));
        assertEquals("{\"sensor\":{},\"actuator\":{}}", s(BemcomJson.availableDatapoints(Map.of(), Map.of())));
        assertEquals("{\"sensor\":{\"read_input_registers__1__1\":\"demo-connector/messages/1/value\"},"
                + "\"actuator\":{\"demo-connector/messages/2/value\":\"write_register__1__1\"}}",
                s(BemcomJson.datapointMap(new DatapointMap(Map.of("read_input_registers__1__1", "demo-connector/messages/1/value"),
                        Map.of("demo-connector/messages/2/value", "write_register__1__1")))));
        assertEquals("{\"payload\":{\"raw_message\":\"device_1:{sensor_1:2.12}\",\"timestamp\":1573680749000},"
                + "\"connector_version\":\"0.7.0\"}", s(BemcomJson.rawMessage("device_1:{sensor_1:2.12}", 1573680749000L, "0.7.0")));
    }

    @Test
    public void setpointVectorOfTheContractReadsAndWritesBack() {
        String json = "{\"setpoint\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613491, \"preferred_value\": \"19\", "
                + "\"acceptable_values\": [\"17\",\"18\",\"19\",\"20\",\"21\"]}], \"timestamp\": 1586301356394}";
        Setpoint sp = BemcomJson.readSetpoint(b(json));
        assertEquals(new Setpoint(List.of(new SetpointItem(null, 1564489613491L, "19", List.of("17", "18", "19", "20", "21"), null,
                null, SetpointItem.Flexibility.DISCRETE)), 1586301356394L), sp);
        assertEquals(json.replace(" ", ""), s(BemcomJson.setpoint(sp)));
        // a key present with null still means discrete / continuous to the controller
        Setpoint nulls = BemcomJson.readSetpoint(b("{\"setpoint\": [{\"preferred_value\": 21, \"min_value\": null, \"max_value\": null}, "
                + "{\"preferred_value\": 1, \"acceptable_values\": null}], \"timestamp\": 5}"));
        assertEquals(SetpointItem.Flexibility.CONTINUOUS, nulls.items().get(0).flexibility());
        assertEquals(SetpointItem.Flexibility.DISCRETE, nulls.items().get(1).flexibility());
        assertEquals("{\"setpoint\":[{\"from_timestamp\":null,\"to_timestamp\":null,\"preferred_value\":21,\"min_value\":null,"
                + "\"max_value\":null},{\"from_timestamp\":null,\"to_timestamp\":null,\"preferred_value\":1,\"acceptable_values\":null}],"
                + "\"timestamp\":5}", s(BemcomJson.setpoint(nulls)));
        assertEquals("the docs allow a null setpoint", List.of(), BemcomJson.readSetpoint(b("{\"setpoint\": null, \"timestamp\": 1}")).items());
    }

    @Test
    public void scheduleVectorOfTheContractReadsAndWritesBack() {
        String json = "{\"schedule\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613000, \"value\": \"19.0\"}, "
                + "{\"from_timestamp\": 1564489613000, \"to_timestamp\": null, \"value\": null}], \"timestamp\": 1586290918529}";
        Schedule sc = BemcomJson.readSchedule(b(json));
        assertEquals(new Schedule(List.of(new ScheduleItem(null, 1564489613000L, "19.0"), new ScheduleItem(1564489613000L, null, null)),
                1586290918529L), sc);
        assertEquals(json.replace(" ", ""), s(BemcomJson.schedule(sc)));
    }

    @Test
    public void valueAndMapReading() {
        assertEquals(new Value("updated_value!", 1585092224000L),
                BemcomJson.readValue(b("{\"value\": \"updated_value!\", \"timestamp\": 1585092224000}")));
        assertEquals(new Value(17.0, 1585092224000L), BemcomJson.readValue(b("{\"value\": 17.0, \"timestamp\": 1585092224000}")));
        assertEquals(new Value(null, 1L), BemcomJson.readValue(b("{\"value\": null, \"timestamp\": 1}")));
        DatapointMap m = BemcomJson.readDatapointMap(b("{\"sensor\": {\"k\": \"cn/messages/1/value\"}, \"actuator\": {}}"));
        assertEquals(Map.of("k", "cn/messages/1/value"), m.sensor());
        assertTrue(m.actuator().isEmpty());
    }

    @Test
    public void malformedPayloadsSayWhatIsWrong() {
        assertMalformed("not JSON", () -> BemcomJson.parse(b("{\"oops")));
        assertMalformed("'value' is missing", () -> BemcomJson.readValue(b("{\"timestamp\": 1}")));
        assertMalformed("'timestamp' is missing", () -> BemcomJson.readValue(b("{\"value\": 1}")));
        assertMalformed("'timestamp' must be an integer", () -> BemcomJson.readValue(b("{\"value\": 1, \"timestamp\": \"now\"}")));
        assertMalformed("a value message must be a JSON object", () -> BemcomJson.readValue(b("[1]")));
        assertMalformed("'setpoint' must be a JSON list", () -> BemcomJson.readSetpoint(b("{\"setpoint\": 5, \"timestamp\": 1}")));
        assertMalformed("'setpoint' is missing", () -> BemcomJson.readSetpoint(b("{\"timestamp\": 1}")));
        assertMalformed("'min_value' must be a number", () -> BemcomJson.readSetpoint(
                b("{\"setpoint\": [{\"min_value\": \"x\", \"max_value\": 1}], \"timestamp\": 1}")));
        assertMalformed("'schedule' is missing", () -> BemcomJson.readSchedule(b("{\"setpoint\": [], \"timestamp\": 1}")));
        assertMalformed("'actuator' must be a JSON object and is missing", () -> BemcomJson.readDatapointMap(b("{\"sensor\": {}}")));
        assertMalformed("'sensor' entry 'k' must map to a non-empty string",
                () -> BemcomJson.readDatapointMap(b("{\"sensor\": {\"k\": 1}, \"actuator\": {}}")));
    }

    private static void assertMalformed(String start, org.junit.function.ThrowingRunnable r) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, r);
        assertTrue(e.getMessage(), e.getMessage().startsWith(start));
    }
}
