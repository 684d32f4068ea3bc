package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;


import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.simulators.keba.KebaSimulator;
import org.bemgate.simulators.keba.Wallbox;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Every actuator against the simulated P30: the command it sends, the box's answer, and values refused before sending. */
public class KebaActuatorTest {

    private LoopbackNetwork net;
    private KebaSimulator box;
    private KebaConnector connector;

    @Before
    public void setUp() throws Exception {
        net = new LoopbackNetwork(1);
    }

    @After
    public void tearDown() {
        net.close();
    }

    private void start(Wallbox wallbox) throws Exception {
        box = net.box("127.0.0.2", wallbox);
        connector = net.connector("name", "keba", "chargeStations", "{\"p30\": \"127.0.0.2\"}");
        net.runUntil(() -> net.latest("keba", "p30__report 3__E total") != null, 10_000, "a first poll");
    }

    private WriteOutcome write(String actuator, Object value) {
        return net.write("keba", "p30__" + actuator, value);
    }

    private void accepted(String actuator, Object value, String expectedCommand) {
        int before = box.commands().size();
        WriteOutcome outcome = write(actuator, value);
        assertTrue(actuator + ": " + outcome, outcome.isAccepted());
        assertEquals(expectedCommand, box.commands().get(before));
    }

    @Test
    public void everyActuatorReachesTheBoxAndIsConfirmed() throws Exception {
        start(new Wallbox("22054282", true));
        accepted("ena", 0L, "ena 0");
        assertEquals(0, box.wallbox().enableUser());
        accepted("ena", 1L, "ena 1");
        assertEquals(1, box.wallbox().enableUser());
        accepted("curr", 16000L, "curr 16000");
        assertEquals(16000, box.wallbox().currUser());
        accepted("currtime", "10000 30", "currtime 10000 30");
        assertEquals(30, box.wallbox().timerSecondsLeft());
        accepted("setenergy", 100000L, "setenergy 100000");
        assertEquals(100000, box.wallbox().setEnergy());
        accepted("display", "Hello KEBA", "display 0 0 0 0 Hello$KEBA");
        assertEquals("Hello KEBA", box.wallbox().displayText());
        accepted("output", 1L, "output 1");
        assertEquals(1, box.wallbox().output());
        accepted("unlock", true, "unlock");
        assertEquals(1, box.wallbox().unlocks());
        accepted("start", "04A1B2C3D4E5F6", "start 04A1B2C3D4E5F6");
        assertEquals("04A1B2C3D4E5F6", box.wallbox().authorisedTag());
        accepted("stop", "04A1B2C3D4E5F6", "stop 04A1B2C3D4E5F6");
        assertEquals(1, box.wallbox().stops());
        accepted("x2src", 4L, "x2src 4");
        accepted("x2", 0L, "x2 0");
        assertEquals(0, box.wallbox().phaseSwitch());
        assertEquals(Long.valueOf(0), net.latest("keba", "p30__x2"));
        assertEquals(12L, connector.health().counters().get("writes").longValue());
    }

    @Test
    public void theRegistryRefusesValuesOutsideTheActuatorsBounds() throws Exception {
        start(new Wallbox("22054282", true));
        int before = box.commands().size();
        for (Object[] bad : new Object[][] { { "curr", 5999L }, { "curr", 63001L }, { "ena", 2L }, { "setenergy", -1L },
            { "x2", 2L }, { "unlock", "yes" } }) {
            try {
                net.registry.write(DatapointId.of("keba", "p30__" + bad[0]), new Value(bad[1], System.currentTimeMillis()));
                fail(bad[0] + " took " + bad[1]);
            } catch (InvalidMessageException expected) {
                // refused before it reached the connector
            }
        }
        net.runFor(1000);
        assertEquals("nothing was sent", before, box.commands().size());
    }

    @Test
    public void theConnectorChecksWhatTheDataFormatCannotSay() throws Exception {
        start(new Wallbox("22054282", true));
        int before = box.commands().size();
        assertRejected(write("curr", 6000.5), "curr: 6000.5 is not a whole number");
        assertRejected(write("output", 5L), "output: 5 is neither 0, 1 nor 10 or more");
        assertRejected(write("display", "x".repeat(24)), "display: the text must have 1–23 characters");
        assertRejected(write("currtime", "5000 1"), "currtime current: 5000 is neither 0 nor within 6000–63000 mA");
        assertRejected(write("start", "not hex"), "start: \"not hex\" is not \"<tag> [<class>]\"");
        assertRejected(write("unlock", false), "unlock: write true");
        // BEMCom's string values, straight to the connector: checked the same way
        assertRejected(net.outcome(connector.write("p30__curr", "70000")), "curr: 70000 is outside 6000–63000");
        assertRejected(net.outcome(connector.write("p30__fly", 1L)), "'p30__fly' is not an actuator of keba");
        assertRejected(net.outcome(connector.write("other__curr", 6000L)), "'other__curr' is not an actuator");
        net.runFor(1000);
        assertEquals("nothing was sent", before, box.commands().size());
        assertEquals("unknown keys are no write of a value", 7L, connector.health().counters().get("rejectedWrites").longValue());
    }

    @Test
    public void tchErrIsARejectedWrite() throws Exception {
        start(new Wallbox("22054282", true));
        box.refuse("curr");
        WriteOutcome outcome = write("curr", 16000L);
        assertRejected(outcome, "station 'p30' answered 'TCH-ERR' to 'curr 16000'");
        assertEquals(63000, box.wallbox().currUser());
        box.refuseNothing();
        assertTrue(write("curr", 16000L).isAccepted());
    }

    @Test
    public void phaseSwitchingAppearsOnlyWhereTheFirmwareShowsIt() throws Exception {
        start(new Wallbox("1", false));
        assertTrue(net.registry.get(DatapointId.of("keba", "p30__x2")).isEmpty());
        try {
            net.registry.write(DatapointId.of("keba", "p30__x2"), new Value(1L, System.currentTimeMillis()));
            fail("x2 exists");
        } catch (UnknownDatapointException expected) {
            // not registered
        }
        assertRejected(net.outcome(connector.write("p30__x2", 1L)), "has not shown a phase switch in report 2");
        assertTrue(box.commands().stream().noneMatch(c -> c.startsWith("x2")));
    }

    @Test
    public void aStationThatDoesNotAnswerAWriteFailsIt() throws Exception {
        start(new Wallbox("22054282", true));
        box.setMode(KebaSimulator.Mode.REPORT_1_ONLY);
        WriteOutcome outcome = write("curr", 16000L);
        assertEquals(WriteOutcome.Status.FAILED, outcome.status());
        assertTrue(outcome.reason(), outcome.reason().contains("no answer to 'curr 16000' within 5 s"));
        assertEquals(1L, connector.health().counters().get("failedWrites").longValue());
    }

    private static void assertRejected(WriteOutcome outcome, String reasonStart) {
        assertEquals(outcome.toString(), WriteOutcome.Status.REJECTED, outcome.status());
        assertTrue(outcome.reason(), outcome.reason().contains(reasonStart));
    }
}
