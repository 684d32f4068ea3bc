package org.bemgate.ocpp.internal;

import static org.bemgate.ocpp.internal.Loopback.get;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.After;
import org.junit.Test;

/** A whole charging session over loopback, the sensor datapoints it yields, two charge points at once and a reconnect. */
public class OcppSessionTest {

    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    @Test
    public void aWholeSessionIsAnsweredAndPublishedUnderTheChargePointsId() {
        OcppConnector c = net.connector();
        OcppChargePoint cp = net.chargePoint("CP-1", Charger.wallbox());
        get(cp.connect());
        Map<String, Object> boot = get(cp.boot());
        assertEquals("Accepted", boot.get("status"));
        assertEquals(60L, boot.get("interval"));
        long skew = Math.abs(Instant.parse((String) boot.get("currentTime")).toEpochMilli() - System.currentTimeMillis());
        assertTrue("currentTime is now: " + boot, skew < 60_000);
        assertTrue(get(cp.heartbeat()).containsKey("currentTime"));

        int tx = get(cp.playSession(1, "TAG-1", 7_500));
        assertTrue(tx > 0);

        net.awaitValue("CP-1__StatusNotification__1__status", "Available");
        assertEquals(true, net.latest("CP-1__online"));
        assertEquals("bemgate-sim", net.latest("CP-1__BootNotification__charge_point_vendor"));
        assertEquals("Wallbox-22", net.latest("CP-1__BootNotification__charge_point_model"));
        assertEquals("1.0.0", net.latest("CP-1__BootNotification__firmware_version"));
        assertEquals("alive", net.latest("CP-1__Heartbeat"));
        assertTrue(((Number) net.latest("CP-1__last_heartbeat")).longValue() > 0);
        assertEquals(1L, net.latest("CP-1__StatusNotification__connector_id"));
        assertEquals("Available", net.latest("CP-1__StatusNotification__status"));
        assertEquals("NoError", net.latest("CP-1__StatusNotification__error_code"));
        assertEquals("NoError", net.latest("CP-1__StatusNotification__1__error_code"));
        assertEquals(8_500.0, net.latest("CP-1__Energy.Active.Import.Register__Wh"));
        assertEquals(16.0, net.latest("CP-1__Current.Import__L2__A"));
        assertEquals(230.1, net.latest("CP-1__Voltage__L3-N__V"));
        assertEquals(11040.0, net.latest("CP-1__Power.Active.Import__W"));
        assertEquals("TAG-1", net.latest("CP-1__transaction__1__id_tag"));
        assertEquals(1000L, net.latest("CP-1__transaction__1__meter_start"));
        assertEquals(8500L, net.latest("CP-1__transaction__1__meter_stop"));
        assertEquals(7500.0, net.latest("CP-1__transaction__1__energy"));
        assertNull("no transaction any more", net.latest("CP-1__transaction__1__transaction_id"));

        assertEquals(DataFormat.GENERIC_NUMERIC, net.metadata("CP-1__Energy.Active.Import.Register__Wh").dataFormat());
        assertEquals("Wh", net.metadata("CP-1__Energy.Active.Import.Register__Wh").unit());
        assertEquals(DataFormat.DISCRETE_TEXT, net.metadata("CP-1__StatusNotification__1__status").dataFormat());
        assertEquals(DatapointType.ACTUATOR, net.metadata("CP-1__execute_send_charging_profile__").type());
        assertEquals(DatapointType.ACTUATOR, net.metadata("CP-1__execute_trigger_message__").type());
        assertEquals(DatapointType.ACTUATOR, net.metadata("CP-1__charging_limit_a").type());
        assertFalse("not in OCPP_CONFIG", net.has("CP-1__execute_unlock_connector__"));
        assertFalse("new datapoints are inactive", net.registry.get(DatapointId.of("ocpp", "CP-1__Heartbeat")).get().active());
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
        assertEquals(0, c.health().counters().getOrDefault("invalidMessages", 0L).longValue());
    }

    @Test
    public void transactionIdsAreUniqueAndEnergyFollowsMeterValues() {
        net.connector();
        OcppChargePoint cp = net.booted("CP-1", new Charger("v", "m", 2, "Current"));
        int a = get(cp.startTransaction(1, "A"));
        int b = get(cp.startTransaction(2, "B"));
        assertNotEquals(a, b);
        net.awaitValue("CP-1__transaction__2__transaction_id", (long) b);
        cp.charger().charge(2, 1234);
        get(cp.meterValues(2));
        net.awaitValue("CP-1__transaction__2__energy", 1234.0);
        assertEquals("connector 2's meter has its own keys", 3234.0, net.latest("CP-1__2__Energy.Active.Import.Register__Wh"));
        assertEquals(0.0, net.latest("CP-1__transaction__1__energy"));
    }

