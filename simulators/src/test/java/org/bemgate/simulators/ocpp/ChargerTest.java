package org.bemgate.simulators.ocpp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The simulated charger answers like a real one: units it does not take, read-only keys, triggered messages. */
public class ChargerTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) MiniJson.parse(text);
    }

    private static Map<String, Object> profile(String unit, double limit) {
        return json("{\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":"
                + "\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":\"" + unit
                + "\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":" + limit + "}]}}}");
    }

    @Test
    public void aChargerThatOnlyTakesCurrentRejectsALimitInWatt() {
        Charger c = new Charger("v", "m", 1, "Current");
        assertEquals("Rejected", c.answer("SetChargingProfile", profile("W", 11000)).payload().get("status"));
        assertNull(c.limit());
        assertEquals("Accepted", c.answer("SetChargingProfile", profile("A", 16)).payload().get("status"));
        assertEquals("16.0 A", c.limit());
        assertEquals("Rejected", c.answer("GetCompositeSchedule", json("{\"connectorId\":0,\"duration\":60,\"chargingRateUnit\":\"W\"}"))
                .payload().get("status"));
    }

    @Test
    public void configurationKeys() {
        Charger c = Charger.wallbox();
        assertEquals("NotSupported", c.answer("ChangeConfiguration", json("{\"key\":\"Nope\",\"value\":\"1\"}")).payload().get("status"));
        assertEquals("Rejected", c.answer("ChangeConfiguration", json("{\"key\":\"NumberOfConnectors\",\"value\":\"2\"}")).payload()
                .get("status"));
        assertEquals("Accepted", c.answer("ChangeConfiguration", json("{\"key\":\"HeartbeatInterval\",\"value\":\"5\"}")).payload()
                .get("status"));
        Map<String, Object> conf = c.answer("GetConfiguration", json("{\"key\":[\"HeartbeatInterval\",\"X\"]}")).payload();
        assertEquals(List.of(Map.of("key", "HeartbeatInterval", "readonly", false, "value", "5")), conf.get("configurationKey"));
        assertEquals(List.of("X"), conf.get("unknownKey"));
    }

    @Test
    public void triggeredMessagesFollowTheAnswer() {
        Charger c = new Charger("v", "m", 2, "Power");
        Charger.Answer a = c.answer("TriggerMessage", json("{\"requestedMessage\":\"StatusNotification\"}"));
        assertEquals("Accepted", a.payload().get("status"));
        assertEquals("connectors 0, 1 and 2", 3, a.followUps().size());
        assertEquals("Rejected", c.answer("TriggerMessage", json("{\"requestedMessage\":\"MeterValues\",\"connectorId\":3}")).payload()
                .get("status"));
        assertNull("unknown actions are NotImplemented", c.answer("SetDisplayMessage", json("{}")).payload());
        c.started(1, 42);
        Charger.Answer stop = c.answer("RemoteStopTransaction", json("{\"transactionId\":42}"));
        assertEquals("StopTransaction", stop.followUps().get(0).action());
        assertEquals("Rejected", c.answer("RemoteStopTransaction", json("{\"transactionId\":43}")).payload().get("status"));
    }

    @Test
    public void miniJsonRoundTrips() {
        String text = "{\"a\":[1,2.5,\"x\\\"y\",true,null,{}],\"b\":\"\\u00e9\\n\"}";
        Object v = MiniJson.parse(text);
        assertEquals(v, MiniJson.parse(MiniJson.write(v)));
        assertEquals(1L, ((List<?>) ((Map<?, ?>) v).get("a")).get(0));
        assertEquals("é\n", ((Map<?, ?>) v).get("b"));
        for (String bad : new String[] { "", "[1,", "{\"a\" 1}", "tru", "[1] x" }) {
            try {
                MiniJson.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("not JSON"));
            }
        }
    }
}
