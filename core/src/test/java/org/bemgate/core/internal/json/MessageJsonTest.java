package org.bemgate.core.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.SetpointItem.Flexibility;
import org.junit.Test;

public class MessageJsonTest {

    @Test
    public void readsBemcomsSetpointExample() {
        Setpoint s = MessageJson.readSetpoint("{\"setpoint\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613491,"
                + " \"preferred_value\": \"19\", \"acceptable_values\": [\"17\",\"18\",\"19\",\"20\",\"21\"]}], \"timestamp\": 1586301356394}");
        SetpointItem i = s.items().get(0);
        assertNull(i.fromTimestamp());
        assertEquals(Long.valueOf(1564489613491L), i.toTimestamp());
        assertEquals("19", i.preferredValue());
        assertEquals(List.of("17", "18", "19", "20", "21"), i.acceptableValues());
        assertEquals(Flexibility.DISCRETE, i.flexibility());
        assertEquals(1586301356394L, s.timestamp());
    }

    @Test
    public void keysPresentWithNullKeepTheirMeaningThroughARoundTrip() {
        String json = "{\"setpoint\": [{\"preferred_value\": 21, \"acceptable_values\": null},"
                + " {\"preferred_value\": 21, \"min_value\": null, \"max_value\": null},"
                + " {\"preferred_value\": 21, \"min_value\": 20}], \"timestamp\": 1}";
        Setpoint s = MessageJson.readSetpoint(json);
        assertEquals(Flexibility.DISCRETE, s.items().get(0).flexibility());
        assertEquals(Flexibility.CONTINUOUS, s.items().get(1).flexibility());
        assertEquals("only both bounds make an item continuous", Flexibility.NONE, s.items().get(2).flexibility());
        Setpoint again = MessageJson.readSetpoint(MessageJson.writeSetpoint(s));
        assertEquals(s, again);
        String written = MessageJson.writeSetpoint(s);
        assertTrue(written, written.contains("\"acceptable_values\":null"));
        assertTrue(written, written.contains("\"min_value\":null,\"max_value\":null"));
    }

    @Test
    public void theFlexibilityOfAnItemBuiltInCodeFollowsItsValues() {
        assertEquals(Flexibility.NONE, new SetpointItem(null, null, 21, null, null, null).flexibility());
        assertEquals(Flexibility.DISCRETE, new SetpointItem(null, null, 21, List.of(20, 21), null, null).flexibility());
        assertEquals(Flexibility.CONTINUOUS, new SetpointItem(null, null, 21, null, 19.0, null).flexibility());
    }

    @Test
    public void readsBemcomsScheduleExample() {
        Schedule s = MessageJson.readSchedule("{\"schedule\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613000, \"value\": \"19.0\"},"
                + " {\"from_timestamp\": 1564489613000, \"to_timestamp\": null, \"value\": null}], \"timestamp\": 1586290918529}");
        assertEquals(2, s.items().size());
        assertEquals("19.0", s.items().get(0).value());
        assertNull(s.items().get(1).value());
        assertEquals(s, MessageJson.readSchedule(MessageJson.writeSchedule(s)));
    }
}
