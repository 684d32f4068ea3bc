package org.bemgate.knx.internal;

import static org.bemgate.knx.internal.KnxLoopback.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.knx.CemiFrame;
import org.bemgate.simulators.knx.GroupValue;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The connection's life: the gateway refuses, disconnects, stops answering, is not there; the connector
 * goes OFFLINE with a reason, reconnects by itself, and reads its sensors again. Deactivation disconnects.
 */
public class KnxConnectionTest {

    private static final String DATAPOINTS = "{\"sensor\": {\"1/1/1\": \"DPST-9-1\"}, \"actuator\": {\"1/2/1\": \"DPST-1-1\"}}";

    private KnxLoopback net;

    @Before
    public void setUp() throws Exception {
        net = new KnxLoopback();
        net.gateway.setValue("1/1/1", GroupValue.bytes(0x0C, 0x33));
    }

    @After
    public void tearDown() {
        net.close();
    }

    private long reads() {
        return net.gateway.telegrams().stream().filter(t -> t.apci() == CemiFrame.GROUP_READ).count();
    }

    private static void awaitStatus(KnxConnector c, ConnectorStatus s) {
        await(() -> c.health().status() == s, s + ", still " + c.health());
    }

    @Test
    public void aGatewayThatDisconnectsIsReconnectedAndTheSensorsAreReadAgain() {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> reads() == 1, "the start-up read");
        net.gateway.disconnectAll();
        awaitStatus(c, ConnectorStatus.OFFLINE);
        assertTrue(c.health().reason(), c.health().reason().startsWith("connection to gateway 127.0.0.1:" + net.gateway.port() + " lost"));
        awaitStatus(c, ConnectorStatus.ONLINE);
        await(() -> reads() == 2, "the read after reconnecting");
        assertEquals(2, net.gateway.connects());
        assertEquals(1L, c.health().counters().get("connectionsLost").longValue());
    }

    @Test
    public void aGatewayThatRefusesTunnelsLeavesTheConnectorOfflineUntilItAccepts() {
        net.gateway.refuseConnections(true);
        KnxConnector c = net.connector(DATAPOINTS);
        awaitStatus(c, ConnectorStatus.OFFLINE);
        assertTrue(c.health().reason(), c.health().reason().contains("does not accept a tunnel"));
        await(() -> c.health().counters().getOrDefault("connects", 0L) >= 3, "retries with growing pauses");
        net.gateway.refuseConnections(false);
        awaitStatus(c, ConnectorStatus.ONLINE);
        await(() -> net.latest("1/1/1") != null, "the start-up read");
        assertEquals(21.5, net.latest("1/1/1"));
    }

    @Test
    public void aWriteWhileTheGatewayIsSilentFailsAndTheConnectorRecoversByItself() throws Exception {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> reads() == 1, "the start-up read");
        net.gateway.setAnswering(false);
        long start = System.nanoTime();
        WriteOutcome o = net.write("1/2/1", true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        System.out.println("write to a silent gateway failed after " + millis + " ms: " + o.reason());
        awaitStatus(c, ConnectorStatus.OFFLINE);
        net.gateway.setAnswering(true);
        awaitStatus(c, ConnectorStatus.ONLINE);
        await(() -> reads() == 2, "the read after reconnecting");
        assertEquals(WriteOutcome.accepted(), net.write("1/2/1", true));
        assertEquals(GroupValue.small(1), net.gateway.value("1/2/1"));
    }

    @Test
    public void aGatewayThatIsNotThereAtStartIsFoundWhenItComes() throws Exception {
        net.gateway.stop();
        KnxConnector c = net.connector(DATAPOINTS);
        awaitStatus(c, ConnectorStatus.OFFLINE);
        assertEquals(WriteOutcome.Status.FAILED, net.write("1/2/1", true).status());
        net.gateway.start();
        awaitStatus(c, ConnectorStatus.ONLINE);
        await(() -> net.latest("1/1/1") != null, "the start-up read");
    }

    @Test
    public void closingTheConnectorDisconnectsTheTunnel() {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> reads() == 1, "the start-up read");
        assertEquals(1, net.gateway.connections());
        c.close();
        await(() -> net.gateway.connections() == 0, "the tunnel closed by a DISCONNECT_REQUEST");
        assertEquals(1, net.gateway.disconnects());
        assertEquals(WriteOutcome.Status.FAILED, c.write("1/2/1", true).toCompletableFuture().join().status());
    }
}
