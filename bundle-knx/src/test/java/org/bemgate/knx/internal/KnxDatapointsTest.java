package org.bemgate.knx.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** BEMCom's KNX_DATAPOINTS, accepted unchanged, and the reasons given for what cannot work. */
public class KnxDatapointsTest {

    /** The example of BEMCom's KNX connector Readme. */
    static final String BEMCOM_EXAMPLE = "{\n    \"sensor\": {\n        \"2/3/111\": \"DPST-3-7\",\n        \"2/3/112\": \"DPST-5-1\",\n"
            + "        \"2/3/113\": \"DPST-1-1\"\n    },\n    \"actuator\": {\n        \"2/3/113\": \"DPST-1-1\"\n    }\n}";

    @Test
    public void bemcomsExampleIsAcceptedAsItIs() {
        KnxDatapoints d = KnxDatapoints.parse(BEMCOM_EXAMPLE);
        assertEquals(List.of("2/3/111", "2/3/112", "2/3/113"), d.entries().stream().map(KnxDatapoints.Entry::key).toList());
        KnxDatapoints.Entry both = d.byKey("2/3/113");
        assertTrue("listed under both: one actuator whose bus values are published", both.sensor() && both.actuator());
        assertFalse(d.byKey("2/3/111").actuator());
        assertEquals((2 << 11) | (3 << 8) | 111, d.byKey("2/3/111").address());
        assertEquals("2/3/112", d.byAddress((2 << 11) | (3 << 8) | 112).key());
        assertEquals("DPST-5-1", d.byKey("2/3/112").codec().name().toString());
        assertEquals(3, d.sensors().size());
        assertNull(d.byKey("2/3/114"));
    }

    @Test
    public void eitherListMayBeMissing() {
        assertEquals(1, KnxDatapoints.parse("{\"actuator\": {\"1/2/3\": \"DPT-1\"}}").entries().size());
        assertEquals(1, KnxDatapoints.parse("{\"sensor\": {\"1/2/3\": \"DPT-9\"}, \"actuator\": {}}").sensors().size());
    }

    @Test
    public void whatCannotWorkIsNamedWithItsGroupAddress() {
        assertProblem("{\"sensor\": {\"2/3/111\": \"DPST-2-1\"}}",
                "group address 2/3/111 (sensor): DPST-2-1 is not supported; supported are");
        assertProblem("{\"sensor\": {\"2/3/111\": \"warm\"}}", "group address 2/3/111 (sensor): 'warm' is not a datapoint type");
        assertProblem("{\"sensor\": {\"2/3/999\": \"DPT-9\"}}", "sensor 2/3/999: '2/3/999' is not a group address");
        assertProblem("{\"sensor\": {\"2/3/1\": 9}}", "sensor 2/3/1: the DPT must be a string");
        assertProblem("{\"sensors\": {\"2/3/1\": \"DPT-9\"}}", "unknown entry 'sensors': expected 'sensor' and 'actuator'");
        assertProblem("{\"sensor\": {}}", "no group address under 'sensor' or 'actuator'");
        assertProblem("{\"sensor\": {\"2/3/1\": \"DPT-9\"}, \"actuator\": {\"2/3/1\": \"DPT-1\"}}",
                "group address 2/3/1 is a sensor of DPT-9 and an actuator of DPT-1");
        assertProblem("{\"sensor\": {\"2/3/1\": \"DPT-9\", \"2/769\": \"DPT-9\"}}", "sensor 2/769: the same group address as '2/3/1'");
        assertProblem("[1, 2]", "expected BEMCom's KNX_DATAPOINTS object");
        assertProblem("{\"sensor\": ", "not valid JSON");
        assertProblem("{\"sensor\": [\"2/3/1\"]}", "'sensor' must map group addresses to DPTs");
    }

    private static void assertProblem(String json, String start) {
        try {
            KnxDatapoints.parse(json);
            fail("accepted " + json);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(start));
        }
    }
}
