package org.bemgate.keba.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.junit.Test;

/** Every actuator's commands, BEMCom's command strings, and the values refused before sending. */
public class ActuatorTest {

    private static String command(Actuator a, Object value) throws KebaValueException {
        return a.toCommand(value).text();
    }

    private static String refused(Actuator a, Object value) {
        try {
            a.toCommand(value);
        } catch (KebaValueException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(a.command()));
            return e.getMessage();
        }
        fail(a + " took " + value);
        return null;
    }

    @Test
    public void bemcomsFourTakeItsStringValuesAndSendItsCommands() throws Exception {
        // test_main.py, test_valid_commands_are_send
        assertEquals("ena 1", command(Actuator.ENA, "1"));
        assertEquals("curr 36000", command(Actuator.CURR, "36000"));
        assertEquals("setenergy 100000", command(Actuator.SETENERGY, "100000"));
        assertEquals("display 0 0 0 0 Test$Msg", command(Actuator.DISPLAY, "0 0 0 0 Test$Msg"));
    }

    @Test
    public void bemcomsKeysAndExampleValuesPerStation() {
        assertEquals("test_1__ena", KebaKeys.actuator("test_1", Actuator.ENA));
        DatapointMetadata ena = Actuator.ENA.metadata("keba", "test_1");
        assertEquals("keba/test_1__ena", ena.id().toString());
        assertEquals(DatapointType.ACTUATOR, ena.type());
        assertEquals(DataFormat.DISCRETE_NUMERIC, ena.dataFormat());
        assertEquals(List.of(0L, 1L), ena.allowedValues());
        DatapointMetadata curr = Actuator.CURR.metadata("keba", "test_1");
        assertEquals(DataFormat.CONTINUOUS_NUMERIC, curr.dataFormat());
        assertEquals("mA", curr.unit());
        assertEquals(6000.0, curr.minValue(), 0);
        assertEquals(63000.0, curr.maxValue(), 0);
        assertEquals(63000L, curr.exampleValue());
        assertEquals(100000L, Actuator.SETENERGY.metadata("keba", "test_1").exampleValue());
        assertEquals("0.1 Wh", Actuator.SETENERGY.metadata("keba", "test_1").unit());
        assertEquals("0 0 0 0 Hello$KEBA", Actuator.DISPLAY.metadata("keba", "test_1").exampleValue());
    }

    @Test
    public void enableAndDisable() throws Exception {
        assertEquals("ena 1", command(Actuator.ENA, 1L));
        assertEquals("ena 1", command(Actuator.ENA, true));
        assertEquals("ena 0", command(Actuator.ENA, 0));
        assertTrue("a disable buys 2 s of quiet", Actuator.ENA.toCommand(0L).disables());
        assertFalse(Actuator.ENA.toCommand(1L).disables());
        refused(Actuator.ENA, 2L);
        refused(Actuator.ENA, "yes");
    }

    @Test
    public void currentWithinSixToSixtyThreeAmps() throws Exception {
        assertEquals("curr 6000", command(Actuator.CURR, 6000L));
        assertEquals("curr 63000", command(Actuator.CURR, 63000.0));
        assertTrue(refused(Actuator.CURR, 5999L), refused(Actuator.CURR, 5999L).contains("outside 6000–63000"));
        refused(Actuator.CURR, 63001L);
        refused(Actuator.CURR, 0L);
        assertTrue(refused(Actuator.CURR, 6000.5).contains("not a whole number"));
        assertTrue(refused(Actuator.CURR, "ten amps").contains("not a number"));
        assertTrue(refused(Actuator.CURR, true).contains("not a number"));
        assertTrue(refused(Actuator.CURR, null).contains("no value"));
    }

    @Test
    public void currtimeWithItsDelay() throws Exception {
        assertEquals("currtime 16000 1", command(Actuator.CURRTIME, "16000 1"));
        assertEquals("currtime 16000 1", command(Actuator.CURRTIME, 16000L));
        assertEquals("currtime 10000 860400", command(Actuator.CURRTIME, " 10000  860400 "));
        assertEquals("cancels a pending timer", "currtime 0 0", command(Actuator.CURRTIME, "0 0"));
        assertFalse(Actuator.CURRTIME.toCommand("0 0").disables());
        assertTrue("stops like ena 0", Actuator.CURRTIME.toCommand("0 1").disables());
        assertTrue(Actuator.CURRTIME.toCommand(0L).disables());
        refused(Actuator.CURRTIME, "5000 1");
        refused(Actuator.CURRTIME, "16000 860401");
        refused(Actuator.CURRTIME, "16000 -1");
        refused(Actuator.CURRTIME, "16000 1 2");
    }

    @Test
    public void energyLimitAndRelay() throws Exception {
        assertEquals("setenergy 0", command(Actuator.SETENERGY, 0L));
        refused(Actuator.SETENERGY, -1L);
        assertEquals("output 0", command(Actuator.OUTPUT, 0L));
        assertEquals("output 1", command(Actuator.OUTPUT, 1L));
        assertEquals("output 10", command(Actuator.OUTPUT, 10L));
        for (long n = 2; n <= 9; n++) {
            assertTrue(refused(Actuator.OUTPUT, n).contains("ignores 2–9"));
        }
        refused(Actuator.OUTPUT, -1L);
    }

    @Test
    public void displayTextAloneOrInBemcomsForm() throws Exception {
        assertEquals("display 0 0 0 0 Hello$world", command(Actuator.DISPLAY, "Hello world"));
        assertEquals("display 1 10 10 0 Hi", command(Actuator.DISPLAY, "1 10 10 0 Hi"));
        assertEquals("display 0 0 0 0 " + "x".repeat(23), command(Actuator.DISPLAY, "x".repeat(23)));
        refused(Actuator.DISPLAY, "x".repeat(24));
        refused(Actuator.DISPLAY, "");
        refused(Actuator.DISPLAY, "Grüße");
        refused(Actuator.DISPLAY, 42L);
    }

    @Test
    public void unlockStartStop() throws Exception {
        assertEquals("unlock", command(Actuator.UNLOCK, true));
        refused(Actuator.UNLOCK, false);
        assertEquals("start", command(Actuator.START, ""));
        assertEquals("start 04A1B2C3D4E5F6", command(Actuator.START, "04A1B2C3D4E5F6"));
        assertEquals("start 04A1B2C3D4E5F6 0123456789ABCDEF0123", command(Actuator.START, "04A1B2C3D4E5F6 0123456789ABCDEF0123"));
        refused(Actuator.START, "0123456789ABCDEF0");
        refused(Actuator.START, "tag");
        assertEquals("stop 04A1B2C3D4E5F6", command(Actuator.STOP, "04A1B2C3D4E5F6"));
        refused(Actuator.STOP, "");
    }

    @Test
    public void phaseSwitching() throws Exception {
        assertEquals("x2src 4", command(Actuator.X2SRC, 4L));
        refused(Actuator.X2SRC, 5L);
        assertEquals("x2 0", command(Actuator.X2, 0L));
        assertEquals("x2 1", command(Actuator.X2, "1"));
        refused(Actuator.X2, 3L);
        assertTrue(Actuator.X2.needsPhaseSwitching());
        assertFalse(Actuator.CURR.needsPhaseSwitching());
    }

    @Test
    public void keySuffixesFindTheirActuator() {
        for (Actuator a : Actuator.values()) {
            assertEquals(a, Actuator.byCommand(a.command()));
        }
        assertNull(Actuator.byCommand("report 1"));
    }
}
