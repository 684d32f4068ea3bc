package org.bemgate.itests;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The controller in the booted distribution: a pair made from the shell drives the demo room. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ControllerIT extends BemgateTestSupport {

    private static final DatapointId ROOM_SETPOINT = DatapointId.of("demo-room", "write_register__1__1");

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aPairMadeInTheShellDrivesTheDemoRoom() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        waitFor(() -> registry.get(ROOM_SETPOINT).isPresent(), 60_000, "the demo room's setpoint actuator");
        waitFor(() -> !execute("bem:pairs").contains("Command not found"), 30_000, "bem:pairs");

        String added = execute("bem:pair-add room demo-room/read_input_registers__1__1 demo-room/write_register__1__1");
        assertTrue(added, added.contains("pair room"));
        await(() -> execute("bem:pairs"), out -> out.contains("room: demo-room/read_input_registers__1__1"), 30_000, "the pair");

        long now = System.currentTimeMillis();
        registry.setSchedule(ROOM_SETPOINT, new Schedule(List.of(new ScheduleItem(null, null, 22.0)), now));
        registry.setSetpoint(ROOM_SETPOINT, new Setpoint(List.of(new SetpointItem(null, null, 21.0, null, 19.0, 25.0)), now));
        String pairs = await(() -> execute("bem:pairs"), out -> out.contains("wrote 22.0"), 30_000, "the schedule's value written");
        assertTrue(pairs, pairs.contains("inside [19.0, 25.0]: schedule value"));

        String removed = execute("bem:pair-remove room");
        assertTrue(removed, removed.contains("removed"));
        await(() -> execute("bem:pairs"), out -> out.contains("0 pairs"), 30_000, "the pair gone");
        String unknown = execute("bem:pair-remove nosuch");
        assertTrue(unknown, unknown.contains("no pair named 'nosuch'"));
    }
}
