package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;

import org.bemgate.keba.internal.codec.Actuator;
import org.bemgate.keba.internal.codec.KebaCommand;
import org.junit.Test;

/** KEBA's three pauses on a clock the test sets. */
public class CommandGateTest {

    private final CommandGate gate = new CommandGate();

    @Test
    public void theFirstCommandGoesAtOnce() {
        assertEquals(Long.MIN_VALUE, gate.earliest(KebaCommand.report(1)));
    }

    @Test
    public void oneHundredMillisecondsBetweenAnyTwoCommands() {
        gate.sent(KebaCommand.report(1), 1000);
        assertEquals(1100, gate.earliest(KebaCommand.report(2)));
        gate.sent(KebaCommand.report(2), 1100);
        assertEquals(1200, gate.earliest(KebaCommand.report(3)));
    }

    @Test
    public void fiveSecondsBetweenRepeatsOfTheSameCommand() throws Exception {
        gate.sent(KebaCommand.report(2), 1000);
        gate.sent(KebaCommand.report(3), 1100);
        assertEquals(6000, gate.earliest(KebaCommand.report(2)));
        gate.sent(Actuator.CURR.toCommand(16000L), 1200);
        assertEquals(6200, gate.earliest(Actuator.CURR.toCommand(16000L)));
        assertEquals("a new value is no repeat", 1300, gate.earliest(Actuator.CURR.toCommand(10000L)));
    }

    @Test
    public void twoSecondsOfQuietAfterADisable() throws Exception {
        gate.sent(Actuator.ENA.toCommand(0L), 1000);
        assertEquals(3000, gate.earliest(KebaCommand.report(2)));
        assertEquals(3000, gate.earliest(Actuator.ENA.toCommand(1L)));
        assertEquals(6000, gate.earliest(Actuator.ENA.toCommand(0L)));
        gate.sent(Actuator.CURRTIME.toCommand("0 1"), 3000);
        assertEquals(5000, gate.earliest(KebaCommand.report(1)));
    }

    @Test
    public void oldSendsStopMattering() {
        gate.sent(KebaCommand.report(1), 1000);
        gate.sent(KebaCommand.report(2), 7000);
        assertEquals(7100, gate.earliest(KebaCommand.report(1)));
    }
}
