package org.bemgate.ocpp.internal;

import static org.bemgate.ocpp.internal.Loopback.get;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.After;
import org.junit.Test;

/** Malformed frames and invalid messages on the wire: the right CALLERROR, counted, and nobody else's session harmed. */
public class OcppMalformedTest {

    private static final String LONG_VENDOR = "ABCDEFGHIJKLMNOPQRSTU";

    /** uniqueId to wait for, the text sent, the CALLERROR code expected. */
    private static final String[][] VECTORS = {
        { "-1", "not json", "FormationViolation" },
        { "-1", "{\"a\":1}", "FormationViolation" },
        { "-1", "[]", "FormationViolation" },
        { "m1", "[2,\"m1\",\"Heartbeat\"]", "ProtocolError" },
        { "m2", "[2,\"m2\",\"Heartbeat\",{},5]", "FormationViolation" },
        { "m3", "[2,\"m3\",\"Heartbeat\",\"x\"]", "FormationViolation" },
        { "m4", "[2,\"m4\",\"Teleport\",{}]", "NotImplemented" },
        { "m5", "[2,\"m5\",\"Reset\",{\"type\":\"Hard\"}]", "NotSupported" },
        { "m6", "[2,\"m6\",\"BootNotification\",{\"chargePointVendor\":\"v\"}]", "OccurenceConstraintViolation" },
        { "m7", "[2,\"m7\",\"BootNotification\",{\"chargePointVendor\":\"v\",\"chargePointModel\":5}]", "TypeConstraintViolation" },
        { "m8", "[2,\"m8\",\"BootNotification\",{\"chargePointVendor\":\"" + LONG_VENDOR + "\",\"chargePointModel\":\"m\"}]",
            "PropertyConstraintViolation" },
        { "m9", "[2,\"m9\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}]",
            "PropertyConstraintViolation" },
        { "m10", "[2,\"m10\",\"Heartbeat\",{\"extra\":1}]", "FormationViolation" },
        { "m11", "[2,\"m11\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]", "OccurenceConstraintViolation" },
        { "m12", "[2,\"m12\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"yesterday\"}]",
            "PropertyConstraintViolation" },
        { "m13", "[2,\"m13\",\"Authorize\",{\"idTag\":null}]", "TypeConstraintViolation" },
        { "m14", "[9,\"m14\",\"Heartbeat\",{}]", "FormationViolation" },
        { "0123456789012345678901234567890123456", "[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]", "FormationViolation" },
        { "-1", "[2,\"m15\",\"Heartbeat\",{},", "FormationViolation" },
        { "-1", "[2,\"m16\",\"Heartbeat\",{\"a\":1,\"a\":2}]", "FormationViolation" },
    };

    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    @Test
    public void everyViolationIsAnsweredWithItsCallErrorAndTheSessionsGoOn() {
        OcppConnector c = net.connector();
        OcppChargePoint bad = net.booted("CP-BAD", Charger.wallbox());
        OcppChargePoint good = net.booted("CP-GOOD", Charger.wallbox());
        for (String[] v : VECTORS) {
            List<Object> answer;
            try {
                answer = get(bad.sendAndAwait(v[0], v[1]));
            } catch (AssertionError e) {
                throw new AssertionError("no answer to " + v[1] + "; received " + bad.received(), e);
            }
            assertEquals(v[1], 4L, answer.get(0));
            assertEquals(v[1], v[0], answer.get(1));
            assertEquals(v[1] + " -> " + answer, v[2], answer.get(2));
            assertTrue("a description for " + v[1], !((String) answer.get(3)).isEmpty());
            assertTrue("the other charge point is served meanwhile", get(good.heartbeat()).containsKey("currentTime"));
        }
        // broken results are never answered, only counted
        bad.send("[3,\"x\"]");
        bad.send("[4,\"y\",\"GenericError\"]");
        assertTrue("the session that sent them still works", get(bad.heartbeat()).containsKey("currentTime"));
        assertTrue(bad.isOpen());
        assertTrue(net.write("CP-BAD__trigger_message", "Heartbeat").isAccepted());
        var counters = c.health().counters();
        assertEquals(counters.toString(), 12L, counters.get("malformedFrames").longValue());
        assertEquals(counters.toString(), 10L, counters.get("invalidMessages").longValue());
    }

    @Test
    public void aMessageTooLargeClosesOnlyItsOwnSession() {
        net.connector();
        OcppChargePoint big = net.booted("CP-BIG", Charger.wallbox());
        OcppChargePoint other = net.booted("CP-OTHER", Charger.wallbox());
        big.send("[2,\"b1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "x".repeat(Settings.MAX_MESSAGE_BYTES + 10) + "\"}]");
        assertEquals(1009, (int) get(big.closed()));
        net.awaitValue("CP-BIG__online", false);
        assertTrue(get(other.heartbeat()).containsKey("currentTime"));
        assertEquals(true, net.latest("CP-OTHER__online"));
    }
}
