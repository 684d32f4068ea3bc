package org.bemgate.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/** The controller in the booted distribution: the demo's pair, setpoints and schedules from the shell, pairs made and removed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class ControllerIT extends BemgateTestSupport {

    private static final DatapointId ROOM_SETPOINT = DatapointId.of("demo-room", "write_register__1__1");

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void theDemoPairFollowsSetpointsAndSchedulesGivenInTheShell() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        waitFor(() -> registry.get(ROOM_SETPOINT).isPresent(), 60_000, "the demo room's setpoint actuator");
        await(() -> execute("bem:pairs"), out -> out.contains("demo-room: demo-room/read_input_registers__1__1"), 30_000,
                "the demo's pair");

        String second = execute("bem:pair-add room demo-room/read_input_registers__1__1 demo-room/write_register__1__1");
        assertTrue(second, second.contains("already driven by pair 'demo-room'"));

        String schedule = execute("bem:schedule demo-room/write_register__1__1 '[{\"value\": 22}]'");
        assertTrue(schedule, schedule.contains("schedule of demo-room/write_register__1__1"));
        String setpoint = execute("bem:setpoint demo-room/write_register__1__1 "
                + "'[{\"preferred_value\": 21, \"min_value\": 19, \"max_value\": 25}]'");
        assertTrue(setpoint, setpoint.contains("\"preferred_value\":21"));
        String pairs = await(() -> execute("bem:pairs"), out -> out.contains("inside [19.0, 25.0]: schedule value"), 30_000,
                "the schedule's value chosen while the room is inside the band");
        assertTrue(pairs, pairs.contains("outcome:   wrote 22") && pairs.contains("setpoint:  preferred 21, band [19.0, 25.0]"));
        String bad = execute("bem:setpoint demo-room/write_register__1__1 '[{\"min_value\": 19}]'");
        assertTrue(bad, bad.startsWith("REJECTED: "));

        String removed = execute("bem:pair-remove demo-room");
        assertTrue(removed, removed.contains("removed"));
        await(() -> execute("bem:pairs"), out -> out.contains("0 pairs"), 30_000, "the pair gone");
        waitFor(() -> !Files.exists(Paths.get(System.getProperty("karaf.etc"), "org.bemgate.controller-demo-room.cfg")), 10_000,
                "the demo pair's file deleted");

        String added = execute("bem:pair-add room demo-room/read_input_registers__1__1 demo-room/write_register__1__1");
        assertTrue(added, added.contains("pair room"));
        await(() -> execute("bem:pairs"), out -> out.contains("room: demo-room/read_input_registers__1__1"), 30_000, "the new pair");
        waitFor(() -> Files.exists(Paths.get(System.getProperty("karaf.etc"), "org.bemgate.controller-room.cfg")), 10_000,
                "the shell's pair kept as etc/org.bemgate.controller-room.cfg");
        String unknown = execute("bem:pair-remove nosuch");
        assertTrue(unknown, unknown.contains("no pair named 'nosuch'"));
    }
}