    @Test
    public void authorizationFollowsTheAllowList() {
        net.connector("acceptAllIdTags", false, "idTags", new String[] { "GOOD,ALSO-GOOD" });
        OcppChargePoint cp = net.booted("CP-1", Charger.wallbox());
        assertEquals("Accepted", idTagStatus(get(cp.authorize("GOOD"))));
        assertEquals("Accepted", idTagStatus(get(cp.authorize("ALSO-GOOD"))));
        assertEquals("Invalid", idTagStatus(get(cp.authorize("BAD"))));
        Map<String, Object> start = get(cp.call("StartTransaction", Map.of("connectorId", 1, "idTag", "BAD", "meterStart", 0,
                "timestamp", Instant.now().toString())));
        assertEquals("Invalid", idTagStatus(start));
        assertTrue("a transaction id all the same", ((Number) start.get("transactionId")).intValue() > 0);
    }

    @Test
    public void everyOtherCoreMessageIsAnswered() {
        net.connector();
        OcppChargePoint cp = net.booted("CP-1", Charger.wallbox());
        assertEquals("UnknownVendorId", get(cp.call("DataTransfer", Map.of("vendorId", "com.example", "messageId", "x", "data", "42")))
                .get("status"));
        assertEquals(Map.of(), get(cp.call("DiagnosticsStatusNotification", Map.of("status", "Uploaded"))));
        assertEquals(Map.of(), get(cp.call("FirmwareStatusNotification", Map.of("status", "Installed"))));
        assertEquals(Map.of(), get(cp.call("StopTransaction", Map.of("transactionId", 999, "meterStop", 5, "timestamp",
                Instant.now().toString()))));
        net.awaitValue("CP-1__FirmwareStatusNotification__status", "Installed");
        assertEquals("Uploaded", net.latest("CP-1__DiagnosticsStatusNotification__status"));
        assertEquals("42", net.latest("CP-1__DataTransfer__data"));
        // a sampled value without measurand and unit takes the OCPP defaults
        get(cp.call("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of("timestamp", Instant.now().toString(),
                "sampledValue", List.of(Map.of("value", "77")))))));
        net.awaitValue("CP-1__Energy.Active.Import.Register__Wh", 77.0);
    }

    @Test
    public void twoChargePointsAtOnceKeepTheirOwnDatapoints() throws Exception {
        net.connector();
        OcppChargePoint one = net.chargePoint("CP-1", new Charger("A-Vendor", "A", 1, "Current"));
        OcppChargePoint two = net.chargePoint("CP-2", new Charger("B-Vendor", "B", 1, "Power"));
        get(one.connect());
        get(two.connect());
        var s1 = one.playSession(1, "T1", 1000);
        var s2 = two.playSession(1, "T2", 2000);
        int tx1 = get(s1);
        int tx2 = get(s2);
        assertNotEquals(tx1, tx2);
        net.awaitValue("CP-2__StatusNotification__1__status", "Available");
        net.awaitValue("CP-1__StatusNotification__1__status", "Available");
        assertEquals("A-Vendor", net.latest("CP-1__BootNotification__charge_point_vendor"));
        assertEquals("B-Vendor", net.latest("CP-2__BootNotification__charge_point_vendor"));
        assertEquals(1000.0, net.latest("CP-1__transaction__1__energy"));
        assertEquals(2000.0, net.latest("CP-2__transaction__1__energy"));
        assertTrue(net.write("CP-2__trigger_message", "Heartbeat").isAccepted());
        assertEquals(1, two.calls("TriggerMessage").size());
        assertEquals(0, one.calls("TriggerMessage").size());
    }

    @Test
    public void aChargePointThatReconnectsCarriesOnAndTheOldConnectionIsClosed() {
        OcppConnector c = net.connector();
        OcppChargePoint first = net.booted("CP-1", Charger.wallbox());
        int tx = get(first.startTransaction(1, "TAG"));
        // the same charger comes back on a new connection while the old one still looks open (a half-open TCP connection)
        OcppChargePoint second = net.chargePoint("CP-1", first.charger());
        get(second.connect());
        assertEquals(1000, (int) get(first.closed()));
        get(second.boot());
        first.charger().charge(1, 500);
        get(second.meterValues(1));
        net.awaitValue("CP-1__transaction__1__energy", 500.0);
        get(second.stopTransaction(tx, 1, "Local"));
        net.awaitValue("CP-1__transaction__1__meter_stop", 1500L);
        assertTrue(net.write("CP-1__trigger_message", "Heartbeat").isAccepted());

        second.abort();
        net.awaitValue("CP-1__online", false);
        assertEquals("charge point CP-1 is not connected", net.write("CP-1__reset", "Soft").reason());
        OcppChargePoint third = net.chargePoint("CP-1", first.charger());
        get(third.connect());
        net.awaitValue("CP-1__online", true);
        assertTrue(net.write("CP-1__reset", "Soft").isAccepted());
        assertEquals(3L, c.health().counters().get("connects").longValue());
    }

    @SuppressWarnings("unchecked")
    private static String idTagStatus(Map<String, Object> conf) {
        return (String) ((Map<String, Object>) conf.get("idTagInfo")).get("status");
    }
}
