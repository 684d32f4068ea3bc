package org.bemgate.ocpp.internal;

import static org.bemgate.ocpp.internal.Loopback.get;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.After;
import org.junit.Test;

/** Every actuator against the simulated charger: the call made, the charger's answer as the outcome, what follows. */
public class OcppActuatorTest {

    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    private OcppChargePoint cp(String allowedUnits, Object... properties) {
        net.connector(properties);
        return net.booted("CP-1", new Charger("sim", "model", 2, allowedUnits));
    }

    @Test
    public void aLimitInWattGoesOutInWattWhenTheChargerTakesPower() {
        OcppChargePoint cp = cp("Current,Power");
        WriteOutcome o = net.write("CP-1__charging_limit_w", 11000.0);
        assertEquals(new WriteOutcome(WriteOutcome.Status.ACCEPTED, "Accepted"), o);
        assertEquals("11000.0 W", cp.charger().limit());
        @SuppressWarnings("unchecked")
        Map<String, Object> req = (Map<String, Object>) cp.calls("SetChargingProfile").get(0).get(3);
        assertEquals(0L, req.get("connectorId"));
        Map<?, ?> profile = (Map<?, ?>) req.get("csChargingProfiles");
        assertEquals("TxDefaultProfile", profile.get("chargingProfilePurpose"));
        assertEquals("Relative", profile.get("chargingProfileKind"));
        assertEquals(1, cp.calls("GetConfiguration").size());
        net.write("CP-1__charging_limit_w", 7400.0);
        assertEquals("the allowed unit is read once", 1, cp.calls("GetConfiguration").size());
        assertEquals("7400.0 W", cp.charger().limit());
    }

    @Test
    public void aLimitInWattIsSentInAmpereToAChargerThatOnlyTakesCurrent() {
        OcppChargePoint cp = cp("Current");
        assertTrue(net.write("CP-1__charging_limit_w", 11000.0).isAccepted());
        assertEquals("11000 W / (230 V * 3), rounded down to 0.1", "15.9 A", cp.charger().limit());
        assertTrue(net.write("CP-1__execute_send_charging_profile__", 4140.0).isAccepted());
        assertEquals("6.0 A", cp.charger().limit());
        assertTrue(net.write("CP-1__charging_limit_a", 10.0).isAccepted());
        assertEquals("10.0 A", cp.charger().limit());
    }

    @Test
    public void aLimitInAmpereIsSentInWattToAChargerThatOnlyTakesPower() {
        OcppChargePoint cp = cp("Power", "phases", 1);
        assertTrue(net.write("CP-1__charging_limit_a", 16.0).isAccepted());
        assertEquals("16 A * 230 V * 1 phase", "3680.0 W", cp.charger().limit());
    }

    @Test
    public void clearingAProfileReportsTheChargersAnswer() {
        OcppChargePoint cp = cp("Current,Power");
        assertEquals(WriteOutcome.Status.REJECTED, net.write("CP-1__clear_charging_profile", true).status());
        assertTrue(net.write("CP-1__clear_charging_profile", true).reason(), net.write("CP-1__clear_charging_profile", true).reason()
                .endsWith("answered ClearChargingProfile with Unknown"));
        net.write("CP-1__charging_limit_a", 16.0);
        assertTrue(net.write("CP-1__clear_charging_profile", true).isAccepted());
        assertNull(cp.charger().profile());
    }

