package org.bemgate.ocpp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.After;
import org.junit.Test;

/** What bem:ocpp-list, bem:ocpp-trigger and bem:ocpp-limit print. */
public class OcppShellTest {

    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    @Test
    public void listTriggerAndLimit() {
        net.connector();
        OcppChargePoint cp = net.booted("CP-1", new Charger("Acme", "Fast", 1, "Current"));
        Loopback.get(cp.status(1, "Charging", "NoError"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OcppShell.list(net.registry, null, System.currentTimeMillis(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text, text.contains("CP-1") && text.contains("Acme Fast 1.0.0") && text.contains("1 Charging")
                && text.contains("1 charge points"));
        assertEquals("ACCEPTED: Accepted", OcppShell.trigger(net.registry, "CP-1", "Heartbeat"));
        assertEquals("ACCEPTED: Accepted", OcppShell.trigger(net.registry, "CP-1", "4"));
        assertTrue(OcppShell.trigger(net.registry, "CP-1", "Nonsense").startsWith("REJECTED"));
        assertEquals("ACCEPTED: Accepted", OcppShell.limit(net.registry, null, "CP-1", "16", "A"));
        assertEquals("16.0 A", cp.charger().limit());
        assertEquals("ACCEPTED: Accepted", OcppShell.limit(net.registry, null, "CP-1", "clear", null));
        assertTrue(OcppShell.limit(net.registry, null, "CP-7", "16", "A").startsWith("FAILED: no OCPP connector"));
        assertTrue(OcppShell.limit(net.registry, null, "CP-1", "lots", "W").startsWith("REJECTED"));
    }
}
