package org.bemgate.controller.internal.shell;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bemgate.controller.internal.PairState;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.SetpointItem;
import org.junit.Test;

public class PairsCommandTest {

    @Test
    public void showsItemsAsAnOperatorReadsThemAndProblemsInsteadOfState() {
        DatapointId sensor = DatapointId.of("room", "temp");
        DatapointId actuator = DatapointId.of("room", "set");
        PairState working = new PairState("room", sensor, actuator, "",
                new SetpointItem(null, 1_800_000_000_000L, 21, null, 19.0, 25.0), new ScheduleItem(1_700_000_000_000L, null, 22),
                22, "sensor 20.0 inside [19.0, 25.0]: schedule value", "wrote 22", Long.MAX_VALUE);
        PairState broken = new PairState("bad", null, null, "sensor: 'x' is not a datapoint id", null, null, null, "", "",
                Long.MAX_VALUE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PairsCommand.print(List.of(working, broken), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out, out.contains("setpoint:  preferred 21, band [19.0, 25.0], until 2027-01-15T08:00:00Z"));
        assertTrue(out, out.contains("schedule:  22, from 2023-11-14T22:13:20Z"));
        assertTrue(out, out.contains("value:     22 (sensor 20.0 inside [19.0, 25.0]: schedule value)"));
        assertTrue(out, out.contains("bad: does nothing: sensor: 'x' is not a datapoint id\n"));
        assertTrue(out, out.endsWith("2 pairs\n"));
    }
}