    @Test
    public void bemcomsTriggerValuesZeroToFiveAndTriggersByName() {
        OcppChargePoint cp = cp("Current");
        assertTrue(net.write("CP-1__execute_trigger_message__", 4L).isAccepted());
        net.awaitValue("CP-1__Power.Active.Import__W", 11040.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> req = (Map<String, Object>) cp.calls("TriggerMessage").get(0).get(3);
        assertEquals(Map.of("requestedMessage", "MeterValues", "connectorId", 1L), req);
        assertTrue(net.write("CP-1__execute_trigger_message__", 0L).isAccepted());
        assertEquals("BootNotification", ((Map<?, ?>) cp.calls("TriggerMessage").get(1).get(3)).get("requestedMessage"));
        assertFalse(((Map<?, ?>) cp.calls("TriggerMessage").get(1).get(3)).containsKey("connectorId"));
        assertTrue(net.write("CP-1__trigger_message", "StatusNotification").isAccepted());
        net.awaitValue("CP-1__StatusNotification__2__status", "Available");
        assertTrue(net.write("CP-1__trigger_message", "FirmwareStatusNotification").isAccepted());
        net.awaitValue("CP-1__FirmwareStatusNotification__status", "Idle");
        assertEquals(WriteOutcome.Status.REJECTED, get(net.registry.connector("ocpp").get().write("CP-1__execute_trigger_message__", 9L)
                .toCompletableFuture()).status());
    }

    @Test
    public void remoteStartAndStop() {
        cp("Current");
        assertTrue(net.write("CP-1__remote_start", "TAG-9").isAccepted());
        net.await(() -> net.latest("CP-1__transaction__1__transaction_id") != null, "the transaction started");
        assertEquals("TAG-9", net.latest("CP-1__transaction__1__id_tag"));
        long tx = ((Number) net.latest("CP-1__transaction__1__transaction_id")).longValue();
        assertEquals("connector 1 is busy", WriteOutcome.Status.REJECTED, net.write("CP-1__remote_start", "TAG-9").status());
        assertTrue(net.write("CP-1__remote_start", Map.of("idTag", "TAG-2", "connectorId", 2L)).isAccepted());
        net.await(() -> net.latest("CP-1__transaction__2__transaction_id") != null, "the second transaction started");
        assertEquals(WriteOutcome.Status.REJECTED, net.write("CP-1__remote_stop", 123456789L).status());
        assertTrue(net.write("CP-1__remote_stop", tx).isAccepted());
        net.await(() -> net.latest("CP-1__transaction__1__transaction_id") == null, "the transaction stopped");
        net.awaitValue("CP-1__StatusNotification__1__status", "Finishing");
    }

    @Test
    public void availabilityResetUnlockAndConfiguration() {
        OcppChargePoint cp = cp("Current");
        assertEquals(new WriteOutcome(WriteOutcome.Status.ACCEPTED, "Accepted"), net.write("CP-1__change_availability", "Inoperative"));
        net.awaitValue("CP-1__StatusNotification__0__status", "Unavailable");
        assertTrue(net.write("CP-1__reset", "Hard").isAccepted());
        net.await(() -> cp.received().stream().filter(f -> f.size() == 3).count() >= 3, "the BootNotification after the reset answered");
        assertEquals(new WriteOutcome(WriteOutcome.Status.ACCEPTED, "Unlocked"), net.write("CP-1__unlock_connector", 1L));
        assertTrue(net.write("CP-1__unlock_connector", 5L).reason().endsWith("UnlockConnector with NotSupported"));
        assertTrue(net.write("CP-1__change_configuration", "HeartbeatInterval=30").isAccepted());
        assertEquals("30", cp.charger().configuration("HeartbeatInterval"));
        assertTrue(net.write("CP-1__change_configuration", "Nope=1").reason().endsWith("with NotSupported"));
        assertTrue(net.write("CP-1__change_configuration", "NumberOfConnectors=3").reason().endsWith("with Rejected"));
        assertEquals(WriteOutcome.Status.REJECTED, net.write("CP-1__change_configuration", "no equals sign").status());
        assertTrue(net.write("CP-1__get_configuration", "").isAccepted());
        assertEquals("30", net.latest("CP-1__configuration__HeartbeatInterval"));
        assertEquals("2", net.latest("CP-1__configuration__NumberOfConnectors"));
        assertTrue(net.write("CP-1__get_configuration", "MeterValueSampleInterval, Unknown").isAccepted());
        assertTrue(net.write("CP-1__get_composite_schedule", 3600L).isAccepted());
        Map<?, ?> schedule = (Map<?, ?>) net.latest("CP-1__composite_schedule__0");
        assertEquals("Accepted", schedule.get("status"));
        assertEquals("A", ((Map<?, ?>) schedule.get("chargingSchedule")).get("chargingRateUnit"));
    }

    @Test
    public void bemcomsValuelessMethodsWhenOcppConfigListsThem() {
        OcppChargePoint cp = cp("Current,Power", "ocppConfig", "[\"execute_unlock_connector\", \"execute_get_composite_schedule\"]");
        assertFalse(net.has("CP-1__execute_send_charging_profile__"));
        assertEquals(WriteOutcome.Status.REJECTED, get(net.registry.connector("ocpp").get()
                .write("CP-1__execute_send_charging_profile__", 1.0).toCompletableFuture()).status());
        assertTrue(net.write("CP-1__execute_unlock_connector__", true).isAccepted());
        assertTrue(net.write("CP-1__execute_get_composite_schedule__", 1L).isAccepted());
        assertEquals(Map.of("connectorId", 1L, "duration", 5L, "chargingRateUnit", "W"), cp.calls("GetCompositeSchedule").get(0).get(3));
        assertTrue(net.has("CP-1__composite_schedule__1"));
    }

    @Test
    public void anUnansweredCallTimesOutAndTheLateAnswerIsCountedAndIgnored() throws Exception {
        OcppChargePoint cp = cp("Current", "callTimeoutSeconds", 0.3);
        OcppConnector c = (OcppConnector) net.registry.connector("ocpp").get();
        cp.answering(OcppChargePoint.Answering.SILENT);
        WriteOutcome o = net.write("CP-1__reset", "Soft");
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertEquals("timeout: charge point CP-1 did not answer Reset within 0.3 s", o.reason());
        String lateId = (String) cp.calls("Reset").get(0).get(1);
        cp.send("[3,\"" + lateId + "\",{\"status\":\"Accepted\"}]");
        cp.send("[3,\"nobody-asked\",{}]");
        Loopback.await(() -> c.health().counters().getOrDefault("lateResults", 0L) == 1
                && c.health().counters().getOrDefault("unknownResults", 0L) == 1, "counted: " + c.health().counters());
        cp.answering(OcppChargePoint.Answering.NORMAL);
        assertTrue("the session carries on", net.write("CP-1__reset", "Soft").isAccepted());
    }

    @Test
    public void callsGoOutOneAtATimeAndCallErrorsAndInvalidConfirmationsAreReported() {
        OcppChargePoint cp = cp("Current");
        cp.answering(OcppChargePoint.Answering.SILENT);
        CompletableFuture<WriteOutcome> first = net.writeAsync("CP-1__reset", "Soft").toCompletableFuture();
        CompletableFuture<WriteOutcome> second = net.writeAsync("CP-1__unlock_connector", 1L).toCompletableFuture();
        Loopback.await(() -> cp.calls("Reset").size() == 1, "the first call out");
        assertEquals("the second waits for the first answer", 0, cp.calls("UnlockConnector").size());
        cp.send("[4,\"" + cp.calls("Reset").get(0).get(1) + "\",\"NotSupported\",\"no resets here\",{}]");
        assertEquals("charge point CP-1 answered Reset with CALLERROR NotSupported: no resets here", get(first).reason());
        Loopback.await(() -> cp.calls("UnlockConnector").size() == 1, "the second call out");
        cp.send("[3,\"" + cp.calls("UnlockConnector").get(0).get(1) + "\",{\"status\":\"Maybe\"}]");
        WriteOutcome o = get(second);
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertTrue(o.reason(), o.reason().contains("invalid confirmation: status: 'Maybe' is not one of"));
    }

    @Test
    public void writesToAnUnknownOrOfflineChargePointFail() {
        cp("Current", "chargePointIds", new String[] { "CP-1", "CP-9" });
        assertTrue("actuators of listed charge points exist before they connect", net.has("CP-9__charging_limit_w"));
        assertEquals("charge point CP-9 is not connected", net.write("CP-9__charging_limit_w", 1000.0).reason());
        assertEquals(WriteOutcome.Status.REJECTED, get(net.registry.connector("ocpp").get().write("CP-1__fly", 1L)
                .toCompletableFuture()).status());
    }
}
