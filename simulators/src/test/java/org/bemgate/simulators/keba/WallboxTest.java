package org.bemgate.simulators.keba;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** The box model without sockets: timers, the energy limit, and what unplugging resets. */
public class WallboxTest {

    private final Wallbox box = new Wallbox("1", true);

    private String command(String text) {
        return WallboxCommands.handle(box, text, Set.of()).reply();
    }

    @Test
    public void currtimeChangesTheUserCurrentAfterItsDelay() {
        assertEquals(WallboxCommands.OK, command("currtime 10000 30"));
        box.tick(29);
        assertEquals(63000, box.currUser());
        box.tick(1);
        assertEquals(10000, box.currUser());
    }

    @Test
    public void currtimeWithDelayZeroCancelsTheTimer() {
        command("currtime 10000 30");
        command("currtime 0 0");
        box.tick(60);
        assertEquals(63000, box.currUser());
        assertEquals(0, box.timerSecondsLeft());
    }

    @Test
    public void reachingTheEnergyLimitStopsChargingLikeEnaZero() {
        box.plugIn();
        box.startCharging();
        command("setenergy 1000"); // 100 Wh
        assertEquals(3, box.state());
        List<Map<String, Object>> changes = box.tick(60);
        assertEquals(1, box.state());
        assertTrue(changes.toString(), changes.contains(Map.of("Enable sys", 0)));
        assertTrue(changes.toString(), changes.contains(Map.of("Max curr", 0)));
    }

    @Test
    public void unpluggingEndsTheSessionAndResetsLimitAndTimer() {
        box.plugIn();
        box.startCharging();
        box.tick(60);
        command("setenergy 100000");
        command("currtime 10000 30");
        long session = box.sessionEnergy();
        box.unplug();
        assertEquals(0, box.setEnergy());
        assertEquals(0, box.timerSecondsLeft());
        assertEquals(7_747_835L + session, box.report3().get("E total"));
    }

    @Test
    public void onePhaseAfterX2Zero() {
        box.plugIn();
        box.startCharging();
        command("x2 0");
        Map<String, Object> r3 = box.report3();
        assertEquals(32000, r3.get("I1"));
        assertEquals(0, r3.get("I2"));
        assertEquals(230L * 32000, r3.get("P"));
    }
}
