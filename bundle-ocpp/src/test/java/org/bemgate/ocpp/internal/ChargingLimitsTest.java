package org.bemgate.ocpp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Set;

import org.bemgate.ocpp.internal.codec.FrameCodec;
import org.bemgate.ocpp.internal.codec.Messages;
import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Limits as TxDefaultProfiles in the unit the charger takes; the actuators' calls. */
public class ChargingLimitsTest {

    @Test
    public void allowedUnitsFromTheConfigurationKey() {
        assertEquals(Set.of("A"), ChargingLimits.allowedUnits("Current"));
        assertEquals(Set.of("W"), ChargingLimits.allowedUnits("Power"));
        assertEquals(Set.of("A", "W"), ChargingLimits.allowedUnits("Current,Power"));
        assertEquals(Set.of("A", "W"), ChargingLimits.allowedUnits("current, power"));
        assertEquals(Set.of("A", "W"), ChargingLimits.allowedUnits(null));
        assertEquals(Set.of("A", "W"), ChargingLimits.allowedUnits("Bananas"));
    }

    @Test
    public void theProfileOfDeviceProtocolsC4() throws Exception {
        ObjectNode p = ChargingLimits.setChargingProfile(new Actuator.Command.Limit(7400, "W"), Set.of("A", "W"), 230, 3);
        assertEquals(FrameCodec.mapper().readTree("{\"connectorId\": 0, \"csChargingProfiles\": {\"chargingProfileId\": 1, "
                + "\"stackLevel\": 0, \"chargingProfilePurpose\": \"TxDefaultProfile\", \"chargingProfileKind\": \"Relative\", "
                + "\"chargingSchedule\": {\"chargingRateUnit\": \"W\", \"chargingSchedulePeriod\": [{\"startPeriod\": 0, \"limit\": 7400.0}]}}}"),
                p);
        assertNull(Messages.checkOwnCall("SetChargingProfile", p));
    }

    @Test
    public void convertedAndRoundedDownToATenth() {
        assertEquals(15.9, limit(ChargingLimits.setChargingProfile(new Actuator.Command.Limit(11000, "W"), Set.of("A"), 230, 3)), 0);
        assertEquals(47.8, limit(ChargingLimits.setChargingProfile(new Actuator.Command.Limit(11000, "W"), Set.of("A"), 230, 1)), 0);
        assertEquals(11040.0, limit(ChargingLimits.setChargingProfile(new Actuator.Command.Limit(16, "A"), Set.of("W"), 230, 3)), 0);
        assertEquals(6.0, limit(ChargingLimits.setChargingProfile(new Actuator.Command.Limit(6.05, "A"), Set.of("A"), 230, 3)), 0);
        assertEquals(0.3, limit(ChargingLimits.setChargingProfile(new Actuator.Command.Limit(0.3, "A"), Set.of("A"), 230, 3)), 0);
    }

    private static double limit(ObjectNode p) {
        return p.at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit").doubleValue();
    }

    @Test
    public void bemcomsTriggerMapping() throws Exception {
        String[] expected = { "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
            "MeterValues", "StatusNotification" };
        for (int i = 0; i < 6; i++) {
            Actuator.Command.Call c = (Actuator.Command.Call) Actuator.TRIGGER_MESSAGE_BEMCOM.command((long) i);
            assertEquals("TriggerMessage", c.action());
            assertEquals(expected[i], c.payload().get("requestedMessage").asText());
            assertNull(Messages.checkOwnCall(c.action(), c.payload()));
        }
    }

    @Test
    public void everyActuatorMakesAValidCall() throws Exception {
        Object[][] writes = { { Actuator.CLEAR_CHARGING_PROFILE, true }, { Actuator.TRIGGER_MESSAGE, "Heartbeat" },
            { Actuator.REMOTE_START, "TAG" }, { Actuator.REMOTE_STOP, 5L }, { Actuator.CHANGE_AVAILABILITY, "Inoperative" },
            { Actuator.RESET, "Hard" }, { Actuator.UNLOCK_CONNECTOR, 1L }, { Actuator.CHANGE_CONFIGURATION, "A=b=c" },
            { Actuator.GET_CONFIGURATION, "A, B" }, { Actuator.GET_CONFIGURATION, "" }, { Actuator.GET_COMPOSITE_SCHEDULE, 60L },
            { Actuator.UNLOCK_CONNECTOR_BEMCOM, "anything" }, { Actuator.GET_COMPOSITE_SCHEDULE_BEMCOM, 0L } };
        for (Object[] w : writes) {
            Actuator.Command.Call c = (Actuator.Command.Call) ((Actuator) w[0]).command(w[1]);
            assertNull(w[0] + " " + c.payload(), Messages.checkOwnCall(c.action(), c.payload()));
        }
        assertEquals("b=c", ((Actuator.Command.Call) Actuator.CHANGE_CONFIGURATION.command("A=b=c")).payload().get("value").asText());
    }

    @Test(expected = Actuator.ValueProblem.class)
    public void aNegativeLimitIsRefused() throws Exception {
        Actuator.CHARGING_LIMIT_W.command(-1.0);
    }

    @Test(expected = Actuator.ValueProblem.class)
    public void clearingNeedsTrue() throws Exception {
        Actuator.CLEAR_CHARGING_PROFILE.command(false);
    }
}
