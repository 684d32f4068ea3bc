package org.bemgate.ocpp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.ocpp.Charger;
import org.junit.After;
import org.junit.Test;

/** A bad configuration makes the connector FAILED naming the property; a taken port makes it OFFLINE until it is free. */
public class OcppConfigTest {

    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    private String failed(Object... properties) {
        OcppConnector c = net.start(properties);
        assertEquals(c.health().reason(), ConnectorStatus.FAILED, c.health().status());
        return c.health().reason();
    }

    @Test
    public void everyBadPropertyIsNamed() {
        assertTrue(failed("name", "bad name").startsWith("name: "));
        assertTrue(failed("name", "x", "port", 70000).startsWith("port: must be 1 to 65535"));
        assertTrue(failed("name", "x", "ocppConfig", "[\"execute_fly\"]").startsWith("ocppConfig: 'execute_fly' is not one of BEMCom's"));
        assertTrue(failed("name", "x", "ocppConfig", "[1]").startsWith("ocppConfig: every entry"));
        assertTrue(failed("name", "x", "ocppConfig", "[\"a\"").startsWith("ocppConfig: not a JSON list"));
        assertTrue(failed("name", "x", "chargePointIds", new String[] { "a__b" }).startsWith("chargePointIds: 'a__b'"));
        String noPassword = failed("name", "x", "_basicAuthPasswords", new String[] { "CP-1", "CP-2=secret-two" });
        assertTrue(noPassword.startsWith(".basicAuthPasswords: "));
        assertTrue("never shows a password", !noPassword.contains("secret-two"));
        assertTrue(failed("name", "x", "heartbeatSeconds", 0).startsWith("heartbeatSeconds: "));
        assertTrue(failed("name", "x", "callTimeoutSeconds", 0.0).startsWith("callTimeoutSeconds: "));
        assertTrue(failed("name", "x", "phases", 4).startsWith("phases: "));
        assertTrue(failed("name", "x", "acceptAllIdTags", false).startsWith("idTags: "));
        assertTrue(failed("name", "x", "keystore", "/no/such/file.p12").startsWith("keystore: no file /no/such/file.p12"));
    }

    @Test
    public void aWrongKeystorePasswordIsNamed() {
        OcppConnector c = net.start("keystore", OcppSecurityTest.keystore().getPath(), "_keystorePassword", "wrong");
        Loopback.await(() -> c.health().status() == ConnectorStatus.FAILED, "FAILED: " + c.health());
        assertTrue(c.health().reason(), c.health().reason().startsWith(".keystorePassword: wrong for "));
    }

    @Test
    public void aFailedConnectorRefusesWritesAndKeepsNothingOpen() {
        OcppConnector c = net.start("name", "x", "heartbeatSeconds", 0);
        WriteOutcome o = c.write("CP-1__reset", "Soft").toCompletableFuture().join();
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertEquals(0, c.port());
    }

    @Test
    public void aTakenPortMakesItOfflineUntilThePortIsFree() throws Exception {
        ServerSocket holder = new ServerSocket();
        holder.setReuseAddress(false);
        holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        int port = holder.getLocalPort();
        OcppConnector c = net.start("port", port);
        Loopback.await(() -> c.health().status() == ConnectorStatus.OFFLINE, "OFFLINE: " + c.health());
        assertTrue(c.health().reason(), c.health().reason().startsWith("port: " + port + " on 127.0.0.1 cannot be bound"));
        holder.close();
        Loopback.await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE once the port is free: " + c.health());
        assertEquals(port, c.port());
        Loopback.get(net.chargePoint(c, "CP-1", Charger.wallbox()).connect());
    }

    @Test
    public void twoConnectorsOnOnePortOnlyOneServes() throws Exception {
        OcppConnector first = net.connector("name", "first");
        OcppConnector second = net.start("name", "second", "port", first.port());
        Loopback.await(() -> second.health().status() == ConnectorStatus.OFFLINE, "the second OFFLINE: " + second.health());
        first.close();
        Loopback.await(() -> second.health().status() == ConnectorStatus.ONLINE, "the second takes over the freed port");
    }

    @Test
    public void closingFreesThePort() throws Exception {
        OcppConnector c = net.connector();
        int port = c.port();
        net.booted("CP-1", Charger.wallbox());
        c.close();
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
        assertEquals(false, net.latest("CP-1__online"));
    }
}
